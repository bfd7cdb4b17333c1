package org.partnership.resources.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.http.ProblemMappers;
import org.partnership.resources.domain.InvalidResourceException;
import org.partnership.resources.domain.ResourceAccessDeniedException;
import org.partnership.resources.domain.ResourceConflictException;
import org.partnership.resources.domain.ObjectNotFoundException;

import java.util.List;

/** The resources domain's exceptions as RFC 9457 problems. */
public class ResourceProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response notFound(ObjectNotFoundException e, UriInfo uri) {
        return problems.problem(new ProblemException(404, e.kind().replace(' ', '-') + "-not-found", "Not found", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ResourceConflictException e, UriInfo uri) {
        return problems.problem(new ProblemException(409, e.code(), "Conflict", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response denied(ResourceAccessDeniedException e, UriInfo uri) {
        return problems.problem(new ProblemException(403, "forbidden", "Forbidden", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidResourceException e, UriInfo uri) {
        return problems.problem(ProblemException.badRequest("validation", e.field() + ": " + e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage()))), uri);
    }
}
