package org.partnership.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.util.List;
import java.util.Map;

/** The administrator's screen: organisations by status, to verify, suspend or reinstate with a reason. */
@Path("/console/admin/partners")
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    private final Api api;
    private final View view;
    private final Template partners;

    public AdminResource(Api api, View view, @Location("admin/partners.html") Template partners) {
        this.api = api;
        this.view = view;
        this.partners = partners;
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        String shown = status == null || status.isBlank() ? "PENDING_VERIFICATION" : status;
        ApiResponse found = api.get("/api/v1/partners", "status", shown, "limit", 20, "cursor", cursor);
        return view.page(partners).data("partners", found.ok() ? view.list(found) : List.of()).data("status", shown)
                .data("next", found.ok() ? found.next() : null).data("flash", found.ok() ? null : found.problem());
    }

    @POST
    @Path("{id}/{action: verify|suspend|reinstate}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object act(@PathParam("id") String id, @PathParam("action") String action, @RestForm String reason,
            @RestForm String status) {
        ApiResponse answer = api.post("/api/v1/partners/" + id + "/" + action, Map.of("reason", reason == null ? "" : reason));
        if (answer.ok()) {
            return View.seeOther("/console/admin/partners?status=" + (status == null ? "" : status));
        }
        return Response.status(422).entity(list(status, null).data("flash", answer.problem()).data("failed", id)
                .data("errors", answer.fieldErrors())).build();
    }

    /**
     * A member's proposed change of name, legal form or sector: approved (If-Match: the version the administrator read,
     * so exactly the proposal on the screen is put in force) or rejected, with a reason.
     */
    @POST
    @Path("{id}/change/{decision: approve|reject}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object decide(@PathParam("id") String id, @PathParam("decision") String decision, @RestForm String reason,
            @RestForm String version, @RestForm String status) {
        Map<String, String> headers = "approve".equals(decision) ? Map.of("If-Match", "\"" + (version == null ? "" : version) + "\"")
                : Map.of();
        ApiResponse answer = api.post("/api/v1/partners/" + id + "/pending-change/" + decision,
                Map.of("reason", reason == null ? "" : reason), headers);
        if (answer.ok()) {
            return View.seeOther("/console/admin/partners?status=" + (status == null ? "" : status) + "&decided=" + id);
        }
        return Response.status(answer.status() == 412 ? 412 : 422).entity(list(status, null)
                .data("flash", answer.status() == 412 ? null : answer.problem()).data("stale", answer.status() == 412 ? id : null)
                .data("failed", id).data("errors", answer.fieldErrors())).build();
    }
}
