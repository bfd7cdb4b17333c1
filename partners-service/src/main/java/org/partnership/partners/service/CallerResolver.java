package org.partnership.partners.service;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.partnership.http.PartnerClaim;
import org.partnership.partners.domain.Caller;
import org.partnership.partners.domain.PartnerMember;
import org.partnership.partners.repository.PartnerMemberRepository;

import java.util.Optional;
import java.util.UUID;

/**
 * Who the caller is: subject and roles from the verified access token; their partner from the {@code partner_id}
 * claim, or — before Keycloak carries the claim — from the membership recorded when they registered it.
 */
@ApplicationScoped
public class CallerResolver {

    private final SecurityIdentity identity;
    private final PartnerMemberRepository members;

    public CallerResolver(SecurityIdentity identity, PartnerMemberRepository members) {
        this.identity = identity;
        this.members = members;
    }

    public Uni<Caller> current() {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        String subject = token.getSubject();
        String username = token.getClaim("preferred_username");
        Optional<UUID> claimed = PartnerClaim.of(token);
        if (claimed.isPresent()) {
            return Uni.createFrom().item(new Caller(subject, username, identity.getRoles(), claimed));
        }
        return members.findById(subject).map(member -> new Caller(subject, username, identity.getRoles(),
                Optional.ofNullable(member).map(PartnerMember::partnerId)));
    }
}
