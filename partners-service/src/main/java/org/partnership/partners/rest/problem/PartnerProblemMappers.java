package org.partnership.partners.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.partnership.http.ProblemException;
import org.partnership.http.ProblemMappers;
import org.partnership.partners.domain.MemberNotFoundException;
import org.partnership.partners.domain.PartnerAccessDeniedException;
import org.partnership.partners.domain.PartnerConflictException;
import org.partnership.partners.domain.PartnerNotFoundException;
import org.partnership.partners.domain.UnknownUserException;

/** The partner domain's exceptions as RFC 9457 problems. */
public class PartnerProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response notFound(PartnerNotFoundException e, UriInfo uri) {
        return problems.problem(new ProblemException(404, "partner-not-found", "Partner not found", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response memberNotFound(MemberNotFoundException e, UriInfo uri) {
        return problems.problem(new ProblemException(404, "member-not-found", "Member not found", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unknownUser(UnknownUserException e, UriInfo uri) {
        return problems.problem(new ProblemException(422, "unknown-user", "Unknown user", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(PartnerConflictException e, UriInfo uri) {
        return problems.problem(new ProblemException(409, e.code(), "Conflict", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response denied(PartnerAccessDeniedException e, UriInfo uri) {
        return problems.problem(new ProblemException(403, "forbidden", "Forbidden", e.getMessage()), uri);
    }
}
