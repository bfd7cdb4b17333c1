package org.partnership.http;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/**
 * The partner organisation an access token says its user represents: the claim {@code partner_id}, which Keycloak
 * adds once the user's organisation is verified. A token without it, or with a value that is not a UUID, names none.
 */
public final class PartnerClaim {

    public static final String NAME = "partner_id";

    private PartnerClaim() {
    }

    public static Optional<UUID> of(JsonWebToken token) {
        Object claim = token.getClaim(NAME);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
