package org.partnership.resources.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.partnership.http.PartnerClaim;
import org.partnership.resources.domain.Caller;

/** Who the caller is: subject and realm roles from the verified access token, their partner from {@code partner_id}. */
@ApplicationScoped
public class CallerResolver {

    private final SecurityIdentity identity;

    public CallerResolver(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        return new Caller(token.getSubject(), token.getClaim("preferred_username"), identity.getRoles(), PartnerClaim.of(token));
    }
}
