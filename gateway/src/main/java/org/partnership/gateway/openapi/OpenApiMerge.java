package org.partnership.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Merges the services' API descriptions into the platform's, as the gateway publishes them (pure JSON in, JSON out;
 * no I/O). The result lints clean with Spectral's OpenAPI ruleset (e2e OpenApiLintIT): names are made unique when
 * merging and the one server is the gateway itself.
 */
final class OpenApiMerge {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiMerge() {
    }

    /**
     * Adds a service's operations to the platform's description, as the gateway publishes them:
     * <ul>
     * <li>only its public paths (those the gateway routes to it, {@code routed}); path- and operation-level
     * {@code servers} are dropped (clients call the gateway), a document-wide {@code security} moves onto each
     * operation that has none;</li>
     * <li>its components that those paths use (directly or through other components), every kind; one whose name is
     * taken by a different one is renamed {@code <Service><Name>} ({@code PartnersProblem}), and every {@code $ref},
     * discriminator mapping and security requirement follows the new name (identical ones are shared);</li>
     * <li>an operationId already taken becomes {@code <service><OperationId>}, so operationIds stay unique;</li>
     * <li>its tags, unless a tag of that name is already there;</li>
     * <li>its problem types ({@code x-problem-types}), unless one of that type URI is already there.</li>
     * </ul>
     * The result does not depend on timing: services are merged in name order, renames are deterministic.
     */
    static void merge(ObjectNode target, JsonNode source, String service, Predicate<String> routed) {
        ObjectNode src = source.deepCopy();
        ObjectNode srcPaths = src.path("paths").isObject() ? (ObjectNode) src.get("paths") : JSON.createObjectNode();
        List<String> unrouted = new ArrayList<>();
        srcPaths.fieldNames().forEachRemaining(path -> {
            if (!routed.test(path)) {
                unrouted.add(path);
            }
        });
        srcPaths.remove(unrouted);
        if (!unrouted.isEmpty()) {
            Log.debugf("openapi: %s paths not routed to it by the gateway, left out: %s", service, unrouted);
        }
        JsonNode globalSecurity = src.get("security");
        operations(srcPaths).forEach(op -> {
            if (globalSecurity != null && !op.has("security")) {
                op.set("security", globalSecurity.deepCopy());
            }
            op.remove("servers");
        });
        srcPaths.forEach(item -> ((ObjectNode) item).remove("servers"));

        ObjectNode srcComponents = usedComponents(src.path("components"), srcPaths);
        ObjectNode targetComponents = target.with("components");
        Map<String, Map<String, String>> renames = renames(srcComponents, targetComponents, service);
        rewriteRefs(srcPaths, renames);
        rewriteRefs(srcComponents, renames);
        Map<String, String> schemeRenames = renames.getOrDefault("securitySchemes", Map.of());
        if (!schemeRenames.isEmpty()) {
            operations(srcPaths).forEach(op -> op.path("security").forEach(requirement -> renameKeys((ObjectNode) requirement, schemeRenames)));
        }
        srcComponents.fields().forEachRemaining(kind -> {
            ObjectNode into = target.with("components").with(kind.getKey());
            Map<String, String> renamed = renames.getOrDefault(kind.getKey(), Map.of());
            kind.getValue().fields().forEachRemaining(c -> {
                String name = renamed.getOrDefault(c.getKey(), c.getKey());
                if (!into.has(name)) {
                    into.set(name, c.getValue());
                }
            });
        });

        Set<String> operationIds = new HashSet<>();
        operations(target.path("paths")).forEach(op -> operationIds.add(op.path("operationId").asText()));
        operations(srcPaths).forEach(op -> {
            JsonNode id = op.get("operationId");
            if (id != null && id.isTextual() && !operationIds.add(id.asText())) {
                String renamed = fresh(service + capitalise(id.asText()), operationIds::contains);
                operationIds.add(renamed);
                op.put("operationId", renamed);
            }
        });

        ObjectNode paths = target.with("paths");
        srcPaths.fields().forEachRemaining(path -> {
            JsonNode existing = paths.get(path.getKey());
            if (existing == null) {
                paths.set(path.getKey(), path.getValue());
            } else {
                // the gateway routes this path to the service before its own endpoints: the service's operations are the real ones
                Log.warnf("openapi: %s also describes %s; its operations are kept (the gateway routes the path to it)", service, path.getKey());
                path.getValue().fields().forEachRemaining(f -> {
                    if (METHODS.contains(f.getKey()) || !existing.has(f.getKey())) {
                        ((ObjectNode) existing).set(f.getKey(), f.getValue());
                    }
                });
            }
        });

        mergeProblemTypes(target, src);

        ArrayNode tags = target.withArray("tags");
        Set<String> known = new HashSet<>();
        tags.forEach(tag -> known.add(tag.path("name").asText()));
        src.path("tags").forEach(tag -> {
            if (known.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        });
    }

    /** The catalogue of problem types (x-problem-types at the root): the union by type URI, sorted by it. */
    private static void mergeProblemTypes(ObjectNode target, JsonNode source) {
        JsonNode theirs = source.path(PROBLEM_TYPES);
        if (!theirs.isArray() || theirs.isEmpty()) {
            return;
        }
        Map<String, JsonNode> byType = new TreeMap<>();
        target.path(PROBLEM_TYPES).forEach(t -> byType.put(t.path("type").asText(), t));
        theirs.forEach(t -> byType.putIfAbsent(t.path("type").asText(), t.deepCopy()));
        ArrayNode merged = JSON.createArrayNode();
        byType.values().forEach(merged::add);
        target.set(PROBLEM_TYPES, merged);
    }

    /** Merges without leaving any path out (every path is taken as public). */
    static void merge(ObjectNode target, JsonNode source, String service) {
        merge(target, source, service, path -> true);
    }

    /** Whether the gateway routes this path to that upstream: the longest matching route prefix names it. */
    static boolean routedTo(String path, String upstream, Map<String, String> routes) {
        String best = null;
        for (String prefix : routes.keySet()) {
            String p = prefix.replaceAll("/+$", "");
            if ((path.equals(p) || path.startsWith(p + "/")) && (best == null || p.length() > best.replaceAll("/+$", "").length())) {
                best = prefix;
            }
        }
        return best != null && upstream.equals(routes.get(best));
    }

    /**
     * Adds the document-wide server (this gateway, relative to where the document was fetched) when none is set,
     * and puts the top-level fields in the usual order (openapi, info, servers, security, tags, paths, components...).
     */
    static void serveFromGateway(ObjectNode document) {
        if (document.path("servers").isEmpty()) {
            document.set("servers", JSON.createArrayNode().add(JSON.createObjectNode().put("url", "/")
                    .put("description", "This gateway, the platform's only public entry (the origin this description was fetched from)")));
        }
        ObjectNode ordered = JSON.createObjectNode();
        for (String field : List.of("openapi", "jsonSchemaDialect", "info", "servers", "security", "tags", "paths", "webhooks", "components")) {
            if (document.has(field)) {
                ordered.set(field, document.get(field));
            }
        }
        document.fields().forEachRemaining(f -> {
            if (!ordered.has(f.getKey())) {
                ordered.set(f.getKey(), f.getValue());
            }
        });
        document.removeAll();
        document.setAll(ordered);
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String COMPONENTS = "#/components/";
    static final String PROBLEM_TYPES = "x-problem-types";

    /** The operation objects of a paths object. */
    private static List<ObjectNode> operations(JsonNode paths) {
        List<ObjectNode> ops = new ArrayList<>();
        paths.forEach(item -> METHODS.forEach(method -> {
            if (item.path(method).isObject()) {
                ops.add((ObjectNode) item.get(method));
            }
        }));
        return ops;
    }

    /**
     * The components the paths use, directly or through other components (security schemes always: requirements
     * name them without a $ref). Others are left out: they would only be unused components of the platform.
     */
    private static ObjectNode usedComponents(JsonNode components, JsonNode paths) {
        ObjectNode used = JSON.createObjectNode();
        if (!components.isObject()) {
            return used;
        }
        if (components.path("securitySchemes").isObject()) {
            used.set("securitySchemes", components.get("securitySchemes"));
        }
        Deque<String> pending = new ArrayDeque<>(refs(paths));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            String[] kindAndName = ref.split("/", 2);
            if (kindAndName.length < 2 || !seen.add(ref)) {
                continue;
            }
            JsonNode component = components.path(kindAndName[0]).get(kindAndName[1]);
            if (component != null) {
                used.with(kindAndName[0]).set(kindAndName[1], component);
                pending.addAll(refs(component));
            }
        }
        return used;
    }

    /** Every local component reference below a node, as {@code kind/name}. */
    private static List<String> refs(JsonNode node) {
        List<String> found = new ArrayList<>();
        collectRefs(node, found, false);
        return found;
    }

    private static void collectRefs(JsonNode node, List<String> found, boolean mapping) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if ((f.getKey().equals("$ref") || mapping) && f.getValue().isTextual() && f.getValue().asText().startsWith(COMPONENTS)) {
                    found.add(f.getValue().asText().substring(COMPONENTS.length()));
                } else {
                    collectRefs(f.getValue(), found, f.getKey().equals("mapping") && node.has("propertyName"));
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, found, false));
        }
    }

    /**
     * Per kind, the service's components whose name the platform already uses for something different, and their
     * new names. Repeated until stable: renaming one component changes the references inside others.
     */
    private static Map<String, Map<String, String>> renames(ObjectNode components, ObjectNode targetComponents, String service) {
        Map<String, Map<String, String>> renames = new TreeMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            ObjectNode probe = components.deepCopy();
            rewriteRefs(probe, renames);
            for (Map.Entry<String, JsonNode> kind : iterable(probe)) {
                Map<String, String> renamed = renames.computeIfAbsent(kind.getKey(), k -> new TreeMap<>());
                JsonNode taken = targetComponents.path(kind.getKey());
                for (Map.Entry<String, JsonNode> c : iterable(kind.getValue())) {
                    JsonNode existing = taken.get(c.getKey());
                    if (!renamed.containsKey(c.getKey()) && existing != null && !existing.equals(c.getValue())) {
                        String name = fresh(capitalise(service) + capitalise(c.getKey()),
                                n -> taken.has(n) || components.path(kind.getKey()).has(n) || renamed.containsValue(n));
                        renamed.put(c.getKey(), name);
                        changed = true;
                    }
                }
            }
        }
        renames.values().removeIf(Map::isEmpty);
        return renames;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        return fields;
    }

    /** {@code name}, or {@code name2}, {@code name3}... the first one not taken. */
    private static String fresh(String name, Predicate<String> taken) {
        String candidate = name;
        for (int i = 2; taken.test(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }

    /** Points every {@code $ref} and discriminator mapping at the renamed components. */
    private static void rewriteRefs(JsonNode node, Map<String, Map<String, String>> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            boolean discriminator = object.has("propertyName") && object.path("mapping").isObject();
            for (Map.Entry<String, JsonNode> f : iterable(object)) {
                if (f.getKey().equals("$ref") && f.getValue().isTextual()) {
                    object.put("$ref", renamed(f.getValue().asText(), renames));
                } else if (discriminator && f.getKey().equals("mapping")) {
                    for (Map.Entry<String, JsonNode> m : iterable(f.getValue())) {
                        if (m.getValue().isTextual()) {
                            ((ObjectNode) f.getValue()).put(m.getKey(), renamed(m.getValue().asText(), renames));
                        }
                    }
                } else {
                    rewriteRefs(f.getValue(), renames);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static String renamed(String ref, Map<String, Map<String, String>> renames) {
        if (!ref.startsWith(COMPONENTS)) {
            return ref;
        }
        String[] kindAndName = ref.substring(COMPONENTS.length()).split("/", 2);
        if (kindAndName.length < 2) {
            return ref;
        }
        String name = renames.getOrDefault(kindAndName[0], Map.of()).get(kindAndName[1]);
        return name == null ? ref : COMPONENTS + kindAndName[0] + "/" + name;
    }

    /** Renames the keys of an object (a security requirement names its schemes by key), keeping their order. */
    private static void renameKeys(ObjectNode object, Map<String, String> renames) {
        ObjectNode renamed = JSON.createObjectNode();
        object.fields().forEachRemaining(f -> renamed.set(renames.getOrDefault(f.getKey(), f.getKey()), f.getValue()));
        object.removeAll();
        object.setAll(renamed);
    }

    private static String capitalise(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
