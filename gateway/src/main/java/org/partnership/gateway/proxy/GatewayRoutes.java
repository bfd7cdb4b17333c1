package org.partnership.gateway.proxy;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.partnership.gateway.config.GatewayConfig;
import org.partnership.gateway.security.RateLimiter;
import org.partnership.gateway.security.TokenVerifier;

import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Routes {@code /api/v1/<prefix>/**} to the service that owns it (configured in {@code gateway.routes}), after
 * the gateway's own checks, in order: a correlation id and trace context on every request; the declared body size
 * (413); a valid access token (401); the caller's rate limit (429). The caller's token, {@code X-Request-Id},
 * {@code traceparent} and {@code X-Forwarded-*} go to the service, which authorises the request itself.
 * <p>
 * Trace context: OpenTelemetry's HTTP instrumentation is off in the gateway ({@code quarkus.otel.instrument.vertx-http}):
 * a server and a client span per proxied request would cost more than everything else here except the token check.
 * Instead a sane caller {@code traceparent} passes through unchanged, or a new one starts the trace (one pattern
 * match or three random numbers), and the service's OpenTelemetry continues it into the outbox, Kafka and consumers.
 */
@ApplicationScoped
public class GatewayRoutes {

    public static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern VALID_TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    /**
     * Right after Quarkus's CORS filter (-300), before its HTTP security handlers (-200, -100), its observability
     * handler (-199, which builds a REST path matcher for every request) and Quarkus REST: a proxied request costs
     * only what the gateway does here, which includes verifying the token. The gateway's own JAX-RS resources never
     * shadow a proxied prefix.
     */
    private static final int ORDER = -250;
    /** Where Quarkus's HTTP metrics look for the request's path template (the uri tag). */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final GatewayConfig config;
    private final TokenVerifier tokens;
    private final RateLimiter limiter;

    public GatewayRoutes(GatewayConfig config, TokenVerifier tokens, RateLimiter limiter) {
        this.config = config;
        this.tokens = tokens;
        this.limiter = limiter;
    }

    void install(@Observes Router router, Vertx vertx) {
        Map<String, Upstream> upstreams = new HashMap<>();
        config.upstreams().forEach((name, url) -> upstreams.put(name, new Upstream(name, url, vertx, config)));
        config.routes().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(route -> {
                    Upstream upstream = upstreams.get(route.getValue());
                    if (upstream == null) {
                        throw new IllegalStateException("gateway.routes." + route.getKey() + " names unknown upstream " + route.getValue());
                    }
                    String prefix = route.getKey().replaceAll("/+$", "");
                    String below = prefix + "/*";
                    router.route(below).order(ORDER).handler(ctx -> {
                        // metrics count requests per route, never per object (bounded cardinality)
                        String path = ctx.normalizedPath();
                        ((HttpServerRequestInternal) ctx.request()).context()
                                .putLocal(URL_PATH_TEMPLATE, path.length() <= prefix.length() + 1 ? prefix : below);
                        handle(ctx, upstream);
                    });
                    Log.infof("route %s/** -> %s (%s)", prefix, upstream.name(), config.upstreams().get(upstream.name()));
                });
    }

    private void handle(RoutingContext ctx, Upstream upstream) {
        HttpServerRequest request = ctx.request();
        String requestId = correlate(request);
        String length = request.getHeader("Content-Length");
        if (length != null && exceeds(length)) {
            Problems.refuse(ctx.request(), 413, "payload-too-large", "Payload too large",
                    Problems.tooLarge(config.maxBodySize().asLongValue()), requestId);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() < 8) {
            unauthenticated(ctx, requestId);
            return;
        }
        String token = authorization.substring(7).trim();
        TokenVerifier.Caller known = tokens.cached(token);
        if (known != null) {
            proceed(ctx, upstream, known, requestId);
            return;
        }
        tokens.verify(token).subscribe().with(caller -> proceed(ctx, upstream, caller, requestId),
                failure -> unauthenticated(ctx, requestId));
    }

    private void proceed(RoutingContext ctx, Upstream upstream, TokenVerifier.Caller caller, String requestId) {
        long retryAfter = limiter.acquire("sub:" + caller.subject());
        if (retryAfter > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
            Problems.refuse(ctx.request(), 429, "rate-limited", "Too many requests", "slow down: retry after " + retryAfter + " s", requestId);
            return;
        }
        forwardedFor(ctx.request());
        upstream.forward(ctx.request(), requestId);
    }

    private static void forwardedFor(HttpServerRequest request) {
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        if (remote != null) {
            request.headers().set("X-Forwarded-For", forwardedFor == null ? remote : forwardedFor + ", " + remote);
        }
        request.headers().set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            request.headers().set("X-Forwarded-Host", request.authority().toString());
        }
    }

    /** Keeps a sane caller-supplied X-Request-Id and traceparent, or makes new ones; returns the request id. */
    static String correlate(HttpServerRequest request) {
        String requestId = request.getHeader(REQUEST_ID);
        // correlation and trace ids need to be unique, not secret: no SecureRandom (a lock and a syscall) per request
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (requestId == null || !SAFE_ID.matcher(requestId).matches()) {
            requestId = new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
            request.headers().set(REQUEST_ID, requestId);
        }
        String traceparent = request.getHeader(TRACEPARENT);
        if (traceparent == null || !VALID_TRACEPARENT.matcher(traceparent).matches()) {
            HexFormat hex = HexFormat.of();
            request.headers().set(TRACEPARENT, "00-" + hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong())
                    + "-" + hex.toHexDigits(random.nextLong()) + "-01");
        }
        return requestId;
    }

    private boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > config.maxBodySize().asLongValue();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private void unauthenticated(RoutingContext ctx, String requestId) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"partnership\"");
        Problems.refuse(ctx.request(), 401, "unauthenticated", "Unauthenticated", "a valid bearer access token is required", requestId);
    }
}
