package org.partnership.projects.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import org.partnership.http.Preconditions;
import org.partnership.http.Problem;
import org.partnership.http.QueryParams;
import org.partnership.http.idempotency.IdempotentRequests;
import org.partnership.http.idempotency.IdempotentRequests.Created;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.domain.Governance;
import org.partnership.projects.domain.Proposal;
import org.partnership.projects.repository.ProposalRepository;
import org.partnership.projects.rest.ProposalRequests.CreateProposalRequest;
import org.partnership.projects.rest.ProposalRequests.VoteRequest;
import org.partnership.projects.rest.ProposalResponses.ProposalPage;
import org.partnership.projects.rest.ProposalResponses.ProposalView;
import org.partnership.projects.service.CallerResolver;
import org.partnership.projects.service.ProposalService;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Co-governance (issue #21): a project's proposals and the partners' votes (the proposals awaiting the caller's partner
 * across projects are {@link AwaitingProposalResource}'s).
 */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ProjectMapping.TAG, description = ProjectMapping.TAG_DESCRIPTION)
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class ProposalResource {

    private final ProposalService service;
    private final CallerResolver callers;
    private final IdempotentRequests idempotent;

    public ProposalResource(ProposalService service, CallerResolver callers, IdempotentRequests idempotent) {
        this.service = service;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    @GET
    @Path("/{id}/proposals")
    @Operation(operationId = "listProposals", summary = "A project's proposals, newest first",
            description = "Each with its votes and tally. For participants, auditors and administrators; others get 403 (they see the public summary only) or 404.")
    @APIResponse(responseCode = "200", description = "A page of proposals", content = @Content(schema = @Schema(implementation = ProposalPage.class)))
    @ApiResponses.Reads
    public Uni<ProposalPage> list(@PathParam("id") String id,
            @Parameter(description = "OPEN, PASSED, REJECTED or EXPIRED") @QueryParam("status") String status,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        UUID projectId = Ids.uuid(id, "id");
        int size = Page.limit(limit);
        String statusFilter = status == null ? null : QueryParams.enumValue(Governance.Outcome.class, status, "status").name();
        ProposalRepository.Position after = position(cursor);
        return service.list(callers.current(), projectId, statusFilter, after, size + 1)
                .map(listing -> page(listing.items(), size, Proposal::createdAt));
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/proposals")
    @Operation(operationId = "createProposal", summary = "Propose a decision (representatives of accepted participants)",
            description = "Opens a proposal under the project's rule, with a deadline (default 7 days, at most 90). 409 when the project is closed, "
                    + "the decision cannot apply to it as it is (e.g. launching a project that is not OPEN), or a proposal of the same typed decision is "
                    + "already open (type proposal-already-open, naming it). Send an Idempotency-Key to retry safely. Publishes partnership.proposal.opened.v1.")
    @APIResponse(responseCode = "201", description = "Opened (or replayed); Location and ETag set", headers = {@Header(ref = "ETag"), @Header(ref = "Location")}, content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @ApiResponses.Writes
    @ApiResponses.Idempotent
    public Uni<Response> create(@PathParam("id") String id,
            @Parameter(description = ProjectMapping.IDEMPOTENCY_KEY) @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid CreateProposalRequest request, @Context UriInfo uri) {
        UUID projectId = Ids.uuid(id, "id");
        Caller caller = callers.current();
        ProposalService.Draft draft = new ProposalService.Draft(request.type(), request.title(), request.description(), request.toPayload(),
                request.deadline());
        return idempotent.create(caller.subject(), key, uri, request, () -> service.create(caller, projectId, draft)
                .map(d -> new Created(uri.getAbsolutePathBuilder().path(d.proposal().id().toString()).build(), d.proposal().version(),
                        ProposalView.of(d))));
    }

    @GET
    @Path("/{id}/proposals/{proposalId}")
    @Operation(operationId = "getProposal", summary = "A proposal with its votes and the rule's current tally",
            description = "For participants, auditors and administrators. ETag is its version: send it as If-Match to vote.")
    @APIResponse(responseCode = "200", description = "The proposal", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @ApiResponses.Reads
    public Uni<Response> get(@PathParam("id") String id, @PathParam("proposalId") String proposalId) {
        UUID projectId = Ids.uuid(id, "id");
        UUID pid = Ids.uuid(proposalId, "proposalId");
        return service.get(callers.current(), projectId, pid).map(ProposalResource::ok);
    }

    @PUT
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/proposals/{proposalId}/votes/{partnerId}")
    @Operation(operationId = "castVote", summary = "Cast or change your partner's vote (its own representatives only)",
            description = "APPROVE, REJECT or ABSTAIN with an optional comment; changeable until the proposal closes. Send If-Match with the proposal's ETag. "
                    + "The partner must be an accepted participant (409 not-a-participant) and ACTIVE (409 partner-not-active); a closed proposal is a 409 "
                    + "(proposal-closed). The proposal closes, and a passed decision applies itself, as soon as its outcome can no longer change. "
                    + "Publishes partnership.proposal.voted.v1 (and .decided.v1).")
    @APIResponse(responseCode = "200", description = "Voted; the proposal after the vote", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @ApiResponses.Writes
    @ApiResponses.Versioned
    @ApiResponses.VersionRequired
    public Uni<Response> vote(@PathParam("id") String id, @PathParam("proposalId") String proposalId,
            @PathParam("partnerId") String partnerId, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid VoteRequest request) {
        UUID projectId = Ids.uuid(id, "id");
        UUID pid = Ids.uuid(proposalId, "proposalId");
        UUID partner = Ids.uuid(partnerId, "partnerId");
        long version = Preconditions.requiredVersion(ifMatch);
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().trim();
        return service.vote(callers.current(), projectId, pid, partner, version, request.choice(), comment).map(ProposalResource::ok);
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/proposals/{proposalId}/apply")
    @Operation(operationId = "applyProposal", summary = "Apply a passed decision that could not be applied (accepted participants)",
            description = "E.g. a launch that passed while a readiness criterion failed: applied now, without a new vote, if the project is ready now "
                    + "(else it stays NOT_APPLIED with the failing criteria). 409 unless the proposal PASSED and is NOT_APPLIED. Optional If-Match.")
    @APIResponse(responseCode = "200", description = "The proposal after the attempt", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @ApiResponses.Writes
    @ApiResponses.Versioned
    public Uni<Response> apply(@PathParam("id") String id, @PathParam("proposalId") String proposalId, @HeaderParam("If-Match") String ifMatch) {
        UUID projectId = Ids.uuid(id, "id");
        UUID pid = Ids.uuid(proposalId, "proposalId");
        Long version = ifMatch == null ? null : Preconditions.requiredVersion(ifMatch);
        return service.apply(callers.current(), projectId, pid, version).map(ProposalResource::ok);
    }

    // ---------------------------------------------------------------- helpers

    static Response ok(ProposalService.Details d) {
        return Response.ok(ProposalView.of(d)).tag(Preconditions.etag(d.proposal().version())).build();
    }

    static ProposalRepository.Position position(String cursor) {
        String[] position = Page.position(cursor, 2);
        return position == null ? null
                : new ProposalRepository.Position(ProjectMapping.instant(position[0], "cursor"), Ids.uuid(position[1], "cursor"));
    }

    static ProposalPage page(List<ProposalService.Details> found, int size,
            Function<Proposal, java.time.OffsetDateTime> sortKey) {
        List<ProposalView> items = found.stream().limit(size).map(ProposalView::of).toList();
        String next = null;
        if (found.size() > size) {
            Proposal last = found.get(size - 1).proposal();
            next = Page.cursor(sortKey.apply(last).toString(), last.id().toString());
        }
        return new ProposalPage(items, next);
    }
}
