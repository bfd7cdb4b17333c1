package org.partnership.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.partnership.console.api.Api;
import org.partnership.console.api.ApiResponse;
import org.partnership.console.i18n.NotificationsMsg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user's notifications (#23): the inbox (newest first, the texts in the console's language), marking one or all
 * read, and how each kind reaches them. The count of unread ones is on every page (layout, {@link View#unread()}).
 */
@Path("/console/notifications")
@Produces(MediaType.TEXT_HTML)
public class NotificationsResource {

    static final List<String> CHANNELS = List.of("IN_APP", "EMAIL", "DIGEST");

    private final View view;
    private final Api api;
    private final Template inbox;
    private final Template preferences;

    public NotificationsResource(View view, Api api, @Location("notifications/inbox.html") Template inbox,
            @Location("notifications/preferences.html") Template preferences) {
        this.view = view;
        this.api = api;
        this.inbox = inbox;
        this.preferences = preferences;
    }

    @GET
    public TemplateInstance inbox(@QueryParam("cursor") String cursor) {
        ApiResponse page = api.get("/api/v1/notifications", Map.of("Accept-Language", view.locale().getLanguage()),
                "limit", 50, "cursor", cursor);
        return view.page(inbox).data("items", page.ok() ? view.list(page) : List.of()).data("next", page.ok() ? page.next() : null);
    }

    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response read(@PathParam("id") String id) {
        api.post("/api/v1/notifications/" + id + "/read", null);
        return View.seeOther("/console/notifications");
    }

    @POST
    @Path("read-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response readAll() {
        api.post("/api/v1/notifications/read-all", null);
        return View.seeOther("/console/notifications");
    }

    @GET
    @Path("preferences")
    public TemplateInstance preferences() {
        ApiResponse current = api.get("/api/v1/notifications/preferences");
        return page(current);
    }

    @POST
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(MultivaluedMap<String, String> form) {
        List<Map<String, String>> changes = new ArrayList<>();
        form.forEach((kind, values) -> {
            if (kind.matches("[A-Z_]+") && !values.isEmpty()) {
                changes.add(Map.of("kind", kind, "channel", values.get(0)));
            }
        });
        ApiResponse saved = api.put("/api/v1/notifications/preferences", Map.of("preferences", changes), Map.of());
        if (saved.ok()) {
            return page(saved).data("flash", msg().saved());
        }
        return Response.status(422).entity(preferences().data("flash", saved.problem())).build();
    }

    private TemplateInstance page(ApiResponse answer) {
        NotificationsMsg msg = msg();
        List<Map<String, Object>> items = new ArrayList<>();
        if (answer.ok()) {
            answer.body().path("preferences").forEach(p -> {
                Map<String, Object> item = new java.util.HashMap<>(view.map(p));
                item.put("label", kind(msg, p.path("kind").asText()));
                items.add(item);
            });
        }
        List<Map<String, String>> channels = CHANNELS.stream().map(c -> Map.of("value", c, "label", channel(msg, c))).toList();
        return view.page(preferences).data("preferences", items).data("channels", channels);
    }

    private NotificationsMsg msg() {
        return "it".equals(view.locale().getLanguage())
                ? MessageBundles.get(NotificationsMsg.class, Localized.Literal.of("it")) : MessageBundles.get(NotificationsMsg.class);
    }

    private static String channel(NotificationsMsg msg, String channel) {
        return switch (channel) {
            case "IN_APP" -> msg.channel_IN_APP();
            case "DIGEST" -> msg.channel_DIGEST();
            default -> msg.channel_EMAIL();
        };
    }

    private static String kind(NotificationsMsg msg, String kind) {
        return switch (kind) {
            case "INVITED" -> msg.kind_INVITED();
            case "INVITATION_ANSWERED" -> msg.kind_INVITATION_ANSWERED();
            case "PLEDGE_RECEIVED" -> msg.kind_PLEDGE_RECEIVED();
            case "DELIVERY_RECORDED" -> msg.kind_DELIVERY_RECORDED();
            case "PLEDGE_OVERDUE" -> msg.kind_PLEDGE_OVERDUE();
            case "PARTNER_VERIFIED" -> msg.kind_PARTNER_VERIFIED();
            case "PARTNER_SUSPENDED" -> msg.kind_PARTNER_SUSPENDED();
            case "RISK_ALLOCATED" -> msg.kind_RISK_ALLOCATED();
            case "PROPOSAL_OPENED" -> msg.kind_PROPOSAL_OPENED();
            case "PROPOSAL_EXPIRING" -> msg.kind_PROPOSAL_EXPIRING();
            case "PROPOSAL_DECIDED" -> msg.kind_PROPOSAL_DECIDED();
            default -> kind;
        };
    }
}
