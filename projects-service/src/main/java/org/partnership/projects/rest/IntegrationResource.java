package org.partnership.projects.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.partnership.http.ApiResponses;
import org.partnership.http.Ids;
import org.partnership.http.Page;
import org.partnership.http.Problem;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.domain.Project;
import org.partnership.projects.repository.ProjectRepository;
import org.partnership.projects.rest.IntegrationResponses.PortfolioItemView;
import org.partnership.projects.rest.IntegrationResponses.PortfolioPage;
import org.partnership.projects.rest.IntegrationResponses.ProjectIntegrationView;
import org.partnership.projects.service.CallerResolver;
import org.partnership.projects.service.IntegrationService;

import java.util.List;
import java.util.UUID;

/** Horizontal and vertical integration of a project, and a coordinator's portfolio (issue #19, hole 7). */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Projects", description = "Joint projects: lifecycle, participants and invitations, launch readiness, indicators")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class IntegrationResource {

    private final IntegrationService service;
    private final CallerResolver callers;

    public IntegrationResource(IntegrationService service, CallerResolver callers) {
        this.service = service;
        this.callers = callers;
    }

    @GET
    @Path("/{id}/integration")
    @Operation(operationId = "getProjectIntegration", summary = "How the project integrates across sectors, dimensions and levels",
            description = "The sectors x dimensions matrix of the accepted participants and what they contribute, the levels present "
                    + "(LOCAL to INTERNATIONAL) and the gaps: DIMENSION_UNCOVERED (no partner contributes to a dimension), "
                    + "DIMENSION_SINGLE_SECTOR (all its contributors come from one sector), SINGLE_LEVEL (fewer than two levels). "
                    + "A partner contributes to a dimension when it is an accepted participant with a net pledge above zero against "
                    + "a need declared for that dimension. Visible as the project's full view: participants, auditors, administrators.")
    @APIResponse(responseCode = "200", description = "The project's integration", content = @Content(schema = @Schema(implementation = ProjectIntegrationView.class)))
    @ApiResponses.Reads
    public Uni<ProjectIntegrationView> integration(@PathParam("id") String id) {
        UUID projectId = Ids.uuid(id, "id");
        return service.of(callers.current(), projectId).map(ProjectIntegrationView::of);
    }

    @GET
    @Path("/portfolio")
    @Operation(operationId = "getPortfolio", summary = "The coordinator's organisation across its projects (coordinators)",
            description = "Every project the caller's organisation leads or takes part in as an accepted participant, newest first, "
                    + "keyset-paginated, each with the sectors, levels, integrated dimensions and gaps of GET /api/v1/projects/{id}/integration.")
    @APIResponse(responseCode = "200", description = "A page of the portfolio", content = @Content(schema = @Schema(implementation = PortfolioPage.class)))
    @ApiResponses.Reads
    public Uni<PortfolioPage> portfolio(
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        String[] position = Page.position(cursor, 2);
        ProjectRepository.Position after = position == null ? null
                : new ProjectRepository.Position(ProjectMapping.instant(position[0], "cursor"), Ids.uuid(position[1], "cursor"));
        Caller caller = callers.current();
        return service.portfolio(caller, after, size + 1).map(found -> {
            UUID me = caller.partnerId().orElseThrow();
            List<PortfolioItemView> items = found.stream().limit(size).map(i -> PortfolioItemView.of(i, me)).toList();
            String next = null;
            if (found.size() > size) {
                Project last = found.get(size - 1).project();
                next = Page.cursor(last.createdAt().toString(), last.id().toString());
            }
            return new PortfolioPage(items, next);
        });
    }
}
