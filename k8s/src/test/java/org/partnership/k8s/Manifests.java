package org.partnership.k8s;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The objects of one rendered overlay, with the lookups the invariants need. */
record Manifests(String overlay, List<ObjectNode> objects) {

    private static final YAMLMapper YAML = new YAMLMapper();

    static Manifests parse(String overlay, String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node instanceof ObjectNode object && object.hasNonNull("kind")) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("rendered k8s/overlays/" + overlay + " is not valid YAML", e);
        }
        if (objects.isEmpty()) {
            throw new AssertionError("k8s/overlays/" + overlay + " rendered no objects");
        }
        return new Manifests(overlay, objects);
    }

    /** A deep, mutable copy, for tests that break an invariant on purpose. */
    Manifests copy() {
        return new Manifests(overlay, objects.stream().map(ObjectNode::deepCopy)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    }

    boolean isProd() {
        return overlay.equals("prod");
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name(o).equals(name)).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    /** The pod template's labels of a Deployment. */
    static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    /** Whether a Kubernetes label selector (matchLabels, matchExpressions) selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            String value = labels.path(key).asText(null);
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The value of a container's environment variable set literally or through an envFrom ConfigMap. */
    Optional<String> env(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(variable) && env.has("value")) {
                return Optional.of(env.path("value").asText());
            }
        }
        for (JsonNode from : container.path("envFrom")) {
            String configMap = from.path("configMapRef").path("name").asText(null);
            if (configMap != null) {
                Optional<String> value = find("ConfigMap", configMap)
                        .map(cm -> cm.path("data").path(variable))
                        .filter(JsonNode::isTextual)
                        .map(JsonNode::asText);
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    /** The secretKeyRef of a container's environment variable. */
    static Optional<JsonNode> secretRef(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(variable)) {
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                return ref.isMissingNode() ? Optional.empty() : Optional.of(ref);
            }
        }
        return Optional.empty();
    }
}
