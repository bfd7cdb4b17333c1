package org.partnership.partners.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
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
import org.partnership.partners.domain.Partner;
import org.partnership.partners.domain.PartnerStatus;
import org.partnership.partners.domain.StatusChange;
import org.partnership.partners.repository.PartnerRepository;
import org.partnership.partners.rest.PartnerRequests.RegisterPartnerRequest;
import org.partnership.partners.rest.PartnerRequests.StatusChangeRequest;
import org.partnership.partners.rest.PartnerRequests.UpdatePartnerRequest;
import org.partnership.partners.rest.PartnerResponses.PartnerPage;
import org.partnership.partners.rest.PartnerResponses.PartnerView;
import org.partnership.partners.service.CallerResolver;
import org.partnership.partners.service.PartnerService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Partners", description = "The registry of partner organisations")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class PartnerResource {

    private final PartnerService service;
    private final CallerResolver callers;
    private final IdempotentRequests idempotent;

    public PartnerResource(PartnerService service, CallerResolver callers, IdempotentRequests idempotent) {
        this.service = service;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    @POST
    @Operation(operationId = "registerPartner", summary = "Register a partner organisation",
            description = "The caller becomes its first member (unless an administrator registers it). It starts PENDING_VERIFICATION. "
                    + "Auditors cannot register (403); a registration number already registered in that country, or a caller who "
                    + "already represents a partner, is a 409. "
                    + "Send an Idempotency-Key to retry safely: a repeat returns the first response (header Idempotent-Replayed: true) and registers nothing.")
    @APIResponse(responseCode = "201", description = "Registered", headers = {@Header(ref = "ETag"), @Header(ref = "Location")}, content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @ApiResponses.Writes
    @ApiResponses.Idempotent
    public Uni<Response> register(
            @Parameter(description = "Makes the registration safe to retry (1-200 visible ASCII characters)") @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid RegisterPartnerRequest request, @Context UriInfo uri) {
        Partner.Profile profile = new Partner.Profile(request.name(), request.legalForm(), request.sector(), request.level(),
                request.serviceDomains(), PartnerMapping.capabilities(request.capabilities()), request.description(),
                request.website(), request.contactEmail());
        return callers.current().chain(caller -> idempotent.create(caller.subject(), key, uri, request, () -> service.register(
                        caller, profile, new Partner.Identity(request.registrationNumber(), request.country()))
                .map(p -> new Created(uri.getAbsolutePathBuilder().path(p.id().toString()).build(), p.version(),
                        PartnerView.of(p, caller.isAdmin() ? caller : caller.withPartner(p.id()))))));
    }

    @GET
    @Operation(operationId = "searchPartners", summary = "Search partners",
            description = "ACTIVE partners for everyone; administrators and auditors may filter other statuses. Alphabetical, keyset-paginated.")
    @APIResponse(responseCode = "200", description = "A page of partners", content = @Content(schema = @Schema(implementation = PartnerPage.class)))
    @ApiResponses.Reads
    public Uni<PartnerPage> search(
            @Parameter(description = "PUBLIC, THIRD_SECTOR, MARKET or COMMUNITY") @QueryParam("sector") String sector,
            @Parameter(description = "A service domain, e.g. HOUSING") @QueryParam("domain") String domain,
            @Parameter(description = "A capability tag, e.g. mentoring") @QueryParam("capability") String capability,
            @Parameter(description = "Status (default ACTIVE)") @QueryParam("status") String status,
            @Parameter(description = "Part of the name") @QueryParam("q") String text,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        PartnerRepository.Filter filter = new PartnerRepository.Filter(
                status == null ? PartnerStatus.ACTIVE : QueryParams.enumValue(PartnerStatus.class, status, "status"),
                sector == null ? null : QueryParams.enumValue(org.partnership.partners.domain.Sector.class, sector, "sector").name(),
                domain == null ? null : QueryParams.enumValue(org.partnership.partners.domain.ServiceDomain.class, domain, "domain").name(),
                QueryParams.text(capability, 64, "capability"),
                QueryParams.text(text, 200, "q"));
        String[] position = Page.position(cursor, 2);
        PartnerRepository.Position after = position == null ? null
                : new PartnerRepository.Position(position[0], Ids.uuid(position[1], "cursor"));
        return callers.current().chain(caller -> service.search(caller, filter, after, size + 1)
                .map(found -> {
                    List<PartnerView> items = found.stream().limit(size).map(p -> PartnerView.of(p, caller)).toList();
                    String next = found.size() > size
                            ? Page.cursor(found.get(size - 1).name().toLowerCase(java.util.Locale.ROOT), found.get(size - 1).id().toString())
                            : null;
                    return new PartnerPage(items, next);
                }));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPartner", summary = "Get a partner",
            description = "ACTIVE partners are visible to everyone; others only to their own members, administrators and auditors "
                    + "(404 for anyone else). contactEmail and statusReason are given to those three only. The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The partner; ETag is its version", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @ApiResponses.Reads
    public Uni<Response> get(@PathParam("id") String id) {
        UUID partnerId = Ids.uuid(id, "id");
        return callers.current().chain(caller -> service.get(caller, partnerId)
                .map(p -> Response.ok(PartnerView.of(p, caller)).tag(Preconditions.etag(p.version())).build()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updatePartner", summary = "Update a partner's profile (its members, administrators)",
            description = "Send If-Match with the ETag you read; absent fields stay unchanged. An administrator's change takes effect at once. "
                    + "A member's change of name, legalForm or sector does not: it becomes the partner's pendingChange, the values in force stay "
                    + "(also for the other services) until an administrator approves it (POST .../pending-change/approve); the other fields take effect at once. "
                    + "Anyone else (auditors, other partners' members) gets 403; an archived partner is a 409.")
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @ApiResponses.Writes
    @ApiResponses.Versioned
    @ApiResponses.VersionRequired
    public Uni<Response> update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid UpdatePartnerRequest request) {
        UUID partnerId = Ids.uuid(id, "id");
        long version = Preconditions.requiredVersion(ifMatch);
        return callers.current().chain(caller -> service.update(caller, partnerId, version, current -> PartnerMapping.merge(current, request))
                .map(p -> Response.ok(PartnerView.of(p, caller)).tag(Preconditions.etag(p.version())).build()));
    }

    @POST
    @Path("/{id}/verify")
    @RolesAllowed("admin")
    @Operation(operationId = "verifyPartner", summary = "Verify a pending partner (administrators)",
            description = "PENDING_VERIFICATION to ACTIVE, with a reason. Publishes partnership.partner.verified.v1, upon which the registering "
                    + "user's partner_id attribute is set in Keycloak (their next token says whom they represent).")
    @StatusResponses
    @ApiResponses.Writes
    public Uni<Response> verify(@PathParam("id") String id, @NotNull @Valid StatusChangeRequest request) {
        return changeStatus(id, StatusChange.VERIFY, request);
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed("admin")
    @Operation(operationId = "suspendPartner", summary = "Suspend an active partner (administrators)",
            description = "ACTIVE to SUSPENDED, with a reason; the partner no longer appears to other partners. Publishes partnership.partner.suspended.v1.")
    @StatusResponses
    @ApiResponses.Writes
    public Uni<Response> suspend(@PathParam("id") String id, @NotNull @Valid StatusChangeRequest request) {
        return changeStatus(id, StatusChange.SUSPEND, request);
    }

    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed("admin")
    @Operation(operationId = "reinstatePartner", summary = "Reinstate a suspended partner (administrators)",
            description = "SUSPENDED to ACTIVE, with a reason. Publishes partnership.partner.reinstated.v1.")
    @StatusResponses
    @ApiResponses.Writes
    public Uni<Response> reinstate(@PathParam("id") String id, @NotNull @Valid StatusChangeRequest request) {
        return changeStatus(id, StatusChange.REINSTATE, request);
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed("admin")
    @Operation(operationId = "archivePartner", summary = "Archive a partner (administrators)",
            description = "PENDING_VERIFICATION, ACTIVE or SUSPENDED to ARCHIVED, with a reason; an archived partner can no longer be changed. Publishes partnership.partner.archived.v1.")
    @StatusResponses
    @ApiResponses.Writes
    public Uni<Response> archive(@PathParam("id") String id, @NotNull @Valid StatusChangeRequest request) {
        return changeStatus(id, StatusChange.ARCHIVE, request);
    }

    private Uni<Response> changeStatus(String id, StatusChange change, StatusChangeRequest request) {
        UUID partnerId = Ids.uuid(id, "id");
        return callers.current().chain(caller -> service.changeStatus(caller, partnerId, change, request.reason().trim())
                .map(p -> Response.ok(PartnerView.of(p, caller)).tag(Preconditions.etag(p.version())).build()));
    }

    /** The success response of the administrators' status actions (their problems: {@link ApiResponses.Writes}). */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @APIResponse(responseCode = "200", description = "Status changed", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @interface StatusResponses {
    }
}
