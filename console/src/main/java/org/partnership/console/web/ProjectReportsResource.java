package org.partnership.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.partnership.console.api.Api;
import org.partnership.console.api.ApiResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A project's read-only reports: the dashboard and the partners' commitments (page and CSV). */
@Path("/console/projects")
@Produces(MediaType.TEXT_HTML)
public class ProjectReportsResource {

    /** The indicators whose history the dashboard draws (the others: their progress bar and a link to their page). */
    static final int CHARTS = 12;

    private final Api api;
    private final View view;
    private final Template dashboard;
    private final Template commitments;

    public ProjectReportsResource(Api api, View view, @Location("projects/dashboard.html") Template dashboard,
            @Location("projects/commitments.html") Template commitments) {
        this.api = api;
        this.view = view;
        this.dashboard = dashboard;
        this.commitments = commitments;
    }

    @GET
    @Path("{id}/dashboard")
    public TemplateInstance dashboard(@PathParam("id") String id) {
        // the dashboard, the indicators and what every page shows at once, then each charted indicator's latest
        // measurements at once
        view.prefetch();
        List<ApiResponse> first = api.getEach(List.of("/api/v1/dashboards/projects/" + id, "/api/v1/projects/" + id + "/indicators?limit=100"));
        ApiResponse answer = visible(first.get(0));
        Map<String, Object> board = view.map(answer.body());
        ApiResponse indicators = first.get(1);
        if (indicators.ok() && indicators.next() != null) {
            indicators = api.all("/api/v1/projects/" + id + "/indicators");
        }
        List<Map<String, Object>> shown = indicators.ok() ? view.list(indicators) : List.of();
        List<Map<String, Object>> charted = shown.subList(0, Math.min(CHARTS, shown.size()));
        List<ApiResponse> measured = charted.isEmpty() ? List.of() : api.getEach(charted.stream()
                .map(i -> "/api/v1/projects/" + id + "/indicators/" + i.get("id") + "/measurements?limit=" + IndicatorsResource.CHARTED).toList());
        Map<Object, IndicatorChart> charts = new HashMap<>();
        for (int i = 0; i < charted.size(); i++) {
            ApiResponse m = measured.get(i);
            charts.put(charted.get(i).get("id"), IndicatorChart.of(charted.get(i), m.ok() ? view.list(m) : List.of()));
        }
        List<Map<String, Object>> risks = board.get("risks") instanceof List<?> ? view.list(new ApiResponse(200, answer.body().path("risks"), null)) : List.of();
        return view.page(dashboard).data("board", board).data("project", board.get("project"))
                .data("heat", HeatMap.of(risks)).data("indicators", shown).data("charts", charts);
    }

    /** What each partner has pledged, delivered and still owes in the project, and the risk it carries (read only). */
    @GET
    @Path("{id}/commitments")
    public TemplateInstance commitments(@PathParam("id") String id) {
        ApiResponse answer = visible(api.get("/api/v1/commitments", "projectId", id));
        List<Map<String, Object>> partners = view.list(new ApiResponse(200, answer.body().path("partners"), null));
        return view.page(commitments).data("project", id).data("title", answer.body().path("projectTitle").asText(""))
                .data("partners", partners).data("flash", answer.ok() ? null : answer.problem());
    }

    /** The same totals as the API's CSV (one row per partner and type or currency). */
    @GET
    @Path("{id}/commitments.csv")
    @Produces("text/csv")
    public Response commitmentsCsv(@PathParam("id") String id) {
        return Response.ok(api.csv("/api/v1/commitments", "projectId", id))
                .header("Content-Disposition", "attachment; filename=\"commitments-project.csv\"").build();
    }

    /** A project the caller may not see, or no project at all, is the console's not-found page, never data. */
    private static ApiResponse visible(ApiResponse answer) {
        if (answer.status() == 404 || answer.status() == 403 || answer.status() == 400) {
            throw new NotFoundException();
        }
        return answer;
    }
}
