package org.partnership.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.partnership.gateway.config.GatewayConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnership.gateway.client.ServiceClients;
import org.partnership.gateway.dashboard.DashboardComposer;
import org.partnership.http.Ids;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One call for the whole picture of a project, composed from the services concurrently with the caller's token, so
 * each service's authorisation applies. A service that is down or slow leaves its parts null and is named in
 * {@code unavailable}; the rest is still shown. A part the service refuses this caller (403/404: e.g. an invited partner
 * does not see the ledger before accepting) is null too and named in {@code restricted}: that is no outage.
 */
@Path("/api/v1/dashboards/projects/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Dashboards", description = "Composed views across the services")
@SecurityRequirement(name = "oidc")
public class DashboardResource {

    private static final int PAGE = 100;
    private static final int MAX_PAGES = 10;

    private final ServiceClients.Projects projects;
    private final ServiceClients.Resources resources;
    private final Duration timeout;

    public DashboardResource(@RestClient ServiceClients.Projects projects, @RestClient ServiceClients.Resources resources,
            GatewayConfig config) {
        this.projects = projects;
        this.resources = resources;
        this.timeout = config.dashboardTimeout();
    }

    @GET
    @Operation(operationId = "projectDashboard", summary = "A project's dashboard",
            description = "Project and readiness, participants with sectors, needs with coverage, contribution totals per partner, "
                    + "open risks with allocations, overdue and partially delivered contributions. partial=true and unavailable[] "
                    + "name the services that could not answer; restricted[] names the parts the caller may not see (null, no outage).")
    @APIResponse(responseCode = "200", description = "The dashboard", content = @Content(schema = @Schema(implementation = Object.class)))
    @APIResponse(responseCode = "400", description = "Malformed id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ObjectNode> dashboard(@PathParam("id") String id) {
        String projectId = Ids.uuid(id, "id").toString();
        List<String> unavailable = Collections.synchronizedList(new ArrayList<>());
        List<String> restricted = Collections.synchronizedList(new ArrayList<>());
        Uni<JsonNode> project = projects.project(projectId).ifNoItem().after(timeout).fail()
                .onFailure().transform(DashboardResource::projectFailure);
        return Uni.combine().all().unis(
                        project,
                        part(projects.readiness(projectId), "projects-service", unavailable, restricted, "readiness"),
                        part(projects.participants(projectId), "projects-service", unavailable, restricted, "participants"),
                        part(resources.needs(projectId, PAGE), "resources-service", unavailable, restricted, "needs"),
                        part(contributions(projectId, null, new ArrayList<>(), 0), "resources-service", unavailable, restricted,
                                "contributionsByPartner", "overdue", "partiallyDelivered"),
                        part(resources.risks(projectId, PAGE), "resources-service", unavailable, restricted, "risks"))
                .with(results -> DashboardComposer.compose(new DashboardComposer.Parts(
                        (JsonNode) results.get(0), (JsonNode) results.get(1), (JsonNode) results.get(2), (JsonNode) results.get(3),
                        contributionList(results.get(4)), (JsonNode) results.get(5), List.copyOf(unavailable), List.copyOf(restricted))));
    }

    /** Every contribution of the project, following the pages (bounded). */
    private Uni<JsonNode> contributions(String projectId, String cursor, List<JsonNode> collected, int page) {
        return resources.contributions(projectId, PAGE, cursor).chain(answer -> {
            DashboardComposer.list(DashboardComposer.items(answer)).forEach(collected::add);
            String next = answer.path("next").asText(null);
            if (next == null || answer.path("next").isNull() || page + 1 >= MAX_PAGES) {
                return Uni.createFrom().item(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().addAll(collected));
            }
            return contributions(projectId, next, collected, page + 1);
        });
    }

    private static List<JsonNode> contributionList(Object answer) {
        return answer == null ? null : DashboardComposer.list((JsonNode) answer);
    }

    /** A part, or null: {@code fields} restricted when the service refuses the caller, {@code service} unavailable otherwise. */
    private <T> Uni<T> part(Uni<T> call, String service, List<String> unavailable, List<String> restricted, String... fields) {
        return call.ifNoItem().after(timeout).fail().onFailure().recoverWithItem(failure -> {
            if (refused(failure)) {
                restricted.addAll(List.of(fields));
            } else {
                Log.debugf("dashboard: %s did not answer: %s", service, failure.toString());
                unavailable.add(service);
            }
            return null;
        });
    }

    /** The service answered, and its answer is that this caller may not see that part (403, or 404 "not visible to you"). */
    static boolean refused(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return status == 403 || status == 404;
        }
        return false;
    }

    /** The project itself decides visibility: its 404/403 is the dashboard's; anything else means it is unavailable. */
    private static Throwable projectFailure(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 404 || status == 403) {
                return ProblemException.notFound("project");
            }
        }
        return new ProblemException(503, "upstream-unavailable", "Service unavailable",
                "projects-service is unavailable; the dashboard needs at least the project");
    }
}
