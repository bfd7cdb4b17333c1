package org.partnership.http;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Set;

/**
 * Refused changes are not business events, but repeated refusals are a signal (#22): every POST, PUT, PATCH or DELETE
 * answered 401, 403, 409 or 412 counts in {@value #METER}, tagged with the caller ({@code user}: the token's
 * preferred_username, {@code anonymous} without a valid token), the {@code status} and the {@code reason} (the problem
 * type's slug, e.g. {@code forbidden}, {@code version-mismatch}).
 */
public class RefusedWrites {

    public static final String METER = "http.refused.writes";

    private static final Set<String> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<Integer> REFUSALS = Set.of(401, 403, 409, 412);

    private final CurrentIdentityAssociation identities;

    public RefusedWrites(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerResponseFilter
    public Uni<Void> count(ContainerRequestContext request, ContainerResponseContext response) {
        if (!CHANGES.contains(request.getMethod()) || !REFUSALS.contains(response.getStatus())) {
            return Uni.createFrom().voidItem();
        }
        String reason = response.getEntity() instanceof Problem problem && problem.type() != null
                ? problem.type().replace(Problem.TYPE_PREFIX, "") : Integer.toString(response.getStatus());
        int status = response.getStatus();
        return identities.getDeferredIdentity().onFailure().recoverWithNull().invoke(identity ->
                Metrics.counter(METER, "user", user(identity), "status", Integer.toString(status), "reason", reason).increment())
                .replaceWithVoid();
    }

    private static String user(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("preferred_username") != null) {
            return token.getClaim("preferred_username").toString();
        }
        return identity.getPrincipal().getName();
    }
}
