package org.partnership.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a service's description joins the platform's: names made unique, references followed, only public paths. */
class OpenApiMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> ROUTES = Map.of(
            "/api/v1/partners", "partners", "/api/v1/projects", "projects", "/api/v1/projects/special/", "special");

    /** The gateway's own description: its Item, Page, Problem, NotFound response and oidc scheme. */
    private static ObjectNode gateway() {
        return (ObjectNode) json("""
                {"openapi": "3.1.0", "info": {"title": "Platform", "version": "1"},
                 "paths": {"/api/v1/me": {"get": {"operationId": "getItem", "security": [{"oidc": []}],
                   "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}},
                                 "404": {"$ref": "#/components/responses/NotFound"}}}}},
                 "components": {
                   "schemas": {"Item": {"type": "object", "properties": {"name": {"type": "string"}}},
                               "Page": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}},
                               "Problem": {"type": "object", "properties": {"title": {"type": "string"}}},
                               "PartnersItem": {"type": "boolean"}},
                   "responses": {"NotFound": {"description": "Not found"}},
                   "securitySchemes": {"oidc": {"type": "http", "scheme": "bearer"}}},
                 "tags": [{"name": "Me", "description": "the gateway's"}]}
                """);
    }

    /**
     * A service whose Item differs (so its Page, identical in text, means something else too), whose Problem is the
     * same, whose NotFound response and oidc scheme differ, with a discriminator mapping, an operationId the gateway
     * uses, document-wide security, a path the gateway does not route to it and an unused schema.
     */
    private static JsonNode service() {
        return json("""
                {"openapi": "3.1.0", "info": {"title": "Service", "version": "1"}, "servers": [{"url": "http://10.0.0.1:8081"}],
                 "security": [{"oidc": []}],
                 "paths": {
                   "/api/v1/partners": {"servers": [{"url": "http://internal"}],
                     "get": {"operationId": "getItem", "tags": ["Partners"],
                       "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}},
                                     "404": {"$ref": "#/components/responses/NotFound"},
                                     "400": {"description": "bad", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}},
                     "post": {"operationId": "createItem", "security": [{"oidc": ["write"]}],
                       "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Shape"}}}},
                       "responses": {"201": {"description": "created"}}}},
                   "/api/v1/projects/{id}": {"get": {"operationId": "notMine", "responses": {"200": {"description": "ok",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OnlyThere"}}}}}}},
                   "/internal/health": {"get": {"operationId": "health", "responses": {"200": {"description": "ok"}}}}},
                 "components": {
                   "schemas": {"Item": {"type": "object", "properties": {"id": {"type": "string"}}},
                               "Page": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}},
                               "Problem": {"type": "object", "properties": {"title": {"type": "string"}}},
                               "Shape": {"oneOf": [{"$ref": "#/components/schemas/Item"}, {"$ref": "#/components/schemas/Circle"}],
                                         "discriminator": {"propertyName": "kind", "mapping": {"item": "#/components/schemas/Item",
                                                                                             "circle": "#/components/schemas/Circle"}}},
                               "Circle": {"type": "object"},
                               "OnlyThere": {"type": "string"},
                               "Unused": {"type": "integer"}},
                   "responses": {"NotFound": {"description": "No such partner"}},
                   "securitySchemes": {"oidc": {"type": "apiKey", "in": "header", "name": "X-Key"}}},
                 "tags": [{"name": "Partners"}, {"name": "Me", "description": "the service's"}]}
                """);
    }

    @Test
    void shouldRenameOnlyWhatClashesAndFollowEveryReference() {
        ObjectNode merged = gateway();
        OpenApiMerge.merge(merged, service(), "partners", path -> OpenApiMerge.routedTo(path, "partners", ROUTES));

        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.path("Item").path("properties").has("name")).as("the gateway's Item stays").isTrue();
        assertThat(schemas.path("PartnersItem2").path("properties").has("id"))
                .as("the service's Item, renamed past the already taken PartnersItem").isTrue();
        assertThat(schemas.path("PartnersItem").path("type").asText()).isEqualTo("boolean");
        assertThat(schemas.path("PartnersPage").path("properties").path("items").path("items").path("$ref").asText())
                .as("Page is textually the same but means the renamed Item: renamed too")
                .isEqualTo("#/components/schemas/PartnersItem2");
        assertThat(schemas.path("Page").path("properties").path("items").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/Item");
        assertThat(schemas.has("PartnersProblem")).as("an identical schema is shared, not copied").isFalse();
        assertThat(schemas.path("Shape").path("discriminator").path("mapping").path("item").asText())
                .isEqualTo("#/components/schemas/PartnersItem2");
        assertThat(schemas.path("Shape").path("oneOf").get(0).path("$ref").asText()).isEqualTo("#/components/schemas/PartnersItem2");
        assertThat(schemas.path("Circle").path("type").asText()).isEqualTo("object");

        JsonNode get = merged.path("paths").path("/api/v1/partners").path("get");
        assertThat(get.path("responses").path("200").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/PartnersPage");
        assertThat(get.path("responses").path("404").path("$ref").asText()).isEqualTo("#/components/responses/PartnersNotFound");
        assertThat(merged.path("components").path("responses").path("PartnersNotFound").path("description").asText()).isEqualTo("No such partner");
        assertThat(merged.path("components").path("responses").path("NotFound").path("description").asText()).isEqualTo("Not found");

        assertThat(merged.path("components").path("securitySchemes").path("PartnersOidc").path("type").asText()).isEqualTo("apiKey");
        assertThat(merged.path("components").path("securitySchemes").path("oidc").path("type").asText()).isEqualTo("http");
        assertThat(get.path("security").toString()).as("document-wide security moved onto the operation, scheme renamed")
                .isEqualTo("[{\"PartnersOidc\":[]}]");
        JsonNode post = merged.path("paths").path("/api/v1/partners").path("post");
        assertThat(post.path("security").toString()).isEqualTo("[{\"PartnersOidc\":[\"write\"]}]");
        assertThat(merged.path("paths").path("/api/v1/me").path("get").path("security").toString()).isEqualTo("[{\"oidc\":[]}]");
        assertThat(merged.path("paths").path("/api/v1/partners").has("servers")).as("clients call the gateway, not the service").isFalse();
        assertThat(merged.has("servers")).isFalse();

        assertThat(get.path("operationId").asText()).isEqualTo("partnersGetItem");
        assertThat(merged.path("paths").path("/api/v1/me").path("get").path("operationId").asText()).isEqualTo("getItem");
        assertThat(post.path("operationId").asText()).isEqualTo("createItem");

        assertThat(names(merged.path("paths"))).as("only the paths the gateway routes to the service")
                .containsExactlyInAnyOrder("/api/v1/me", "/api/v1/partners");
        assertThat(schemas.has("OnlyThere")).as("used only by a path left out").isFalse();
        assertThat(schemas.has("Unused")).isFalse();
        assertThat(merged.path("tags").findValuesAsText("name")).containsExactly("Me", "Partners");
        assertThat(merged.path("tags").get(0).path("description").asText()).isEqualTo("the gateway's");
        assertRefsResolve(merged);
    }

    @Test
    void shouldKeepOperationIdsUniqueAcrossServicesAndMergeTheSameWayEveryTime() {
        ObjectNode first = gateway();
        JsonNode projects = json("""
                {"openapi": "3.1.0", "paths": {
                   "/api/v1/projects": {"get": {"operationId": "getItem", "responses": {"200": {"description": "ok"}}}},
                   "/api/v1/projects/special/x": {"get": {"operationId": "special", "responses": {"200": {"description": "ok"}}}}}}
                """);
        OpenApiMerge.merge(first, service(), "partners", path -> OpenApiMerge.routedTo(path, "partners", ROUTES));
        OpenApiMerge.merge(first, projects, "projects", path -> OpenApiMerge.routedTo(path, "projects", ROUTES));

        assertThat(first.path("paths").path("/api/v1/projects").path("get").path("operationId").asText()).isEqualTo("projectsGetItem");
        assertThat(first.path("paths").has("/api/v1/projects/special/x")).as("the longer prefix routes it elsewhere").isFalse();
        List<String> ids = first.path("paths").findValuesAsText("operationId");
        assertThat(ids).doesNotHaveDuplicates().contains("getItem", "partnersGetItem", "projectsGetItem");

        ObjectNode second = gateway();
        OpenApiMerge.merge(second, service(), "partners", path -> OpenApiMerge.routedTo(path, "partners", ROUTES));
        OpenApiMerge.merge(second, projects, "projects", path -> OpenApiMerge.routedTo(path, "projects", ROUTES));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldRouteByTheLongestPrefix() {
        assertThat(OpenApiMerge.routedTo("/api/v1/partners", "partners", ROUTES)).isTrue();
        assertThat(OpenApiMerge.routedTo("/api/v1/partners/{id}/verify", "partners", ROUTES)).isTrue();
        assertThat(OpenApiMerge.routedTo("/api/v1/partnership", "partners", ROUTES)).isFalse();
        assertThat(OpenApiMerge.routedTo("/api/v1/projects/special/x", "projects", ROUTES)).isFalse();
        assertThat(OpenApiMerge.routedTo("/api/v1/projects/special/x", "special", ROUTES)).isTrue();
        assertThat(OpenApiMerge.routedTo("/api/v1/projects/specials", "projects", ROUTES)).isTrue();
        assertThat(OpenApiMerge.routedTo("/q/health", "partners", ROUTES)).isFalse();
    }

    @Test
    void shouldServeFromTheGatewayRightAfterInfo() {
        ObjectNode doc = gateway();
        OpenApiMerge.serveFromGateway(doc);
        assertThat(names(doc)).containsExactly("openapi", "info", "servers", "tags", "paths", "components");
        assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo("/");

        ObjectNode configured = gateway();
        configured.putArray("servers").addObject().put("url", "https://api.partnership.example.org");
        OpenApiMerge.serveFromGateway(configured);
        assertThat(configured.path("servers").get(0).path("url").asText()).isEqualTo("https://api.partnership.example.org");
    }

    /** Every local $ref points at a component that is there. */
    @Test
    void shouldListEveryServicesProblemTypesOnceSortedByType() {
        ObjectNode platform = (ObjectNode) json("""
                {"openapi": "3.1.0", "info": {"title": "Platform", "version": "1"}, "paths": {},
                 "x-problem-types": [{"type": "urn:partnership:problem:validation", "status": 400, "description": "the gateway's"}]}
                """);
        OpenApiMerge.merge(platform, json("""
                {"openapi": "3.1.0", "info": {"title": "A", "version": "1"}, "paths": {},
                 "x-problem-types": [{"type": "urn:partnership:problem:validation", "status": 400, "description": "a's copy"},
                                     {"type": "urn:partnership:problem:risk-closed", "status": 409}]}
                """), "resources");
        OpenApiMerge.merge(platform, json("""
                {"openapi": "3.1.0", "info": {"title": "B", "version": "1"}, "paths": {},
                 "x-problem-types": [{"type": "urn:partnership:problem:archived", "status": 409}]}
                """), "partners");

        List<String> types = new ArrayList<>();
        platform.path("x-problem-types").forEach(t -> types.add(t.path("type").asText()));
        assertThat(types).containsExactly("urn:partnership:problem:archived", "urn:partnership:problem:risk-closed",
                "urn:partnership:problem:validation");
        assertThat(platform.path("x-problem-types").get(2).path("description").asText()).isEqualTo("the gateway's");
    }

    private static void assertRefsResolve(JsonNode doc) {
        List<String> dangling = new ArrayList<>();
        for (JsonNode ref : doc.findValues("$ref")) {
            String[] parts = ref.asText().substring("#/components/".length()).split("/", 2);
            if (!doc.path("components").path(parts[0]).has(parts[1])) {
                dangling.add(ref.asText());
            }
        }
        assertThat(dangling).as("references to missing components").isEmpty();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
