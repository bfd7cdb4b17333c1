package org.partnership.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.partnership.console.api.Api;
import org.partnership.console.api.ApiResponse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's indicators (#20): the list with the form to declare one (the lead's members), and an indicator's page
 * with its measurements over time (a server-rendered SVG chart and the table, paged with the API's cursors), the form
 * to record a measurement (participants) and the dated targets to change (the lead's members, If-Match: the
 * indicator's ETag; a 412 says someone else changed them and keeps what the user typed). The API decides who may do
 * what; a refusal shows its problem.
 */
@Path("/console/projects")
@Produces(MediaType.TEXT_HTML)
public class IndicatorsResource {

    /** The measurements the chart draws: the latest this many. */
    static final int CHARTED = 50;
    private static final List<String> FIELDS = List.of("name", "unit", "baseline", "target", "dueDate");

    private final Api api;
    private final View view;
    private final Template list;
    private final Template indicator;

    public IndicatorsResource(Api api, View view, @Location("indicators/list.html") Template list,
            @Location("indicators/indicator.html") Template indicator) {
        this.api = api;
        this.view = view;
        this.list = list;
        this.indicator = indicator;
    }

    @GET
    @Path("{id}/indicators")
    public TemplateInstance list(@PathParam("id") String id, @QueryParam("cursor") String cursor) {
        return listPage(id, cursor, null, Map.of(), Map.of());
    }

    /** Declares an indicator: a final target due at the given date, or at the project's planned end without one. */
    @POST
    @Path("{id}/indicators")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object declare(@PathParam("id") String id, @RestForm String name, @RestForm String unit, @RestForm String baseline,
            @RestForm String target, @RestForm String dueDate, @RestForm String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", blankToNull(name));
        body.put("unit", blankToNull(unit));
        body.put("baseline", blankToNull(baseline));
        if (dueDate == null || dueDate.isBlank()) {
            body.put("target", blankToNull(target));
        } else {
            Map<String, Object> dated = new LinkedHashMap<>();
            dated.put("value", blankToNull(target));
            dated.put("dueDate", dueDate.trim());
            body.put("targets", List.of(dated));
        }
        ApiResponse created = api.post("/api/v1/projects/" + id + "/indicators", body,
                Map.of("Idempotency-Key", key == null || key.isBlank() ? View.newKey() : key));
        if (created.ok()) {
            return View.seeOther("/console/projects/" + id + "/indicators/" + created.body().path("id").asText() + "?done=declared");
        }
        Map<String, String> errors = new LinkedHashMap<>(created.fieldErrors());
        if (errors.containsKey("targets") || errors.containsKey("value")) {
            errors.putIfAbsent("target", errors.getOrDefault("value", errors.get("targets")));
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("name", nullToEmpty(name));
        kept.put("unit", nullToEmpty(unit));
        kept.put("baseline", nullToEmpty(baseline));
        kept.put("target", nullToEmpty(target));
        kept.put("dueDate", nullToEmpty(dueDate));
        kept.put("key", key);
        return Response.status(created.status() == 409 ? 409 : 422)
                .entity(listPage(id, null, errors.isEmpty() ? created.problem() : null, errors, kept)).build();
    }

    @GET
    @Path("{id}/indicators/{indicator}")
    public TemplateInstance indicator(@PathParam("id") String id, @PathParam("indicator") String indicatorId,
            @QueryParam("cursor") String cursor, @QueryParam("done") String done) {
        String notice = "measured".equals(done) || "declared".equals(done) || "targets".equals(done) ? done : null;
        return indicatorPage(id, indicatorId, cursor, notice, null, Map.of(), Map.of(), null);
    }

    @POST
    @Path("{id}/indicators/{indicator}/measurements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object measure(@PathParam("id") String id, @PathParam("indicator") String indicatorId, @RestForm String value,
            @RestForm String measuredAt, @RestForm String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", blankToNull(value));
        body.put("measuredAt", blankToNull(measuredAt));
        ApiResponse recorded = api.post("/api/v1/projects/" + id + "/indicators/" + indicatorId + "/measurements", body,
                Map.of("Idempotency-Key", key == null || key.isBlank() ? View.newKey() : key));
        if (recorded.ok()) {
            return View.seeOther("/console/projects/" + id + "/indicators/" + indicatorId + "?done=measured");
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("value", nullToEmpty(value));
        kept.put("measuredAt", nullToEmpty(measuredAt));
        kept.put("key", key);
        Map<String, String> errors = recorded.fieldErrors();
        return Response.status(recorded.status() == 409 ? 409 : 422).entity(indicatorPage(id, indicatorId, null, null,
                errors.isEmpty() ? recorded.problem() : null, errors, kept, null)).build();
    }

    /** Replaces the dated targets (rows left blank are dropped) on the version the user saw. */
    @POST
    @Path("{id}/indicators/{indicator}/targets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object changeTargets(@PathParam("id") String id, @PathParam("indicator") String indicatorId,
            @RestForm List<String> targetValue, @RestForm List<String> targetDue, @RestForm String version) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> targets = new ArrayList<>();
        targetValue = targetValue == null ? List.of() : targetValue;
        targetDue = targetDue == null ? List.of() : targetDue;
        int n = Math.max(targetValue.size(), targetDue.size());
        for (int i = 0; i < n; i++) {
            String v = i < targetValue.size() ? nullToEmpty(targetValue.get(i)).trim() : "";
            String d = i < targetDue.size() ? nullToEmpty(targetDue.get(i)).trim() : "";
            rows.add(Map.of("value", v, "dueDate", d));
            if (!v.isEmpty() || !d.isEmpty()) {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("value", v.isEmpty() ? null : v);
                target.put("dueDate", d.isEmpty() ? null : d);
                targets.add(target);
            }
        }
        Map<String, String> headers = version == null || version.isBlank() ? Map.of() : Map.of("If-Match", version);
        ApiResponse changed = api.put("/api/v1/projects/" + id + "/indicators/" + indicatorId + "/targets", Map.of("targets", targets), headers);
        if (changed.ok()) {
            return View.seeOther("/console/projects/" + id + "/indicators/" + indicatorId + "?done=targets#targets");
        }
        if (changed.status() == 412) {
            return Response.status(412).entity(indicatorPage(id, indicatorId, null, null, null, Map.of(), Map.of(), rows)
                    .data("stale", true)).build();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String detail = changed.fieldErrors().values().stream().findFirst().orElse(changed.problem());
        errors.put("targets", detail);
        return Response.status(changed.status() == 409 ? 409 : 422)
                .entity(indicatorPage(id, indicatorId, null, null, null, errors, Map.of(), rows)).build();
    }

    private TemplateInstance listPage(String id, String cursor, String flash, Map<String, String> errors, Map<String, Object> kept) {
        List<ApiResponse> answers = api.getEach(List.of("/api/v1/projects/" + id,
                "/api/v1/projects/" + id + "/indicators?limit=20" + (cursor == null || cursor.isBlank() ? "" : "&cursor=" + encode(cursor))));
        Map<String, Object> project = view.map(visible(answers.get(0)).body());
        ApiResponse page = visible(answers.get(1));
        return view.page(list).data("project", project).data("indicators", view.list(page)).data("next", page.next())
                .data("lead", lead(project)).data("indicatorFields", FIELDS)
                .data("key", kept.get("key") instanceof String k && !k.isBlank() ? k : View.newKey())
                .data("flash", flash).data("errors", errors).data("form", kept);
    }

    private TemplateInstance indicatorPage(String id, String indicatorId, String cursor, String notice, String flash,
            Map<String, String> errors, Map<String, Object> kept, List<Map<String, Object>> typedTargets) {
        String base = "/api/v1/projects/" + id + "/indicators/" + indicatorId;
        boolean older = cursor != null && !cursor.isBlank();
        // the project, the indicator, the latest measurements for the chart and the table's page, all at once
        List<ApiResponse> answers = api.getEach(List.of("/api/v1/projects/" + id, base, base + "/measurements?limit=" + CHARTED,
                base + "/measurements?limit=20" + (older ? "&cursor=" + encode(cursor) : "")));
        Map<String, Object> project = view.map(visible(answers.get(0)).body());
        ApiResponse read = visible(answers.get(1));
        Map<String, Object> shown = view.map(read.body());
        ApiResponse latest = answers.get(2);
        ApiResponse table = answers.get(3);
        List<Map<String, Object>> charted = latest.ok() ? view.list(latest) : List.of();
        List<Map<String, Object>> rows = table.ok() ? view.list(table) : List.of();
        String next = table.ok() ? table.next() : null;
        List<Map<String, Object>> targetRows = typedTargets;
        if (targetRows == null) {
            targetRows = new ArrayList<>();
            if (shown.get("targets") instanceof List<?> targets) {
                for (Object t : targets) {
                    if (t instanceof Map<?, ?> m) {
                        targetRows.add(Map.of("value", String.valueOf(m.get("value")), "dueDate", String.valueOf(m.get("dueDate"))));
                    }
                }
            }
        }
        targetRows = new ArrayList<>(targetRows);
        for (int i = 0; i < 2; i++) {
            targetRows.add(Map.of("value", "", "dueDate", ""));
        }
        return view.page(indicator).data("project", project).data("indicator", shown).data("version", read.etag())
                .data("chart", IndicatorChart.of(shown, charted)).data("measurements", rows).data("next", next)
                .data("participant", GovernanceResource.participant(view.partnerId(), project)).data("lead", lead(project))
                .data("targetRows", targetRows).data("today", LocalDate.now(ZoneOffset.UTC).toString())
                .data("key", kept.get("key") instanceof String k && !k.isBlank() ? k : View.newKey())
                .data("notice", notice).data("stale", false).data("flash", flash).data("errors", errors).data("form", kept);
    }

    /** Whether the signed-in user's organisation leads the project (its members declare indicators and set targets). */
    private boolean lead(Map<String, Object> project) {
        String mine = view.partnerId();
        return mine != null && mine.equals(project.get("leadPartnerId"));
    }

    /** A project or indicator the caller may not see, or none at all, is the console's not-found page, never data. */
    private static ApiResponse visible(ApiResponse answer) {
        if (answer.status() == 404 || answer.status() == 403 || answer.status() == 400) {
            throw new NotFoundException();
        }
        return answer;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
