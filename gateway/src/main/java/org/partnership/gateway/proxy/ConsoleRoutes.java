package org.partnership.gateway.proxy;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnership.gateway.config.GatewayConfig;

import java.util.List;
import java.util.Optional;

/**
 * The web console's pages behind the only public entry: {@code /}, {@code /console/**} and the console's assets
 * ({@code /_static/**}) go to the console (configured by {@code console.url}; without it, nothing is routed). The
 * console authenticates its users itself (OIDC code flow, session cookie), so the gateway checks no token here; it sets
 * the browser-facing security headers on every page, replacing whatever the console sent.
 */
@ApplicationScoped
public class ConsoleRoutes {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    static final List<String> PATHS = List.of("/", "/console", "/console/*", "/_static/*");
    /** With the API routes: before Quarkus's security handlers and REST. */
    private static final int ORDER = -250;

    private final GatewayConfig config;
    private final Optional<String> consoleUrl;

    public ConsoleRoutes(GatewayConfig config, @ConfigProperty(name = "console.url") Optional<String> consoleUrl) {
        this.config = config;
        this.consoleUrl = consoleUrl.filter(url -> !url.isBlank());
    }

    void install(@Observes Router router, Vertx vertx) {
        if (consoleUrl.isEmpty()) {
            Log.info("no console.url: the web console is not routed");
            return;
        }
        Upstream console = new Upstream("console", consoleUrl.get(), vertx, config);
        for (String path : PATHS) {
            router.route(path).order(ORDER).handler(ctx -> forward(ctx, console));
        }
        Log.infof("route / /console/** /_static/** -> console (%s)", consoleUrl.get());
    }

    private static void forward(RoutingContext ctx, Upstream console) {
        // the same correlation as the API's: a sane caller-supplied X-Request-Id and traceparent kept, or new ones
        String requestId = GatewayRoutes.correlate(ctx.request());
        HttpServerResponse response = ctx.response();
        response.headersEndHandler(end -> securityHeaders(response));
        console.forward(ctx.request(), requestId);
    }

    static void securityHeaders(HttpServerResponse response) {
        response.headers().set("Content-Security-Policy", CSP).set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin").set("X-Frame-Options", "DENY");
    }
}
