package org.partnership.projects.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.partnership.http.PartnerClaim;
import org.partnership.projects.domain.Caller;

/** Who the caller is: subject, roles and the partner they represent, all from the verified access token. */
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
