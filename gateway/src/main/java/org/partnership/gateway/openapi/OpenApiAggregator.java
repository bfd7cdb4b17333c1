package org.partnership.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.partnership.gateway.config.GatewayConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One API description for the whole platform at {@code /q/openapi}: the gateway's own operations (generated at
 * {@code /q/openapi-gateway}) merged with each service's {@code /q/openapi}, all under their public paths. It is
 * rebuilt at most every {@code gateway.openapi-refresh}; a service that does not answer is left out and named in
 * {@code x-unavailable-services}. YAML by default, JSON with {@code ?format=json} or {@code Accept: application/json};
 * Swagger UI at {@code /q/swagger-ui} shows it. This class serves, fetches and caches; {@link OpenApiMerge} merges.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final GatewayConfig config;
    private final io.quarkus.vertx.http.HttpServer server;
    private final long refreshMillis;
    private HttpClient client;
    private volatile Rendered cached;

    public OpenApiAggregator(GatewayConfig config, io.quarkus.vertx.http.HttpServer server) {
        this.config = config;
        this.server = server;
        this.refreshMillis = config.openapiRefresh().toMillis();
    }

    void install(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient();
        router.get("/q/openapi").order(-200).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        document().onComplete(result -> {
            if (result.failed()) {
                ctx.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"urn:partnership:problem:upstream-unavailable\",\"title\":\"Service unavailable\",\"status\":503}");
                return;
            }
            boolean json = "json".equalsIgnoreCase(ctx.request().getParam("format"))
                    || String.valueOf(ctx.request().getHeader("Accept")).contains("application/json");
            ctx.response().putHeader("Content-Type", json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                    .end(json ? result.result().json() : result.result().yaml());
        });
    }

    /**
     * The merged document in both formats, rendered once when it is built: the event loop that serves it also
     * carries every proxied request, and a public endpoint must not make it serialise the whole platform's
     * description per call.
     */
    private record Rendered(Buffer json, Buffer yaml, long renderedAt) {

        static Rendered of(ObjectNode document) {
            try {
                return new Rendered(Buffer.buffer(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document)),
                        Buffer.buffer(YAML.writeValueAsBytes(document)), System.currentTimeMillis());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The merged document, from the cache while it is fresh. */
    private Future<Rendered> document() {
        Rendered known = cached;
        if (known != null && System.currentTimeMillis() - known.renderedAt() < refreshMillis) {
            return Future.succeededFuture(known);
        }
        Future<JsonNode> own = fetch("http://127.0.0.1:" + server.getPort(), "/q/openapi-gateway?format=json");
        Map<String, Future<JsonNode>> upstreams = new TreeMap<>();
        config.upstreams().forEach((name, url) -> upstreams.put(name, fetch(url, "/q/openapi?format=json")));
        List<Future<JsonNode>> all = new ArrayList<>(upstreams.values());
        all.add(own);
        return Future.join(all).transform(ignored -> {
            if (own.failed()) {
                return Future.failedFuture(own.cause());
            }
            ObjectNode merged = own.result().deepCopy();
            ArrayNode unavailable = JSON.createArrayNode();
            upstreams.forEach((name, future) -> {
                if (future.succeeded()) {
                    OpenApiMerge.merge(merged, future.result(), name, path -> OpenApiMerge.routedTo(path, name, config.routes()));
                } else {
                    unavailable.add(name);
                    Log.debugf("openapi: %s unavailable: %s", name, future.cause().getMessage());
                }
            });
            OpenApiMerge.serveFromGateway(merged);
            if (!unavailable.isEmpty()) {
                ((ObjectNode) merged.with("info")).set("x-unavailable-services", unavailable);
                return Future.succeededFuture(Rendered.of(merged)); // a partial document is not kept
            }
            cached = Rendered.of(merged);
            return Future.succeededFuture(cached);
        });
    }

    private Future<JsonNode> fetch(String base, String path) {
        URI uri = URI.create(base);
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(uri.getHost())
                        .setPort(uri.getPort()).setURI(path).setTimeout(3000).putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(base + path + " answered " + response.statusCode()))
                .map(OpenApiAggregator::parse);
    }

    private static JsonNode parse(Buffer body) {
        try {
            return JSON.readTree(body.getBytes());
        } catch (Exception e) {
            throw new IllegalStateException("not an OpenAPI JSON document", e);
        }
    }
}
