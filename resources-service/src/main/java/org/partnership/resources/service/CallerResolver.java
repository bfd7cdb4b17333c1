package org.partnership.resources.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.partnership.resources.domain.Caller;

import java.util.Optional;
import java.util.UUID;

/** Who the caller is: subject and realm roles from the verified access token, their partner from {@code partner_id}. */
@ApplicationScoped
public class CallerResolver {

    private final SecurityIdentity identity;

    public CallerResolver(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        return new Caller(token.getSubject(), token.getClaim("preferred_username"), identity.getRoles(), partnerClaim(token));
    }

    private static Optional<UUID> partnerClaim(JsonWebToken token) {
        Object claim = token.getClaim("partner_id");
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
