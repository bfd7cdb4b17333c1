package org.partnership.http;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Auditors read everything and change nothing (DESIGN, section 4): a change (POST, PUT, PATCH, DELETE) by an auditor
 * who is not also an administrator is answered 403 before its body is read, so a caller who may not perform an
 * operation at all learns that, not the field errors of a body it may never send. Rules that depend on the role run
 * the same way, before the body ({@code @RolesAllowed} on the operation); rules that depend on the object (is the
 * caller's partner the project's lead?) run in the services, after it.
 */
public class AuditorsChangeNothing {

    private static final Set<String> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final CurrentIdentityAssociation identities;

    public AuditorsChangeNothing(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /** Null (go on) unless an auditor asks for a change; the identity is resolved lazily (proactive auth is off). */
    @ServerRequestFilter
    public Uni<Response> refuse(ContainerRequestContext request) {
        if (!CHANGES.contains(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onFailure().recoverWithNull().map(identity -> refused(identity)
                ? ProblemMappers.respond(Problem.of(403, "forbidden", "Forbidden", "auditors read; they change nothing"), request.getUriInfo())
                : null);
    }

    private static boolean refused(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && identity.hasRole("auditor") && !identity.hasRole("admin");
    }
}
