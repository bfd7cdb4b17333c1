package org.partnership.resources.rest;

import org.jboss.resteasy.reactive.server.Cancellable;
import org.partnership.resources.rest.ResourceResponses.RiskPage;
import org.partnership.resources.repository.RiskRepository;
import org.partnership.http.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.partnership.http.ApiResponses;
import org.partnership.http.Ids;
import org.partnership.http.Preconditions;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.http.idempotency.IdempotentRequests;
import org.partnership.http.idempotency.IdempotentRequests.Created;
import org.partnership.resources.domain.Caller;
import org.partnership.resources.domain.Risk;
import org.partnership.resources.domain.RiskAllocation;
import org.partnership.resources.rest.ResourceRequests.AllocationRequest;
import org.partnership.resources.rest.ResourceRequests.ProposeRiskRequest;
import org.partnership.resources.rest.ResourceRequests.RiskStatusRequest;
import org.partnership.resources.rest.ResourceResponses.RiskView;
import org.partnership.resources.service.CallerResolver;
import org.partnership.resources.service.RiskService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/risks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risks", description = "The risk register: proposals, allocations among participants, status with history")
@SecurityRequirement(name = "oidc")
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class RiskResource {

    private static final String PATH = "/api/v1/risks";

    private final RiskService service;
    private final CallerResolver callers;
    private final IdempotentRequests idempotent;

    public RiskResource(RiskService service, CallerResolver callers, IdempotentRequests idempotent) {
        this.service = service;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    @GET
    @RolesAllowed({"coordinator", "partner-rep", "auditor", "admin"})
    @Operation(operationId = "listRisks", summary = "A project's risks with their allocations",
            description = "Oldest registered first, keyset-paginated. Visible to the project's accepted participants, its lead and auditors.")
    @APIResponse(responseCode = "200", description = "A page of risks", content = @Content(schema = @Schema(implementation = RiskPage.class)))
    @ApiResponses.Reads
    public Uni<RiskPage> list(@Parameter(description = "The project (required)", required = true) @QueryParam("projectId") String projectId,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        if (projectId == null) {
            throw ProblemException.badRequest("validation", "projectId is required", List.of(new Problem.FieldError("projectId", "required")));
        }
        UUID project = Ids.uuid(projectId, "projectId");
        int size = Page.limit(limit);
        var after = ContributionCursor.keyset(cursor, RiskRepository.Position::new);
        return service.ofProject(callers.current(), project, after, size + 1).map(found -> new RiskPage(
                found.stream().limit(size).map(r -> RiskView.of(r, null)).toList(),
                found.size() > size ? Page.cursor(found.get(size - 1).createdAt().toString(), found.get(size - 1).id().toString()) : null));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"coordinator", "partner-rep", "auditor", "admin"})
    @Operation(operationId = "getRisk", summary = "A risk with its status history and the history of its released shares",
            description = "Visible to the project's accepted participants, its lead, auditors and administrators. The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The risk; ETag is its version", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = RiskView.class)))
    @ApiResponses.Reads
    public Uni<Response> get(@PathParam("id") String id) {
        UUID riskId = Ids.uuid(id, "id");
        return service.get(callers.current(), riskId).map(d -> Response.ok(RiskView.of(d.risk(), d.history(), d.releases()))
                .tag(Preconditions.etag(d.risk().version())).build());
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Operation(operationId = "proposeRisk", summary = "Propose a risk (any accepted participant)",
            description = "Registered OPEN and unallocated; the lead then allocates it. Not while the project is closed. Publishes partnership.risk.registered.v1.")
    @APIResponse(responseCode = "201", description = "Registered, OPEN and unallocated", headers = {@Header(ref = "ETag"), @Header(ref = "Location")}, content = @Content(schema = @Schema(implementation = RiskView.class)))
    @ApiResponses.Writes
    @ApiResponses.Idempotent
    public Uni<Response> propose(
            @Parameter(description = "Makes the proposal safe to retry") @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid ProposeRiskRequest request, @Context UriInfo uri) {
        var proposal = new Risk.Proposal(request.category(), request.title(), request.description(), request.likelihood(),
                request.impact(), request.mitigation(), request.ownerPartnerId());
        Caller caller = callers.current();
        return idempotent.create(caller.subject(), key, uri, request, () -> service.propose(caller, request.projectId(), proposal)
                .map(r -> new Created(uri.getBaseUriBuilder().path(PATH).path(r.id().toString()).build(), r.version(),
                        RiskView.of(r, null))));
    }

    @PUT
    @Path("/{id}/allocations")
    @RolesAllowed({"coordinator", "partner-rep"})
    @Operation(operationId = "allocateRisk", summary = "Allocate a risk among accepted participants (the project lead)",
            description = "Replaces the allocation. The shares must sum to exactly 100 (otherwise 400 naming the sum). "
                    + "If-Match with the ETag you read is required.")
    @APIResponse(responseCode = "200", description = "Allocated", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = RiskView.class)))
    @ApiResponses.Writes
    @ApiResponses.Versioned
    @ApiResponses.VersionRequired
    public Uni<Response> allocate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid AllocationRequest> shares) {
        UUID riskId = Ids.uuid(id, "id");
        long version = Preconditions.requiredVersion(ifMatch);
        List<RiskAllocation> allocations = shares.stream().map(s -> new RiskAllocation(s.partnerId(), s.sharePercent())).toList();
        return service.allocate(callers.current(), riskId, version, allocations)
                .map(r -> Response.ok(RiskView.of(r, null)).tag(Preconditions.etag(r.version())).build());
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({"coordinator", "partner-rep"})
    @Operation(operationId = "changeRiskStatus", summary = "Move a risk to another status (the lead or the risk owner)",
            description = "OPEN, MITIGATED, MATERIALISED or CLOSED (final); recorded in the risk's history. If-Match is optional.")
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = RiskView.class)))
    @ApiResponses.Writes
    @ApiResponses.Versioned
    public Uni<Response> changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid RiskStatusRequest request) {
        UUID riskId = Ids.uuid(id, "id");
        Long version = ifMatch == null ? null : Preconditions.requiredVersion(ifMatch);
        return service.changeStatus(callers.current(), riskId, version, request.status(), request.note())
                .map(r -> Response.ok(RiskView.of(r, null)).tag(Preconditions.etag(r.version())).build());
    }
}
