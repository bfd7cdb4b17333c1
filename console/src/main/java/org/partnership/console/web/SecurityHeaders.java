package org.partnership.console.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every console response: a strict Content-Security-Policy (scripts and styles only from this origin, no
 * inline script, no framing), no referrer outside the origin, no MIME sniffing, and no caching of pages with data.
 */
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.response().headers().add("Content-Security-Policy", CSP).add("X-Content-Type-Options", "nosniff")
                    .add("Referrer-Policy", "same-origin").add("X-Frame-Options", "DENY");
            if (rc.request().path().startsWith("/console")) {
                rc.response().headers().add("Cache-Control", "no-store");
            }
            rc.next();
        }, 100);
    }
}
