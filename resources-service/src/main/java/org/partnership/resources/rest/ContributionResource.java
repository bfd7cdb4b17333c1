package org.partnership.resources.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.partnership.http.idempotency.IdempotentRequests;
import org.partnership.http.idempotency.IdempotentRequests.Created;
import org.partnership.resources.domain.Caller;
import org.partnership.resources.domain.Contribution;
import org.partnership.resources.domain.ContributionStatus;
import org.partnership.resources.domain.DeliveryReview;
import org.partnership.resources.domain.Money;
import org.partnership.resources.repository.ContributionRepository;
import org.partnership.resources.rest.ResourceRequests.DeliveryRequest;
import org.partnership.resources.rest.ResourceRequests.PledgeRequest;
import org.partnership.resources.rest.ResourceRequests.ReviewRequest;
import org.partnership.resources.rest.ResourceRequests.WithdrawRequest;
import org.partnership.resources.rest.ResourceResponses.ContributionPage;
import org.partnership.resources.rest.ResourceResponses.ContributionView;
import org.partnership.resources.rest.ResourceResponses.DeliveryRecorded;
import org.partnership.resources.rest.ResourceResponses.DeliveryReviewed;
import org.partnership.resources.rest.ResourceResponses.DeliveryView;
import org.partnership.resources.service.CallerResolver;
import org.partnership.resources.service.ContributionService;
import org.partnership.resources.service.Time;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/contributions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contributions", description = "The contribution ledger: pledges, deliveries and their review (confirm, dispute, "
        + "correct, automatic confirmation), withdrawals")
@SecurityRequirement(name = "oidc")
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class ContributionResource {

    private static final String PATH = "/api/v1/contributions";

    private final ContributionService service;
    private final CallerResolver callers;
    private final IdempotentRequests idempotent;
    private final Time time;

    public ContributionResource(ContributionService service, CallerResolver callers, IdempotentRequests idempotent,
            Time time) {
        this.service = service;
        this.callers = callers;
        this.idempotent = idempotent;
        this.time = time;
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Operation(operationId = "pledgeContribution", summary = "Pledge a contribution for your own partner",
            description = "Your partner must be ACTIVE and an accepted participant of an OPEN or ACTIVE project. "
                    + "Send an Idempotency-Key to retry safely: a repeat returns the first result and pledges nothing.")
    @APIResponse(responseCode = "201", description = "Pledged; ETag is its version", headers = {@Header(ref = "ETag"), @Header(ref = "Location")}, content = @Content(schema = @Schema(implementation = ContributionView.class)))
    @ApiResponses.Writes
    @ApiResponses.Idempotent
    public Uni<Response> pledge(
            @Parameter(description = "Makes the pledge safe to retry") @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid PledgeRequest request, @Context UriInfo uri) {
        Caller caller = callers.current();
        Money valuation = request.valuation() == null ? null : new Money(request.valuation().amount(), request.valuation().currency());
        var pledge = new ContributionService.Pledging(request.projectId(), request.partnerId(), request.needId(),
                new Contribution.Pledge(request.type(), request.quantity(), request.unit(), valuation, request.dueDate(),
                        request.description()));
        return idempotent.create(caller.subject(), key, uri, request, () -> service.pledge(caller, pledge)
                .map(c -> new Created(uri.getBaseUriBuilder().path(PATH).path(c.id().toString()).build(), c.version(),
                        ContributionView.of(c, time.today()))));
    }

    @GET
    @RolesAllowed({"coordinator", "partner-rep", "auditor", "admin"})
    @Operation(operationId = "listContributions", summary = "List contributions",
            description = "Auditors see all; a project's lead sees all of that project's; everyone else only their own partner's. "
                    + "Oldest first, keyset-paginated.")
    @APIResponse(responseCode = "200", description = "A page of contributions", content = @Content(schema = @Schema(implementation = ContributionPage.class)))
    @ApiResponses.Reads
    public Uni<ContributionPage> list(
            @Parameter(description = "Only this project's") @QueryParam("projectId") String projectId,
            @Parameter(description = "Only this partner's") @QueryParam("partnerId") String partnerId,
            @Parameter(description = "PLEDGED, PARTIALLY_DELIVERED, DELIVERED, FULFILLED or WITHDRAWN") @QueryParam("status") String status,
            @Parameter(description = "true: only overdue; false: only not overdue") @QueryParam("overdue") String overdue,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        var today = time.today();
        var filter = new ContributionRepository.Filter(Ids.uuidOrNull(projectId, "projectId"), Ids.uuidOrNull(partnerId, "partnerId"),
                org.partnership.http.QueryParams.enumValue(ContributionStatus.class, status, "status"), org.partnership.http.QueryParams.bool(overdue, "overdue"), today);
        var after = ContributionCursor.parse(cursor);
        return service.search(callers.current(), filter, after, size + 1).map(found -> new ContributionPage(
                found.stream().limit(size).map(i -> ContributionView.of(i.contribution(), today)).toList(),
                found.size() > size ? ResourceResponses.cursorOf(found.get(size - 1)) : null));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"coordinator", "partner-rep", "auditor", "admin"})
    @Operation(operationId = "getContribution", summary = "A contribution with its delivery ledger",
            description = "Visible to the contributing partner's representatives, the project lead, auditors and administrators (404 for anyone else). The ETag is its version.")
    @APIResponse(responseCode = "200", description = "The contribution; ETag is its version", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = ContributionView.class)))
    @ApiResponses.Reads
    public Uni<Response> get(@PathParam("id") String id) {
        UUID contributionId = Ids.uuid(id, "id");
        return service.get(callers.current(), contributionId).map(d -> Response.ok(
                        ContributionView.of(d.contribution(), time.today(), d.deliveries()))
                .tag(Preconditions.etag(d.contribution().version())).build());
    }

    @POST
    @Path("/{id}/deliveries")
    @RolesAllowed({"coordinator", "partner-rep"})
    @Operation(operationId = "recordDelivery", summary = "Record a delivery (append-only)",
            description = "Only the contributing partner's representatives. Delivered plus disputed never exceeds pledged (409). "
                    + "The delivery is UNREVIEWED: it counts as delivered (not yet as confirmed) until the recipient side confirms "
                    + "or disputes it, or until it is confirmed automatically after the review period (14 days by default). "
                    + "To resolve a dispute, record the corrected delivery with corrects = the disputed delivery's id: the "
                    + "disputed one then no longer counts and its quantity is free for the correction. "
                    + "Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Recorded; the contribution after it", headers = {@Header(ref = "ETag"), @Header(ref = "Location")}, content = @Content(schema = @Schema(implementation = DeliveryRecorded.class)))
    @ApiResponses.Writes
    @ApiResponses.Idempotent
    public Uni<Response> deliver(@PathParam("id") String id,
            @Parameter(description = "Makes the delivery safe to retry") @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid DeliveryRequest request, @Context UriInfo uri) {
        UUID contributionId = Ids.uuid(id, "id");
        Caller caller = callers.current();
        return idempotent.create(caller.subject(), key, uri, request, () -> service.deliver(caller, contributionId,
                        request.quantity(), request.deliveredOn(), request.note(), request.evidence(), request.corrects())
                .map(d -> new Created(uri.getBaseUriBuilder().path(PATH).path(contributionId.toString()).build(),
                        d.contribution().version(),
                        new DeliveryRecorded(DeliveryView.of(d.delivery()), ContributionView.of(d.contribution(), time.today())))));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/confirm")
    @RolesAllowed({"coordinator", "partner-rep"})
    @Operation(operationId = "confirmDelivery", summary = "Confirm a delivery (the recipient side)",
            description = "The recipient side — representatives of the project's lead partner, which declares the needs — "
                    + "confirms a recorded delivery, with an optional note: it counts as confirmed, and the contribution is "
                    + "FULFILLED once confirmed reaches the pledge. A DISPUTED delivery may be confirmed later: that resolves the "
                    + "dispute (which stays on record). The contributing partner never reviews its own delivery (403, even when "
                    + "it is the lead: its deliveries are confirmed automatically); auditors may not (403). A delivery already "
                    + "confirmed, or replaced by a correction, is a 409. Emits partnership.delivery.confirmed.v1. If-Match (the "
                    + "contribution's version) is optional; when sent, a stale version is a 412.")
    @APIResponse(responseCode = "200", description = "Confirmed; the delivery and its contribution; ETag is the contribution's version",
            headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = DeliveryReviewed.class)))
    @ApiResponses.Writes
    @ApiResponses.Versioned
    public Uni<Response> confirm(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId,
            @HeaderParam("If-Match") String ifMatch, @Valid ReviewRequest request) {
        return review(id, deliveryId, DeliveryReview.CONFIRMED, ifMatch, request);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/dispute")
    @RolesAllowed({"coordinator", "partner-rep"})
    @Operation(operationId = "disputeDelivery", summary = "Dispute a delivery (the recipient side)",
            description = "The recipient side (representatives of the project's lead partner) contests an UNREVIEWED delivery, "
                    + "with an optional note saying why: its quantity no longer counts as delivered, confirmed, in coverage, "
                    + "fulfilment or commitments until the dispute is resolved — by confirming it later, or by the contributor "
                    + "recording a correction (RecordDelivery with corrects). The contributing partner and auditors may not (403); "
                    + "a delivery already confirmed, disputed or corrected is a 409. Emits partnership.delivery.disputed.v1. "
                    + "If-Match (the contribution's version) is optional; when sent, a stale version is a 412.")
    @APIResponse(responseCode = "200", description = "Disputed; the delivery and its contribution; ETag is the contribution's version",
            headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = DeliveryReviewed.class)))
    @ApiResponses.Writes
    @ApiResponses.Versioned
    public Uni<Response> dispute(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId,
            @HeaderParam("If-Match") String ifMatch, @Valid ReviewRequest request) {
        return review(id, deliveryId, DeliveryReview.DISPUTED, ifMatch, request);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({"coordinator", "partner-rep"})
    @Operation(operationId = "withdrawContribution", summary = "Withdraw the undelivered remainder, with a reason",
            description = "Only the contributing partner's representatives. If-Match is optional; when sent, a stale version is a 412.")
    @APIResponse(responseCode = "200", description = "Withdrawn", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = ContributionView.class)))
    @ApiResponses.Writes
    @ApiResponses.Versioned
    public Uni<Response> withdraw(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid WithdrawRequest request) {
        UUID contributionId = Ids.uuid(id, "id");
        Long version = ifMatch == null ? null : Preconditions.requiredVersion(ifMatch);
        return service.withdraw(callers.current(), contributionId, version, request.reason().trim())
                .map(c -> Response.ok(ContributionView.of(c, time.today())).tag(Preconditions.etag(c.version())).build());
    }

    private Uni<Response> review(String id, String deliveryId, DeliveryReview verdict, String ifMatch, ReviewRequest request) {
        UUID contributionId = Ids.uuid(id, "id");
        UUID delivery = Ids.uuid(deliveryId, "deliveryId");
        Long version = ifMatch == null ? null : Preconditions.requiredVersion(ifMatch);
        return service.review(callers.current(), contributionId, delivery, verdict, request == null ? null : request.note(), version)
                .map(r -> Response.ok(new DeliveryReviewed(DeliveryView.of(r.delivery()), ContributionView.of(r.contribution(), time.today())))
                        .tag(Preconditions.etag(r.contribution().version())).build());
    }

}
