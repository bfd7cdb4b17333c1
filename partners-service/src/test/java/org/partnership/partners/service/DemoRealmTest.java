package org.partnership.partners.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo organisations' members are the realm's demo users as Keycloak imports them (keycloak/partnership-realm.json):
 * the same fixed user id, which becomes their token subject, so the notifications addressed to the member reach the
 * person who signs in; the same username and e-mail address; and their partner_id names that organisation.
 */
class DemoRealmTest {

    @Test
    void shouldNameTheRealmsDemoUsersAsTheRealmImportsThem() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(Path.of("..", "keycloak", "partnership-realm.json").toFile());
        for (DemoPartners.Demo organisation : DemoPartners.PARTNERS) {
            DemoPartners.Representative member = organisation.representative();
            JsonNode user = StreamSupport.stream(realm.path("users").spliterator(), false)
                    .filter(u -> u.path("username").asText().equals(member.username())).findFirst()
                    .orElseThrow(() -> new AssertionError(member.username() + " is not a user of the realm"));
            assertThat(user.path("id").asText()).as(member.username()).isEqualTo(member.id());
            assertThat(user.path("email").asText()).as(member.username()).isEqualTo(member.email());
            assertThat(user.path("attributes").path("partner_id").path(0).asText()).as(member.username()).isEqualTo(organisation.id());
        }
    }
}
