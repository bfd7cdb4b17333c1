package org.partnership.projects.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
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
import org.partnership.http.Problem;
import org.partnership.http.idempotency.IdempotentRequests;
import org.partnership.http.idempotency.IdempotentRequests.Created;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.repository.ParticipantRepository;
import org.partnership.projects.rest.ProjectRequests.InviteRequest;
import org.partnership.projects.rest.ProjectResponses.InvitationPage;
import org.partnership.projects.rest.ProjectResponses.InvitationView;
import org.partnership.projects.rest.ProjectResponses.ParticipantPage;
import org.partnership.projects.rest.ProjectResponses.ParticipantView;
import org.partnership.projects.rest.ProjectResponses.ProjectView;
import org.partnership.projects.service.CallerResolver;
import org.partnership.projects.service.ProjectDetails;
import org.partnership.projects.service.ProjectService;

import java.util.List;
import java.util.UUID;

/** A project's participants and invitations: invite, accept, decline, withdraw, and the invitations waiting for the caller's partner. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ProjectMapping.TAG, description = ProjectMapping.TAG_DESCRIPTION)
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class ParticipantResource {

    private final ProjectService service;
    private final CallerResolver callers;
    private final IdempotentRequests idempotent;

    public ParticipantResource(ProjectService service, CallerResolver callers, IdempotentRequests idempotent) {
        this.service = service;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    @GET
    @Path("/invitations")
    @Operation(operationId = "listInvitations", summary = "Invitations waiting for the caller's partner", description = "Oldest first, keyset-paginated.")
    @APIResponse(responseCode = "200", description = "A page of open invitations", content = @Content(schema = @Schema(implementation = InvitationPage.class)))
    @ApiResponses.Reads
    public Uni<InvitationPage> invitations(
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        ParticipantRepository.Position after = position(cursor);
        return service.invitations(callers.current(), after, size + 1).map(page -> {
            List<InvitationView> items = page.invitations().stream().limit(size)
                    .map(p -> InvitationView.of(p, page.leads().get(p.project().leadPartnerId()))).toList();
            String next = null;
            if (page.invitations().size() > size) {
                var last = page.invitations().get(size - 1);
                next = Page.cursor(last.invitedAt().toString(), last.id().toString());
            }
            return new InvitationPage(items, next);
        });
    }

    @GET
    @Path("/{id}/participants")
    @Operation(operationId = "listParticipants", summary = "A project's participants, the lead included",
            description = "Each partner with its role and participation status (INVITED, ACCEPTED, DECLINED or WITHDRAWN), oldest invited first "
                    + "(the lead first), keyset-paginated. For participants, auditors and administrators; others get 403 (they see the public summary only).")
    @APIResponse(responseCode = "200", description = "A page of participants", content = @Content(schema = @Schema(implementation = ParticipantPage.class)))
    @ApiResponses.Reads
    public Uni<ParticipantPage> participants(@PathParam("id") String id,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        UUID projectId = Ids.uuid(id, "id");
        int size = Page.limit(limit);
        ParticipantRepository.Position after = position(cursor);
        return service.participants(callers.current(), projectId, after, size + 1).map(page -> {
            List<ParticipantView> items = page.participants().stream().limit(size)
                    .map(p -> ParticipantView.of(p, page.partners().get(p.partnerId()))).toList();
            String next = null;
            if (page.participants().size() > size) {
                var last = page.participants().get(size - 1);
                next = Page.cursor(last.invitedAt().toString(), last.id().toString());
            }
            return new ParticipantPage(items, next);
        });
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/participants")
    @Operation(operationId = "invitePartner", summary = "Invite an ACTIVE partner with a role (the lead's members)",
            description = "The partner's representatives then find the invitation in GET /api/v1/projects/invitations and accept or decline it. Not while the project is closed.")
    @APIResponse(responseCode = "201", description = "Invited; the project after the change", headers = {@Header(ref = "ETag"), @Header(ref = "Location")}, content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @ApiResponses.Writes
    @ApiResponses.Idempotent
    public Uni<Response> invite(@PathParam("id") String id,
            @Parameter(description = ProjectMapping.IDEMPOTENCY_KEY) @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid InviteRequest request, @Context UriInfo uri) {
        UUID projectId = Ids.uuid(id, "id");
        Caller caller = callers.current();
        return idempotent.create(caller.subject(), key, uri, request, () -> service.invite(caller, projectId, request.partnerId(),
                        request.role(), blankToNull(request.message()))
                .map(d -> new Created(uri.getAbsolutePathBuilder().path(request.partnerId().toString()).build(),
                        d.project().version(), ProjectView.of(d, caller))));
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/participants/{partnerId}/accept")
    @Operation(operationId = "acceptInvitation", summary = "Accept your partner's invitation (its own representatives only)",
            description = "The invited partner becomes an accepted participant; nobody accepts on another partner's behalf. "
                    + "The partner must be ACTIVE in the registry at that moment: one suspended since its invitation is refused with 409 (type partner-not-active); it may still decline.")
    @ParticipantResponses
    public Uni<Response> accept(@PathParam("id") String id, @PathParam("partnerId") String partnerId) {
        Caller caller = callers.current();
        return service.respond(caller, Ids.uuid(id, "id"), Ids.uuid(partnerId, "partnerId"), true).map(d -> ok(d, caller));
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/participants/{partnerId}/decline")
    @Operation(operationId = "declineInvitation", summary = "Decline your partner's invitation (its own representatives only)",
            description = "The invitation is closed as declined; nobody declines on another partner's behalf.")
    @ParticipantResponses
    public Uni<Response> decline(@PathParam("id") String id, @PathParam("partnerId") String partnerId) {
        Caller caller = callers.current();
        return service.respond(caller, Ids.uuid(id, "id"), Ids.uuid(partnerId, "partnerId"), false).map(d -> ok(d, caller));
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/participants/{partnerId}/withdraw")
    @Operation(operationId = "withdrawFromProject", summary = "Withdraw your partner from a project (its own representatives only)",
            description = "Before launch freely; after launch the withdrawal is recorded and flags the project.")
    @ParticipantResponses
    public Uni<Response> withdraw(@PathParam("id") String id, @PathParam("partnerId") String partnerId) {
        Caller caller = callers.current();
        return service.withdraw(caller, Ids.uuid(id, "id"), Ids.uuid(partnerId, "partnerId")).map(d -> ok(d, caller));
    }

    // ---------------------------------------------------------------- helpers

    private static Response ok(ProjectDetails details, Caller caller) {
        return ProjectResource.ok(details, caller);
    }

    /** Where the previous page of participants or invitations ended: {@code (invited_at, id)}; null for the first page. */
    private static ParticipantRepository.Position position(String cursor) {
        String[] position = Page.position(cursor, 2);
        return position == null ? null
                : new ParticipantRepository.Position(ProjectMapping.instant(position[0], "cursor"), Ids.uuid(position[1], "cursor"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The responses of a participant's own actions. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @APIResponse(responseCode = "200", description = "Done; the project after the change", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Malformed id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a representative of that partner", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project visible to the caller, or no such participant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No open invitation / the partner is not ACTIVE (accepting) / not accepted / the lead / project closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface ParticipantResponses {
    }
}
