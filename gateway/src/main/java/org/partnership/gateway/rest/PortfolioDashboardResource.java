package org.partnership.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnership.gateway.dashboard.DashboardComposer;
import org.partnership.gateway.dashboard.DashboardSources;
import org.partnership.gateway.dashboard.Part;
import org.partnership.http.PartnerClaim;
import org.partnership.http.Problem;

/**
 * A coordinator's organisation across its projects (issue #19): the portfolio with each project's integration, as
 * projects-service computes it, next to the organisation's own commitments, as resources-service computes them. The
 * gateway composes; a part the service refuses the caller (e.g. the portfolio for a non-coordinator) is named in
 * {@code restricted}, a service that did not answer in {@code unavailable}.
 */
@Path("/api/v1/dashboards/portfolio")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Dashboards", description = "Composed views across the services")
@SecurityRequirement(name = "oidc")
public class PortfolioDashboardResource {

    private final DashboardSources sources;
    private final SecurityIdentity identity;

    public PortfolioDashboardResource(DashboardSources sources, SecurityIdentity identity) {
        this.sources = sources;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "portfolioDashboard", summary = "The caller's organisation across its projects",
            description = "portfolio: the first 100 projects of projects-service's GET /api/v1/projects/portfolio (each with sectors, "
                    + "levels, integrated dimensions and gaps; coordinators only, otherwise named in restricted[]); commitments: "
                    + "resources-service's GET /api/v1/commitments for the caller's own partner. partial=true and unavailable[] name "
                    + "the services that could not answer; truncated[] names the portfolio when it has more projects.")
    @APIResponse(responseCode = "200", description = "The portfolio dashboard", content = @Content(schema = @Schema(implementation = Object.class)))
    @APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ObjectNode> portfolio() {
        // a caller who represents no partner has no organisation: nothing to ask the services for
        boolean represents = PartnerClaim.of((JsonWebToken) identity.getPrincipal()).isPresent();
        Uni<Part> none = Uni.createFrom().item(Part.refused());
        return Uni.combine().all().unis(represents ? sources.portfolio() : none, represents ? sources.ownCommitments() : none).asTuple()
                .map(t -> DashboardComposer.composePortfolio(t.getItem1(), t.getItem2()));
    }
}
