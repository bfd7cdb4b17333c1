package org.partnership.projects.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.http.ProblemMappers;
import org.partnership.projects.domain.LaunchNotReadyException;
import org.partnership.projects.domain.LaunchReadiness;
import org.partnership.projects.domain.ProjectAccessDeniedException;
import org.partnership.projects.domain.ProjectConflictException;
import org.partnership.projects.domain.ProjectNotFoundException;
import org.partnership.projects.domain.ProjectValidationException;

import java.util.List;

/** The project domain's exceptions as RFC 9457 problems. */
public class ProjectProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    /** A refused launch: the problem, plus each failing readiness criterion (also as {@code errors[]}: code, reason). */
    @Schema(name = "LaunchRefusedProblem")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record LaunchRefusedProblem(String type, String title, int status, String detail, String instance, String requestId,
                                       List<Problem.FieldError> errors, List<FailingCriterion> criteria) {
    }

    public record FailingCriterion(String code, boolean passed, String reason) {
    }

    @ServerExceptionMapper
    public Response notFound(ProjectNotFoundException e, UriInfo uri) {
        return problems.problem(new ProblemException(404, "not-found", "Not found", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ProjectConflictException e, UriInfo uri) {
        return problems.problem(new ProblemException(409, e.code(), "Conflict", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response denied(ProjectAccessDeniedException e, UriInfo uri) {
        return problems.problem(ProblemException.forbidden(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ProjectValidationException e, UriInfo uri) {
        return problems.problem(ProblemException.badRequest("validation", e.field() + " " + e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage()))), uri);
    }

    @ServerExceptionMapper
    public Response notReady(LaunchNotReadyException e, UriInfo uri) {
        List<LaunchReadiness.Criterion> failing = e.failing();
        Response base = problems.problem(new ProblemException(Problem.of(409, "launch-not-ready", "Not ready to launch",
                e.getMessage()).withErrors(failing.stream().map(c -> new Problem.FieldError(c.code(), c.reason())).toList())), uri);
        Problem p = (Problem) base.getEntity();
        return Response.fromResponse(base).entity(new LaunchRefusedProblem(p.type(), p.title(), p.status(), p.detail(),
                p.instance(), p.requestId(), p.errors(),
                failing.stream().map(c -> new FailingCriterion(c.code(), c.passed(), c.reason())).toList())).build();
    }
}
