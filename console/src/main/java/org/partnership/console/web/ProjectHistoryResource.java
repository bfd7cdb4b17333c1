package org.partnership.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.partnership.console.api.Api;
import org.partnership.console.api.ApiResponse;

import java.util.List;

/**
 * A project's decisions and changes from the audit trail (issue #22), for whoever may see the project: the API shows
 * each caller only the entries they may see, and a project they may not see is not found. Under
 * {@code /console/projects} like the project's other pages (a class under {@code /console} does not get these paths:
 * the longest class path matches first).
 */
@Produces(MediaType.TEXT_HTML)
@Path("/console/projects")
public class ProjectHistoryResource {

    private final Api api;
    private final View view;
    private final Template history;

    public ProjectHistoryResource(Api api, View view, @Location("audit/history.html") Template history) {
        this.api = api;
        this.view = view;
        this.history = history;
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") String id, @QueryParam("cursor") String cursor) {
        ApiResponse project = api.get("/api/v1/projects/" + id);
        if (project.status() == 404 || project.status() == 403 || project.status() == 400) {
            throw new NotFoundException();
        }
        ApiResponse page = api.get("/api/v1/audit", "projectId", id, "limit", 20, "cursor", cursor);
        return view.page(history).data("project", view.map(project.body())).data("entries", page.ok() ? view.list(page) : List.of())
                .data("next", page.ok() ? page.next() : null).data("flash", page.ok() ? null : page.problem());
    }
}
