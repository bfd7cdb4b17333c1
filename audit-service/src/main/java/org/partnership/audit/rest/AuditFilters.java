package org.partnership.audit.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.partnership.audit.service.AuditQuery;
import org.partnership.http.Ids;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.http.QueryParams;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The filters the listing and the CSV export share ({@code @BeanParam}): declared, described and validated once, so the
 * two always take the same parameters and mean the same by them.
 */
public class AuditFilters {

    @QueryParam("projectId")
    @Parameter(description = "Only this project's entries")
    String projectId;

    @QueryParam("partnerId")
    @Parameter(description = "Only entries about this partner or made by its people")
    String partnerId;

    @QueryParam("actor")
    @Parameter(description = "Only entries by this actor: a username or token subject, or system:<job>")
    String actor;

    @QueryParam("type")
    @Parameter(description = "Only this event type, e.g. partnership.partner.verified.v1")
    String type;

    @QueryParam("from")
    @Parameter(description = "Only entries at or after this instant (ISO-8601, e.g. 2026-01-31T00:00:00Z)")
    String from;

    @QueryParam("to")
    @Parameter(description = "Only entries before this instant (ISO-8601)")
    String to;

    @QueryParam("correlationId")
    @Parameter(description = "Only entries caused by the request with this X-Request-Id")
    String correlationId;

    /** The validated query (400 naming the parameter that is not valid). */
    AuditQuery query() {
        return new AuditQuery(Ids.uuidOrNull(projectId, "projectId"), Ids.uuidOrNull(partnerId, "partnerId"),
                QueryParams.text(actor, 255, "actor"), QueryParams.text(type, 200, "type"), instant(from, "from"), instant(to, "to"),
                QueryParams.text(correlationId, 128, "correlationId"));
    }

    private static Instant instant(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("validation", parameter + " must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z",
                    List.of(new Problem.FieldError(parameter, "an ISO-8601 instant")));
        }
    }
}
