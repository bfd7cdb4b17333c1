package org.partnership.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnership.gateway.dashboard.DashboardComposer;
import org.partnership.gateway.dashboard.DashboardSources;
import org.partnership.gateway.dashboard.Part;
import org.partnership.http.Ids;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;

/**
 * One call for the whole picture of a project, composed from the services concurrently with the caller's token, so
 * each service's authorisation applies ({@link DashboardSources}). A service that is down or slow leaves its parts
 * out and is named in {@code unavailable}; the rest is still shown. A part the service refuses this caller (403/404:
 * e.g. an invited partner does not see the ledger before accepting) is left out too and named in {@code restricted}:
 * that is no outage. A list longer than the dashboard takes is named in {@code truncated}.
 */
@Path("/api/v1/dashboards/projects/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Dashboards", description = "Composed views across the services")
@SecurityRequirement(name = "oidc")
public class DashboardResource {

    private final DashboardSources sources;

    public DashboardResource(DashboardSources sources) {
        this.sources = sources;
    }

    @GET
    @Operation(operationId = "projectDashboard", summary = "A project's dashboard",
            description = "Project and readiness, participants with sectors, needs with coverage (pledged; delivered, confirmed "
                    + "and disputed quantities — a disputed delivery counts in none but disputed until the lead confirms it or the "
                    + "contributor corrects it), contribution totals per partner (exactly resources-service's GET "
                    + "/api/v1/commitments?projectId=: pledged, delivered, confirmed, disputed, remaining), open risks with "
                    + "allocations, overdue and partially delivered contributions, what the lead must do (actionsNeeded: the readiness's actions, e.g. "
                    + "REALLOCATE_RISK when a partner that left released its risk shares), the open pledges of partners that left "
                    + "(departedPledges, resources-service's GET /api/v1/commitments/departed) and the project's horizontal and "
                    + "vertical integration (integration, projects-service's GET /api/v1/projects/{id}/integration), the open proposals with the rule's "
                    + "tally (openProposals, projects-service's GET /api/v1/projects/{id}/proposals?status=OPEN) and the decision log (decisionLog: "
                    + "the latest 100 proposals, newest first, each with who voted what and when). partial=true and unavailable[] name the services that could not answer; "
                    + "restricted[] names the parts the caller may not see (left out, no outage); truncated[] names the lists that "
                    + "were cut off at 1,000 items.")
    @APIResponse(responseCode = "200", description = "The dashboard", content = @Content(schema = @Schema(implementation = Object.class)))
    @APIResponse(responseCode = "400", description = "Malformed id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "projects-service did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ObjectNode> dashboard(@PathParam("id") String id) {
        String projectId = Ids.uuid(id, "id").toString();
        return Uni.combine().all().unis(
                        sources.project(projectId).onFailure().transform(DashboardResource::unavailable).map(DashboardResource::visible),
                        sources.readiness(projectId),
                        sources.participants(projectId),
                        sources.needs(projectId),
                        sources.commitments(projectId),
                        sources.contributions(projectId, null, true),
                        sources.contributions(projectId, "PARTIALLY_DELIVERED", null),
                        sources.risks(projectId),
                        sources.integration(projectId),
                        sources.departedPledges(projectId),
                        sources.openProposals(projectId),
                        sources.decisionLog(projectId))
                .with(r -> DashboardComposer.compose(new DashboardComposer.Parts((JsonNode) r.get(0), (Part) r.get(1),
                        (Part) r.get(2), (Part) r.get(3), (Part) r.get(4), (Part) r.get(5), (Part) r.get(6), (Part) r.get(7),
                        (Part) r.get(8), (Part) r.get(9), (Part) r.get(10), (Part) r.get(11))));
    }

    /** The project itself decides visibility: if the caller may not see it, there is no dashboard. */
    private static JsonNode visible(Part project) {
        if (project.restricted()) {
            throw ProblemException.notFound("project");
        }
        return project.value();
    }

    private static Throwable unavailable(Throwable failure) {
        return new ProblemException(503, "upstream-unavailable", "Service unavailable",
                "projects-service is unavailable; the dashboard needs at least the project");
    }
}
