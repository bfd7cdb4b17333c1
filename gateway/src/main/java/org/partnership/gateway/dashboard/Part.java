package org.partnership.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.WebApplicationException;

/**
 * One part of a dashboard as a service gave it: its answer (a list that had more than the dashboard takes is
 * {@code truncated}), a refusal of this caller ({@code restricted}: 403/404, no outage), or nothing because the
 * service did not answer ({@code unavailable}, naming the service).
 */
public record Part(JsonNode value, boolean restricted, String unavailable, boolean truncated) {

    public static Part of(JsonNode value) {
        return new Part(value, false, null, false);
    }

    public static Part cutOff(JsonNode value) {
        return new Part(value, false, null, true);
    }

    public static Part refused() {
        return new Part(null, true, null, false);
    }

    public static Part unavailableFrom(String service) {
        return new Part(null, false, service, false);
    }

    /** The service answered, and its answer is that this caller may not see that part (403, or 404 "not visible to you"). */
    public static boolean refusal(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return status == 403 || status == 404;
        }
        return false;
    }
}
