package org.partnership.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.partnership.console.api.Api;
import org.partnership.console.api.ApiResponse;
import org.partnership.console.i18n.Fmt;
import org.partnership.console.i18n.Languages;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What every page shares: the signed-in user ({@code /api/v1/me}, read once per request), the locale (cookie or
 * Accept-Language), formatting. Whether a control is shown follows the user's roles; whether an action is allowed is
 * always the API's answer.
 */
@RequestScoped
public class View {

    private final Api api;
    private final HttpHeaders headers;
    private Map<String, Object> me;
    private Api.Pending meCall;
    private Api.Pending unreadCall;

    public View(Api api, @Context HttpHeaders headers) {
        this.api = api;
        this.headers = headers;
    }

    public Locale locale() {
        return Languages.of(headers);
    }

    /**
     * Sends what every page shows besides its own data (who the user is, how many notifications are unread) without
     * waiting for it: a page that calls this before its own API calls waits for the slowest, not for their sum.
     */
    public void prefetch() {
        if (me == null && meCall == null) {
            meCall = api.getLater("/api/v1/me");
        }
        if (unreadCall == null) {
            unreadCall = api.getLater("/api/v1/notifications/unread-count");
        }
    }

    public Map<String, Object> me() {
        if (me == null) {
            me = api.map((meCall != null ? meCall : api.getLater("/api/v1/me")).answer().body());
        }
        return me;
    }

    @SuppressWarnings("unchecked")
    public boolean hasRole(String role) {
        Object roles = me().get("roles");
        return roles instanceof List<?> list && ((List<Object>) list).contains(role);
    }

    @SuppressWarnings("unchecked")
    public String partnerId() {
        Object partner = me().get("partner");
        return partner instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("id") : null;
    }

    /**
     * How many of the user's notifications are unread (notifications-service, #23), shown on every page; null when
     * that service does not answer, so a page never fails for want of its badge.
     */
    public Long unread() {
        try {
            ApiResponse count = (unreadCall != null ? unreadCall : api.getLater("/api/v1/notifications/unread-count")).answer();
            return count.ok() ? count.body().path("unread").asLong() : null;
        } catch (RuntimeException unavailable) {
            return null;
        }
    }

    public TemplateInstance page(Template template) {
        prefetch();
        Locale locale = locale();
        return template.instance().setLocale(locale).data("me", me()).data("fmt", new Fmt(locale)).data("unread", unread())
                .data("coordinator", hasRole("coordinator")).data("rep", hasRole("partner-rep"))
                .data("admin", hasRole("admin")).data("auditor", hasRole("auditor"))
                .data("flash", null).data("errors", Map.of()).data("form", Map.of());
    }

    /** A fragment (htmx) without the user: only locale and formatting. */
    public TemplateInstance fragment(Template template) {
        Locale locale = locale();
        return template.instance().setLocale(locale).data("fmt", new Fmt(locale));
    }

    public List<Map<String, Object>> list(ApiResponse response) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode item : response.items()) {
            items.add(api.map(item));
        }
        return items;
    }

    public Map<String, Object> map(JsonNode node) {
        return api.map(node);
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
