package org.partnership.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.partnership.console.api.Api;
import org.partnership.console.api.ApiResponse;

import java.util.List;

/** What my organisation has still to vote on, across projects (#21; GET /api/v1/proposals?awaiting=me). */
@Path("/console/proposals")
@Produces(MediaType.TEXT_HTML)
public class AwaitingVotesResource {

    private final Api api;
    private final View view;
    private final Template awaiting;

    public AwaitingVotesResource(Api api, View view, @Location("governance/awaiting.html") Template awaiting) {
        this.api = api;
        this.view = view;
        this.awaiting = awaiting;
    }

    @GET
    public TemplateInstance awaiting() {
        ApiResponse answer = view.partnerId() == null ? null : api.all("/api/v1/proposals", "awaiting", "me");
        return view.page(awaiting).data("items", answer != null && answer.ok() ? view.list(answer) : List.of())
                .data("flash", answer == null || answer.ok() ? null : answer.problem());
    }

    /** How many proposals await my organisation's vote (0 without an organisation or when the API refuses). */
    public int awaitingCount() {
        if (view.partnerId() == null) {
            return 0;
        }
        ApiResponse answer = api.all("/api/v1/proposals", "awaiting", "me");
        return answer.ok() ? answer.items().size() : 0;
    }
}
