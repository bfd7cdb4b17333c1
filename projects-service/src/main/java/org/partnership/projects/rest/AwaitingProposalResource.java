package org.partnership.projects.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.partnership.http.Page;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.projects.domain.Proposal;
import org.partnership.projects.repository.ProposalRepository;
import org.partnership.projects.rest.ProposalResponses.ProposalPage;
import org.partnership.projects.service.CallerResolver;
import org.partnership.projects.service.ProposalService;

import java.util.List;

/** Co-governance (issue #21): the proposals the caller's partner has still to vote on, across projects. */
@Path("/api/v1/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ProjectMapping.TAG, description = ProjectMapping.TAG_DESCRIPTION)
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class AwaitingProposalResource {

    private final ProposalService service;
    private final CallerResolver callers;

    public AwaitingProposalResource(ProposalService service, CallerResolver callers) {
        this.service = service;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listProposalsAwaitingMe", summary = "Proposals your partner has still to vote on, across projects",
            description = "awaiting=me (required): OPEN proposals, before their deadline, of the projects where the caller's partner is an accepted "
                    + "participant and has not voted; soonest deadline first, keyset-paginated.")
    @APIResponse(responseCode = "200", description = "A page of proposals", content = @Content(schema = @Schema(implementation = ProposalPage.class)))
    @ApiResponses.Reads
    public Uni<ProposalPage> awaiting(
            @Parameter(description = "me", required = true) @QueryParam("awaiting") String awaiting,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        if (!"me".equals(awaiting)) {
            throw ProblemException.badRequest("validation", "awaiting must be 'me' (the proposals your partner has still to vote on)",
                    List.of(new Problem.FieldError("awaiting", "must be 'me'")));
        }
        int size = Page.limit(limit);
        ProposalRepository.Position after = ProposalResource.position(cursor);
        return service.awaiting(callers.current(), after, size + 1).map(listing -> ProposalResource.page(listing.items(), size, Proposal::deadline));
    }

}
