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

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One API description for the whole platform at {@code /q/openapi}: the gateway's own operations (generated at
 * {@code /q/openapi-gateway}) merged with each service's {@code /q/openapi}, all under their public paths. It is
 * rebuilt at most every {@code gateway.openapi-refresh}; a service that does not answer is left out and named in
 * {@code x-unavailable-services}.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final GatewayConfig config;
    private final io.quarkus.vertx.http.HttpServer server;
    private final long refreshMillis;
    private HttpClient client;
    private volatile ObjectNode cached;
    private volatile long cachedAt;

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
            try {
                ctx.response().putHeader("Content-Type", json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                        .end(json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.result())
                                : YAML.writeValueAsString(result.result()));
            } catch (Exception e) {
                ctx.fail(e);
            }
        });
    }

    /** The merged document, from the cache while it is fresh. */
    Future<ObjectNode> document() {
        ObjectNode doc = cached;
        if (doc != null && System.currentTimeMillis() - cachedAt < refreshMillis) {
            return Future.succeededFuture(doc);
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
                    merge(merged, future.result(), name);
                } else {
                    unavailable.add(name);
                    Log.debugf("openapi: %s unavailable: %s", name, future.cause().getMessage());
                }
            });
            if (!unavailable.isEmpty()) {
                ((ObjectNode) merged.with("info")).set("x-unavailable-services", unavailable);
            } else {
                cached = merged;
                cachedAt = System.currentTimeMillis();
            }
            return Future.succeededFuture(merged);
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

    /** Adds a service's paths, tags and component schemas; a schema whose name is taken by a different one is renamed. */
    static void merge(ObjectNode target, JsonNode source, String service) {
        ObjectNode sourceCopy = source.deepCopy();
        ObjectNode targetSchemas = target.with("components").with("schemas");
        JsonNode sourceSchemas = sourceCopy.path("components").path("schemas");
        Map<String, String> renames = new TreeMap<>();
        sourceSchemas.fieldNames().forEachRemaining(name -> {
            JsonNode existing = targetSchemas.get(name);
            if (existing != null && !existing.equals(sourceSchemas.get(name))) {
                renames.put(name, capitalise(service) + name);
            }
        });
        if (!renames.isEmpty()) {
            rewriteRefs(sourceCopy, renames);
        }
        JsonNode renamedSchemas = sourceCopy.path("components").path("schemas");
        renamedSchemas.fieldNames().forEachRemaining(name -> {
            String targetName = renames.getOrDefault(name, name);
            if (!targetSchemas.has(targetName)) {
                targetSchemas.set(targetName, renamedSchemas.get(name));
            }
        });
        ObjectNode paths = target.with("paths");
        sourceCopy.path("paths").fields().forEachRemaining(path -> {
            if (!paths.has(path.getKey())) {
                paths.set(path.getKey(), path.getValue());
            }
        });
        ArrayNode tags = target.withArray("tags");
        Set<String> known = new HashSet<>();
        tags.forEach(tag -> known.add(tag.path("name").asText()));
        sourceCopy.path("tags").forEach(tag -> {
            if (known.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        });
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
                String name = ref.asText().substring("#/components/schemas/".length());
                if (renames.containsKey(name)) {
                    object.put("$ref", "#/components/schemas/" + renames.get(name));
                }
            }
            object.fields().forEachRemaining(field -> rewriteRefs(field.getValue(), renames));
            JsonNode schemas = object.path("components").path("schemas");
            if (schemas.isObject()) {
                ObjectNode renamed = JSON.createObjectNode();
                schemas.fields().forEachRemaining(f -> renamed.set(renames.getOrDefault(f.getKey(), f.getKey()), f.getValue()));
                ((ObjectNode) object.get("components")).set("schemas", renamed);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static String capitalise(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
