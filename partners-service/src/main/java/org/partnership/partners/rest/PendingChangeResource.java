package org.partnership.partners.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.partnership.http.ApiResponses;
import org.partnership.http.Ids;
import org.partnership.http.Preconditions;
import org.partnership.http.Problem;
import org.partnership.partners.rest.PartnerRequests.ChangeDecisionRequest;
import org.partnership.partners.rest.PartnerResponses.PartnerView;
import org.partnership.partners.service.CallerResolver;
import org.partnership.partners.service.PartnerService;

import java.util.UUID;

/**
 * Administrators decide on a member's proposed change of a partner's name, legal form or sector (the partner's
 * {@code pendingChange}): approving puts it in force, rejecting discards it.
 */
@Path("/api/v1/partners/{id}/pending-change")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Partners")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class PendingChangeResource {

    private final PartnerService service;
    private final CallerResolver callers;

    public PendingChangeResource(PartnerService service, CallerResolver callers) {
        this.service = service;
        this.callers = callers;
    }

    @POST
    @Path("/approve")
    @RolesAllowed("admin")
    @Operation(operationId = "approvePartnerChange", summary = "Approve a partner's pending change (administrators)",
            description = "Puts the member's proposed name, legal form or sector in force and clears pendingChange. Send If-Match with the "
                    + "ETag of the partner you reviewed, so you approve exactly the proposal you read. Publishes partnership.partner.updated.v1 "
                    + "with the new values (and your reason), upon which the other services' replicas change. "
                    + "Only administrators (403 for anyone else); 409 when no change is pending or the partner is archived; 412 when the partner "
                    + "changed since you read it (the proposal may be another).")
    @APIResponse(responseCode = "200", description = "Approved: the new values are in force", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @ApiResponses.Writes
    @ApiResponses.Versioned
    @ApiResponses.VersionRequired
    public Uni<Response> approve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ChangeDecisionRequest request) {
        UUID partnerId = Ids.uuid(id, "id");
        long version = Preconditions.requiredVersion(ifMatch);
        return callers.current().chain(caller -> service.approvePendingChange(caller, partnerId, version, request.reason().trim())
                .map(p -> Response.ok(PartnerView.of(p, caller)).tag(Preconditions.etag(p.version())).build()));
    }

    @POST
    @Path("/reject")
    @RolesAllowed("admin")
    @Operation(operationId = "rejectPartnerChange", summary = "Reject a partner's pending change (administrators)",
            description = "Clears pendingChange; the values in force stay, and the partner's members see your reason as changeRejection. "
                    + "Nothing is published: nothing other services know of changed. Only administrators (403 for anyone else); 409 when no "
                    + "change is pending or the partner is archived.")
    @APIResponse(responseCode = "200", description = "Rejected", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @ApiResponses.Writes
    public Uni<Response> reject(@PathParam("id") String id, @NotNull @Valid ChangeDecisionRequest request) {
        UUID partnerId = Ids.uuid(id, "id");
        return callers.current().chain(caller -> service.rejectPendingChange(caller, partnerId, request.reason().trim())
                .map(p -> Response.ok(PartnerView.of(p, caller)).tag(Preconditions.etag(p.version())).build()));
    }
}
