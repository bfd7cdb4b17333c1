package org.partnership.partners.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Tokens;
import org.partnership.testsupport.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/**
 * The local stack's demo data: each demo organisation has its demo user as a member, and its events say so with their
 * e-mail address, which is how notifications-service learns whom to notify (a demo user who is not in a
 * {@code member-added} event never gets a notification). Loaded here as a start with demo data does, in the suite's
 * one application (no test profile, so no extra start); the suite's other tests use random names and ids of their own.
 */
@QuarkusTest
class DemoPartnersTest {

    private static final String PARTNERS = "/api/v1/partners";

    @Inject
    DemoPartners demo;

    @Test
    void shouldMakeEachDemoUserAMemberOfTheirOrganisationWithTheirAddressAndDuplicateNothingOnRestart() throws Throwable {
        demo.load();
        demo.load(); // a restart of the local stack

        for (DemoPartners.Demo organisation : DemoPartners.PARTNERS) {
            DemoPartners.Representative user = organisation.representative();
            String id = organisation.id();
            // their token as the realm issues it: the fixed user id as subject, partner_id naming the organisation
            String token = Tokens.user(user.username()).subject(user.id()).roles("partner-rep").partner(UUID.fromString(id)).sign();

            as(token).get(PARTNERS + "/" + id + "/members").then().statusCode(200)
                    .body("items.userId", is(List.of(user.id()))).body("items.username", is(List.of(user.username())));
            as(token).get(PARTNERS + "/" + id).then().statusCode(200).header("ETag", "\"1\"").body("status", is("ACTIVE"));
            // a change after the restart: an event of the same key, so anything the restart published comes before it
            as(token).header("If-Match", "\"1\"").body(Map.of("description", "Edited by " + user.username()))
                    .patch(PARTNERS + "/" + id).then().statusCode(200);

            List<String> events = Topics.values("partners.v1", id, 4, Duration.ofSeconds(20));
            events.forEach(EventContracts::assertProduced);
            assertThat(events.stream().map(e -> json(e).path("type").asText())).as(organisation.name()).containsExactly(
                    "partnership.partner.registered.v1", "partnership.partner.member-added.v1",
                    "partnership.partner.verified.v1", "partnership.partner.updated.v1");
            JsonNode added = json(events.get(1)).path("data");
            assertThat(added.path("partnerId").asText()).isEqualTo(id);
            assertThat(added.path("userId").asText()).isEqualTo(user.id());
            assertThat(added.path("username").asText()).isEqualTo(user.username());
            assertThat(added.path("email").asText()).isEqualTo(user.username() + "@demo.partnership.example");
            assertThat(added.path("by").asText()).isEqualTo("system:demo-data");
            assertThat(added.has("locale")).isFalse();
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
