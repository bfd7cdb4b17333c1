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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a project integrates sectors, dimensions and levels, and the coordinator's portfolio of projects (read only).
 * Under the projects' root path: JAX-RS picks the root resource by its longest literal prefix, so a page of a project
 * declared under a shorter root ("/console") would never be reached.
 */
@Path("/console/projects")
@Produces(MediaType.TEXT_HTML)
public class IntegrationResource {

    private final Api api;
    private final View view;
    private final Template integration;
    private final Template portfolio;

    public IntegrationResource(Api api, View view, @Location("projects/integration.html") Template integration,
            @Location("projects/portfolio.html") Template portfolio) {
        this.api = api;
        this.view = view;
        this.integration = integration;
        this.portfolio = portfolio;
    }

    @GET
    @Path("{id}/integration")
    public TemplateInstance integration(@PathParam("id") String id) {
        ApiResponse answer = api.get("/api/v1/projects/" + id + "/integration");
        if (!answer.ok()) {
            throw new NotFoundException();
        }
        Map<String, Object> found = view.map(answer.body());
        return view.page(integration).data("integ", found).data("project", id).data("rows", rows(found));
    }

    @GET
    @Path("portfolio")
    public TemplateInstance portfolio(@QueryParam("cursor") String cursor) {
        ApiResponse page = api.get("/api/v1/projects/portfolio", "limit", 20, "cursor", cursor);
        return view.page(portfolio).data("items", page.ok() ? view.list(page) : List.of()).data("next", page.ok() ? page.next() : null)
                .data("flash", page.ok() ? null : page.problem());
    }

    /** The matrix as rows (one per sector) of cells in the order of the project's dimensions, for a plain table. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Map<String, Object> integration) {
        List<String> dimensions = (List<String>) integration.getOrDefault("dimensions", List.of());
        Map<String, Map<String, Object>> cells = new LinkedHashMap<>();
        for (Object c : (List<Object>) integration.getOrDefault("matrix", List.of())) {
            Map<String, Object> cell = (Map<String, Object>) c;
            cells.put(cell.get("sector") + "/" + cell.get("dimension"), cell);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object sector : (List<Object>) integration.getOrDefault("sectors", List.of())) {
            List<Map<String, Object>> row = new ArrayList<>();
            for (String dimension : dimensions) {
                row.add(cells.getOrDefault(sector + "/" + dimension, Map.of("partners", List.of(), "contributions", List.of())));
            }
            rows.add(Map.of("sector", sector, "cells", row));
        }
        return rows;
    }
}
