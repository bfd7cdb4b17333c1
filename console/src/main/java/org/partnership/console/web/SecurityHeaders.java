package org.partnership.console.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;

/**
 * Pages with data are never cached. The browser-facing security headers (Content-Security-Policy, frame-ancestors,
 * Referrer-Policy, X-Content-Type-Options) are set in one place, by the gateway, the only public entry, on every
 * console page it serves ({@code gateway ConsoleRoutes}); the console itself is reachable only from the gateway
 * (k8s NetworkPolicy).
 */
public class SecurityHeaders {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (rc.request().path().startsWith("/console")) {
                rc.response().headers().add("Cache-Control", "no-store");
            }
            rc.next();
        }, 100);
    }
}
