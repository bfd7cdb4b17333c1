package org.partnership.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.partnership.console.api.Api;
import org.partnership.console.api.ApiResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail (issue #22). Auditors and administrators: every entry, filtered, a page at a time with the API's
 * cursor, as CSV, and the chain's verification. A project's participants read its history in {@link ProjectHistoryResource}.
 */
@Produces(MediaType.TEXT_HTML)
@Path("/console")
public class AuditResource {

    private static final List<String> FILTERS = List.of("projectId", "partnerId", "actor", "type", "from", "to", "correlationId");

    private final Api api;
    private final View view;
    private final Template trail;

    public AuditResource(Api api, View view, @Location("audit/trail.html") Template trail) {
        this.api = api;
        this.view = view;
        this.trail = trail;
    }

    @GET
    @Path("audit")
    public TemplateInstance trail(@QueryParam("projectId") String projectId, @QueryParam("partnerId") String partnerId,
            @QueryParam("actor") String actor, @QueryParam("type") String type, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("correlationId") String correlationId, @QueryParam("cursor") String cursor,
            @QueryParam("verify") boolean verify) {
        auditorOrAdmin();
        Map<String, String> filters = filters(projectId, partnerId, actor, type, from, to, correlationId);
        ApiResponse page = api.get("/api/v1/audit", query(filters, "limit", "20", "cursor", cursor));
        // recomputing the chain reads every entry: only when asked, not on every page of the trail
        ApiResponse verified = verify ? api.get("/api/v1/audit/verify") : null;
        String query = queryString(filters);
        return view.page(trail).data("entries", page.ok() ? view.list(page) : List.of()).data("filters", filters)
                .data("query", query).data("next", page.ok() ? page.next() : null)
                .data("verification", verified != null && verified.ok() ? view.map(verified.body()) : null)
                .data("flash", page.ok() ? null : page.problem());
    }

    /** The API's CSV of the same filters, with the user's token. */
    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("projectId") String projectId, @QueryParam("partnerId") String partnerId,
            @QueryParam("actor") String actor, @QueryParam("type") String type, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("correlationId") String correlationId) {
        auditorOrAdmin();
        Map<String, String> filters = filters(projectId, partnerId, actor, type, from, to, correlationId);
        return Response.ok(api.csv("/api/v1/audit/export", query(filters)))
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    private void auditorOrAdmin() {
        if (!view.hasRole("auditor") && !view.hasRole("admin")) {
            throw new ForbiddenException();
        }
    }

    /** The filters as typed (blank ones left out); days become the API's instants (to: the day after, exclusive). */
    private static Map<String, String> filters(String projectId, String partnerId, String actor, String type, String from, String to,
            String correlationId) {
        Map<String, String> filters = new LinkedHashMap<>();
        String[] values = {projectId, partnerId, actor, type, from, to, correlationId};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                filters.put(FILTERS.get(i), values[i].trim());
            }
        }
        return filters;
    }

    private static Object[] query(Map<String, String> filters, Object... more) {
        List<Object> query = new java.util.ArrayList<>();
        filters.forEach((name, value) -> {
            query.add(name);
            query.add(switch (name) {
                case "from" -> instant(value, 0);
                case "to" -> instant(value, 1);
                default -> value;
            });
        });
        query.addAll(java.util.Arrays.asList(more));
        return query.toArray();
    }

    /** A day as the instant it starts (UTC), plus {@code days}; anything else is passed on for the API to judge. */
    private static String instant(String day, int days) {
        try {
            return LocalDate.parse(day).plusDays(days).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString();
        } catch (DateTimeParseException e) {
            return day;
        }
    }

    private static String queryString(Map<String, String> filters) {
        StringBuilder q = new StringBuilder();
        filters.forEach((name, value) -> q.append(q.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return q.toString();
    }
}
