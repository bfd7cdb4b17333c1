package org.partnership.notifications.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
import org.partnership.http.ProblemException;
import org.partnership.http.QueryParams;
import org.partnership.notifications.domain.Channel;
import org.partnership.notifications.domain.Kind;
import org.partnership.notifications.domain.Recipient;
import org.partnership.notifications.rest.NotificationResponses.FailedMailPage;
import org.partnership.notifications.rest.NotificationResponses.FailedMailView;
import org.partnership.notifications.rest.NotificationResponses.NotificationPage;
import org.partnership.notifications.rest.NotificationResponses.NotificationView;
import org.partnership.notifications.rest.NotificationResponses.Preferences;
import org.partnership.notifications.rest.NotificationResponses.UnreadCount;
import org.partnership.notifications.service.InboxService;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The caller's in-app notifications, their preferences, and (administrators) the e-mail that could not be sent. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "What needs the caller (invitations, answers, pledges, deliveries to review, overdue pledges, "
        + "verification, risks, proposals), in the app and by e-mail")
@SecurityRequirement(name = "oidc")
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class NotificationResource {

    private final InboxService inbox;
    private final SecurityIdentity identity;

    public NotificationResource(InboxService inbox, SecurityIdentity identity) {
        this.inbox = inbox;
        this.identity = identity;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listNotifications", summary = "My notifications, newest first",
            description = "The caller's own notifications (nobody sees another user's), keyset-paginated, with the number unread "
                    + "in all. The text is in the caller's language: Accept-Language (it or en), else the token's locale, else English.")
    @APIResponse(responseCode = "200", description = "A page of the caller's notifications", content = @Content(schema = @Schema(implementation = NotificationPage.class)))
    @ApiResponses.Reads
    public Uni<NotificationPage> list(
            @Parameter(description = "true: only the unread ones", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("unread") String unread,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "The language of the texts: it or en (default: the token's locale, else en)") @HeaderParam("Accept-Language") String acceptLanguage) {
        Boolean unreadOnly = QueryParams.bool(unread, "unread");
        int size = Page.limit(limit);
        InboxService.After after = after(cursor);
        String user = user();
        return inbox.page(user, Boolean.TRUE.equals(unreadOnly), after, size + 1, language(acceptLanguage))
                .chain(found -> inbox.unread(user).map(count -> {
                    List<NotificationView> items = found.stream().limit(size).toList();
                    String next = null;
                    if (found.size() > size) {
                        NotificationView last = items.get(size - 1);
                        next = Page.cursor(last.createdAt().toString(), last.id().toString());
                    }
                    return new NotificationPage(items, next, count);
                }));
    }

    @GET
    @Path("/unread-count")
    @Authenticated
    @Operation(operationId = "countUnreadNotifications", summary = "How many of my notifications are unread",
            description = "What the web console shows on every page.")
    @APIResponse(responseCode = "200", description = "The caller's unread count", content = @Content(schema = @Schema(implementation = UnreadCount.class)))
    @ApiResponses.Reads
    public Uni<UnreadCount> unreadCount() {
        return inbox.unread(user()).map(UnreadCount::new);
    }

    @POST
    @Path("/{id}/read")
    @Authenticated
    @Operation(operationId = "markNotificationRead", summary = "Mark one of my notifications read",
            description = "Marking it again changes nothing. Another user's notification is not found.")
    @APIResponse(responseCode = "204", description = "Marked read")
    @ApiResponses.Writes
    public Uni<Void> markRead(@Parameter(description = "The notification id") @PathParam("id") String id) {
        UUID notification = Ids.uuid(id, "id");
        return inbox.markRead(user(), notification);
    }

    @POST
    @Path("/read-all")
    @Authenticated
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all my notifications read")
    @APIResponse(responseCode = "204", description = "Every notification of the caller is read")
    @ApiResponses.Writes
    public Uni<Void> markAllRead() {
        return inbox.markAllRead(user()).replaceWithVoid();
    }

    @GET
    @Path("/preferences")
    @Authenticated
    @Operation(operationId = "getNotificationPreferences", summary = "How I receive each kind of notification",
            description = "Every kind with its channel: IN_APP, EMAIL (the default) or DIGEST.")
    @APIResponse(responseCode = "200", description = "The caller's preferences", content = @Content(schema = @Schema(implementation = Preferences.class)))
    @ApiResponses.Reads
    public Uni<Preferences> preferences() {
        return inbox.preferences(user()).map(Preferences::new);
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "setNotificationPreferences", summary = "Change how I receive some kinds of notification",
            description = "Sets the channel of each kind named; the others keep theirs. Answers every kind's channel.")
    @APIResponse(responseCode = "200", description = "The caller's preferences after the change", content = @Content(schema = @Schema(implementation = Preferences.class)))
    @ApiResponses.Writes
    public Uni<Preferences> setPreferences(@Valid @NotNull PreferenceRequests request) {
        Map<Kind, Channel> changes = new EnumMap<>(Kind.class);
        for (int i = 0; i < request.preferences().size(); i++) {
            PreferenceRequests.Change change = request.preferences().get(i);
            changes.put(QueryParams.enumValue(Kind.class, change.kind(), "preferences[" + i + "].kind"),
                    QueryParams.enumValue(Channel.class, change.channel(), "preferences[" + i + "].channel"));
        }
        return inbox.setPreferences(user(), changes).map(Preferences::new);
    }

    @GET
    @Path("/mail/failed")
    @RolesAllowed("admin")
    @Operation(operationId = "listFailedMail", summary = "E-mail that could not be sent (administrators)",
            description = "Mail the SMTP server refused or could not be reached for, after every retry with backoff; newest first. "
                    + "Nothing is dropped silently: each stays here with its last error.")
    @APIResponse(responseCode = "200", description = "A page of failed e-mail", content = @Content(schema = @Schema(implementation = FailedMailPage.class)))
    @ApiResponses.Reads
    public Uni<FailedMailPage> failedMail(
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return inbox.failedMail(after(cursor), size + 1).map(found -> {
            List<FailedMailView> items = new ArrayList<>(found.stream().limit(size).toList());
            String next = null;
            if (found.size() > size) {
                FailedMailView last = items.get(size - 1);
                next = Page.cursor(last.createdAt().toString(), last.id().toString());
            }
            return new FailedMailPage(items, next);
        });
    }

    private String user() {
        return ((JsonWebToken) identity.getPrincipal()).getSubject();
    }

    private String language(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            for (String range : acceptLanguage.split(",")) {
                String tag = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (tag.startsWith("it")) {
                    return "it";
                }
                if (tag.startsWith("en")) {
                    return "en";
                }
            }
        }
        Object locale = ((JsonWebToken) identity.getPrincipal()).getClaim("locale");
        return Recipient.Languages.of(locale == null ? null : locale.toString());
    }

    private static InboxService.After after(String cursor) {
        String[] key = Page.position(cursor, 2);
        if (key == null) {
            return null;
        }
        try {
            return new InboxService.After(OffsetDateTime.parse(key[0]), UUID.fromString(key[1]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("validation", "cursor is not valid; use the 'next' value of a previous page",
                    List.of(new Problem.FieldError("cursor", "not a cursor from this list")));
        }
    }
}
