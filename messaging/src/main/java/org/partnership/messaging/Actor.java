package org.partnership.messaging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.partnership.http.PartnerClaim;

import java.util.List;
import java.util.UUID;

/**
 * Who caused an event: the CloudEvents extension attribute {@code actor}. For a request, the verified token's
 * subject, username, partner ({@code partner_id} claim, absent when it names none) and roles; for the system (a job,
 * a consumer reacting to another event), {@code sub} and {@code username} are {@code system:<job>} and the event's
 * {@code causationid} names the event that caused it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(String sub, String username, String partnerId, List<String> roles) {

    public static final String SYSTEM_PREFIX = "system:";

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The system acting as {@code job}, e.g. {@code system:auto-confirm}. */
    public static Actor system(String job) {
        String name = SYSTEM_PREFIX + job;
        return new Actor(name, name, null, List.of());
    }

    /** The user behind a verified identity; null for none or an anonymous one. */
    public static Actor of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        List<String> roles = identity.getRoles().stream().sorted().toList();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object username = token.getClaim("preferred_username");
            String partner = PartnerClaim.of(token).map(UUID::toString).orElse(null);
            return new Actor(token.getSubject(), username == null ? token.getName() : username.toString(), partner, roles);
        }
        String name = identity.getPrincipal().getName();
        return new Actor(name, name, null, roles);
    }

    @JsonIgnore
    public boolean isSystem() {
        return sub != null && sub.startsWith(SYSTEM_PREFIX);
    }
}
