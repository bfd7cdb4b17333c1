package org.partnership.partners.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.partnership.http.ProblemException;
import org.partnership.http.idempotency.IdempotentRequests;
import org.partnership.http.idempotency.IdempotentRequests.Created;
import org.partnership.partners.rest.PartnerRequests.AddMemberRequest;
import org.partnership.partners.repository.PartnerMemberRepository;
import org.partnership.partners.rest.PartnerResponses.MemberPage;
import org.partnership.partners.rest.PartnerResponses.MemberView;
import org.partnership.partners.service.CallerResolver;
import org.partnership.partners.service.MemberService;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The users who represent a partner. Its members and administrators add colleagues and remove members (never the
 * last one); the change is linked in Keycloak (the user's partner_id attribute, so their next token names the
 * partner). Auditors read.
 */
@Path("/api/v1/partners/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Partners")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class MemberResource {

    private final MemberService service;
    private final CallerResolver callers;
    private final IdempotentRequests idempotent;

    public MemberResource(MemberService service, CallerResolver callers, IdempotentRequests idempotent) {
        this.service = service;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    @GET
    @Operation(operationId = "listPartnerMembers", summary = "The users who represent a partner",
            description = "Earliest joined first, keyset-paginated. Visible to the partner's own members, administrators and auditors.")
    @APIResponse(responseCode = "200", description = "A page of members", content = @Content(schema = @Schema(implementation = MemberPage.class)))
    @ApiResponses.Reads
    public Uni<MemberPage> list(@PathParam("id") String id,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        UUID partnerId = Ids.uuid(id, "id");
        int size = Page.limit(limit);
        PartnerMemberRepository.Position after = position(cursor);
        return callers.current().chain(caller -> service.list(caller, partnerId, after, size + 1)).map(found -> {
            List<MemberView> items = found.stream().limit(size).map(MemberView::of).toList();
            String next = null;
            if (found.size() > size) {
                var last = found.get(size - 1);
                next = Page.cursor(last.joinedAt().toString(), last.userId());
            }
            return new MemberPage(items, next);
        });
    }

    @GET
    @Path("/{userId}")
    @Operation(operationId = "getPartnerMember", summary = "One member of a partner",
            description = "Visible to the partner's own members, administrators and auditors.")
    @APIResponse(responseCode = "200", description = "The member", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @ApiResponses.Reads
    public Uni<MemberView> get(@PathParam("id") String id, @PathParam("userId") String userId) {
        UUID partnerId = Ids.uuid(id, "id");
        return callers.current().chain(caller -> service.get(caller, partnerId, userId)).map(MemberView::of);
    }

    @POST
    @Operation(operationId = "addPartnerMember", summary = "Add a colleague as a member (the partner's members, administrators)",
            description = "The colleague must already have an account (found by exact username or e-mail address). They are added at once, "
                    + "publishing partnership.partner.member-added.v1 (which says who added them); once the partner is verified their "
                    + "partner_id attribute is set in Keycloak, so their next token names the partner. A user represents one partner. "
                    + "Anyone else gets 403 (404 if they may not even see the partner); no account with that username or e-mail is a 422; "
                    + "a user who already represents a partner (this one or another), or an archived partner, is a 409. "
                    + "Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Added", headers = @Header(ref = "Location"), content = @Content(schema = @Schema(implementation = MemberView.class)))
    @ApiResponses.Writes
    @APIResponse(responseCode = "422", description = "No user with that username or e-mail address, or Idempotency-Key already used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> add(@PathParam("id") String id,
            @Parameter(description = "Makes the addition safe to retry (1-200 visible ASCII characters)") @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid AddMemberRequest request, @Context UriInfo uri) {
        UUID partnerId = Ids.uuid(id, "id");
        return callers.current().chain(caller -> idempotent.create(caller.subject(), key, uri, request,
                () -> service.add(caller, partnerId, request.user().trim())
                        .map(m -> new Created(uri.getAbsolutePathBuilder().path(m.userId()).build(), null, MemberView.of(m)))));
    }

    @DELETE
    @Path("/{userId}")
    @Operation(operationId = "removePartnerMember", summary = "Remove a member (the partner's members, administrators)",
            description = "Any member, oneself included, but never the last one (409: add a colleague first). Publishes "
                    + "partnership.partner.member-removed.v1, upon which the user's partner_id attribute is cleared in Keycloak: their next "
                    + "token names no partner (a token already issued stays valid until it expires, at most 5 minutes). Anyone else gets 403 "
                    + "(404 if they may not even see the partner); no such member is a 404.")
    @APIResponse(responseCode = "204", description = "Removed")
    @ApiResponses.Writes
    public Uni<Response> remove(@PathParam("id") String id, @PathParam("userId") String userId) {
        UUID partnerId = Ids.uuid(id, "id");
        return callers.current().chain(caller -> service.remove(caller, partnerId, userId))
                .map(removed -> Response.noContent().build());
    }

    /** Where the previous page ended: {@code (joined_at, user id)}; null for the first page; 400 when not one of ours. */
    private static PartnerMemberRepository.Position position(String cursor) {
        String[] key = Page.position(cursor, 2);
        if (key == null) {
            return null;
        }
        try {
            return new PartnerMemberRepository.Position(OffsetDateTime.parse(key[0]), key[1]);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("validation", "cursor is not valid; use the 'next' value of a previous page",
                    List.of(new Problem.FieldError("cursor", "not a cursor from this list")));
        }
    }
}
