package org.partnership.partners.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The realm's users as partners-service needs to know them to add a member: found by exact username or e-mail
 * address, with the partner their {@code partner_id} attribute already names, if any.
 */
@ApplicationScoped
public class UserDirectory {

    /** A user of the realm; {@code email} and {@code locale} (their language) are null when the account has none. */
    public record User(String id, String username, Optional<UUID> partnerId, String email, String locale) {

        public User(String id, String username, Optional<UUID> partnerId) {
            this(id, username, partnerId, null, null);
        }
    }

    private final KeycloakAdminClient keycloak;
    private final String realm;

    public UserDirectory(@RestClient KeycloakAdminClient keycloak,
            @ConfigProperty(name = "partnership.keycloak.realm", defaultValue = "partnership") String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /** The one user with this username, or (when it holds an {@code @}) this e-mail address; empty when none. */
    public Uni<Optional<User>> find(String usernameOrEmail) {
        String wanted = usernameOrEmail.trim().toLowerCase(Locale.ROOT);
        boolean email = wanted.contains("@");
        return keycloak.search(realm, email ? null : wanted, email ? wanted : null, true).map(found -> {
            for (JsonNode user : found) {
                String match = user.path(email ? "email" : "username").asText("");
                if (match.equalsIgnoreCase(wanted)) {
                    return Optional.of(of(user));
                }
            }
            return Optional.<User>empty();
        });
    }

    static User of(JsonNode user) {
        JsonNode claimed = user.path("attributes").path(PartnerAttribute.NAME).path(0);
        Optional<UUID> partner = Optional.empty();
        if (claimed.isTextual()) {
            try {
                partner = Optional.of(UUID.fromString(claimed.asText()));
            } catch (IllegalArgumentException notAUuid) {
                partner = Optional.empty();
            }
        }
        String email = user.path("email").isTextual() ? user.path("email").asText() : null;
        JsonNode locale = user.path("attributes").path("locale").path(0);
        return new User(user.path("id").asText(), user.path("username").asText(), partner, email,
                locale.isTextual() ? locale.asText() : null);
    }
}
