package org.partnership.projects.rest;

import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.projects.domain.Project;
import org.partnership.projects.rest.ProjectRequests.UpdateProjectRequest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Between request bodies and the domain: merges of partial updates, query parameter parsing. */
final class ProjectMapping {

    /** The OpenAPI tag of every projects-service resource. */
    static final String TAG = "Projects";
    static final String TAG_DESCRIPTION = "Joint projects: lifecycle, participants and invitations, launch readiness, indicators";
    static final String IDEMPOTENCY_KEY = "Makes the create safe to retry (1-200 visible ASCII characters); a repeat returns the first response (header Idempotent-Replayed: true)";

    private ProjectMapping() {
    }

    /** The current plan with the fields the request sets (cross-field rules are checked by {@link Project.Plan}). */
    static Project.Plan merge(Project.Plan current, UpdateProjectRequest r) {
        return new Project.Plan(
                r.title() != null ? r.title() : current.title(),
                r.purpose() != null ? r.purpose() : current.purpose(),
                r.dimensions() != null ? r.dimensions() : current.dimensions(),
                r.plannedStart() != null ? r.plannedStart() : current.plannedStart(),
                r.plannedEnd() != null ? r.plannedEnd() : current.plannedEnd(),
                r.requiredCoveragePercent() != null ? r.requiredCoveragePercent() : current.requiredCoveragePercent(),
                r.governanceRule() != null ? r.governanceRule() : current.governanceRule());
    }

    static OffsetDateTime instant(String value, String parameter) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("validation", parameter + " is not valid; use the 'next' value of a previous page",
                    List.of(new Problem.FieldError(parameter, "not a cursor from this list")));
        }
    }
}
