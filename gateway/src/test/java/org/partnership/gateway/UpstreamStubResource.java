package org.partnership.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.partnership.stack.Ports;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the services behind the gateway, for routing tests only: it answers every request with what it
 * received (method, path, query, headers, body size) so tests can see exactly what the gateway forwarded; a single
 * partner or project ({@code /api/v1/partners/<uuid>}) also gets an id, name, sector and status. Paths
 * ending in {@code /slow} answer after 3 s, those ending in {@code /reset} close the connection instead of answering; a project's participants come in pages {@code {items, next}} of one each,
 * three pages (endless for a project id starting {@code ffffffff}, a list longer than the dashboard follows); {@code /status/NNN} answers that status. The resources upstream points
 * at a port where nothing listens (a service that is down). The real services are tested end to end elsewhere.
 *
 * <p>A slow request tagged {@code ?call=<tag>} is remembered: {@code GET /stub/calls/<tag>} answers
 * {@code received} while the stub holds it, {@code abandoned} once the gateway gave up on it (closed the connection
 * before the answer) and {@code answered}, so tests wait for what happened instead of sleeping.
 */
public class UpstreamStubResource implements QuarkusTestResourceLifecycleManager {

    /**
     * The stubs' API description: a public path (routed to partners), one the gateway does not route, a schema and
     * an operationId the gateway's own description already uses for something else, an unused schema, and
     * document-wide security.
     */
    private static final String OPENAPI = """
            {"openapi": "3.1.0", "tags": [{"name": "Stub"}], "security": [{"oidc": []}],
             "paths": {
               "/api/v1/partners/stub": {"get": {"operationId": "me", "responses": {"200": {"description": "ok",
                 "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
               "/internal/stub": {"get": {"operationId": "internal", "responses": {"200": {"description": "ok"}}}}},
             "components": {"schemas": {"Problem": {"type": "string"}, "Unused": {"type": "integer"}}}}
            """;

    private final Map<String, String> calls = new ConcurrentHashMap<>();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int port = Ports.free();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject echo = new JsonObject().put("method", request.method().name()).put("path", request.path())
                    .put("query", request.query()).put("headers", headers).put("bodySize", body.length());
            if (request.path().startsWith("/stub/calls/")) {
                String state = calls.getOrDefault(request.path().substring("/stub/calls/".length()), "unknown");
                request.response().putHeader("Content-Type", "text/plain").end(state);
                return;
            }
            if (request.path().endsWith("/reset")) { // the service's connection dies before it answers
                request.connection().close();
                return;
            }
            String call = request.getParam("call");
            if (call != null && request.path().endsWith("/slow")) {
                calls.put(call, "received");
                request.response().closeHandler(closed -> calls.replace(call, "received", "abandoned"));
            }
            if (request.path().equals("/q/openapi")) {
                echo.clear().mergeIn(new JsonObject(OPENAPI));
            }
            if (request.path().matches("/api/v1/(partners|projects)/[0-9a-f-]{36}")) {
                String id = request.path().substring(request.path().length() - 36);
                echo.put("id", id).put("name", "Stub " + id.substring(0, 8)).put("sector", "THIRD_SECTOR").put("status", "ACTIVE");
            }
            if (request.path().matches("/api/v1/projects/[0-9a-f-]{36}/participants")) {
                // a list in pages {items, next} of one participant each: three pages, endless for a project id starting ffffffff
                String cursor = request.getParam("cursor");
                int page = cursor == null ? 1 : Integer.parseInt(cursor);
                boolean endless = request.path().startsWith("/api/v1/projects/ffffffff");
                echo.clear().put("items", new JsonArray().add(new JsonObject().put("partnerId", "page-" + page)))
                        .put("next", endless || page < 3 ? String.valueOf(page + 1) : null);
            }
            int status = request.path().matches(".*/status/\\d{3}") ? Integer.parseInt(request.path().substring(request.path().length() - 3)) : 200;
            long delay = request.path().endsWith("/slow") ? 3000 : 0;
            Runnable reply = () -> {
                if (request.response().closed()) {
                    return;
                }
                if (call != null) {
                    calls.replace(call, "received", "answered");
                }
                request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "keep-alive").end(echo.encode());
            };
            if (delay > 0) {
                vertx.setTimer(delay, id -> reply.run());
            } else {
                reply.run();
            }
        }));
        try {
            server.listen(port, Ports.LOOPBACK).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stub upstream did not start", e);
        }
        String url = "http://127.0.0.1:" + port;
        return Map.ofEntries(
                Map.entry("gateway.upstreams.notifications", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.upstreams.audit", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.upstreams.partners", url),
                Map.entry("gateway.upstreams.projects", url),
                Map.entry("gateway.upstreams.resources", "http://127.0.0.1:" + Ports.free()),
                Map.entry("gateway.upstream-timeout", "1s"),
                Map.entry("gateway.circuit-breaker.failure-threshold", "3"),
                Map.entry("gateway.circuit-breaker.open-for", "30s"),
                Map.entry("gateway.rate-limit.requests-per-second", "5"),
                Map.entry("gateway.rate-limit.burst", "20"),
                Map.entry("console.url", url));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
