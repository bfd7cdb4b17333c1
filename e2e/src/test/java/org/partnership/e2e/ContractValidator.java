package org.partnership.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Every answer the suite receives from the gateway, checked against the platform's one API description as the gateway
 * serves it ({@code /q/openapi}, OpenAPI 3.1): the operation (path template and method) must exist, the status code
 * must be one of its responses, the content type one of that response's media types, the headers it declares
 * required present (and ETag, Location, Retry-After, when they come, declared), and the body valid against the
 * media type's schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1, by networknt's validator, formats asserted).
 * An answer to a path the description does not have must be a problem ({@code application/problem+json}) valid
 * against the platform's Problem schema.
 * <p>
 * A violation fails the request that received it, naming the operation and the field; with
 * {@code -Dcontract.collect=true} violations are only collected (to see them all at once) and fail the suite at its end
 * ({@link ContractAuditIT}). Counts are written to {@code e2e/target/contract-validation.txt} when the stack stops.
 */
final class ContractValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WATCHED_HEADERS = List.of("ETag", "Location", "Retry-After");
    private static final boolean COLLECT = Boolean.getBoolean("contract.collect");

    private static final AtomicInteger VALIDATED = new AtomicInteger();
    private static final Map<String, AtomicInteger> BY_OPERATION = new ConcurrentHashMap<>();
    private static final List<String> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());

    private static volatile ContractValidator instance;

    private final JsonNode document;
    private final List<Template> templates;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private ContractValidator(JsonNode document) {
        this.document = document;
        List<Template> found = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(e -> found.add(new Template(e.getKey(), e.getValue())));
        this.templates = found;
        // OpenAPI 3.1's schema object is JSON Schema 2020-12 plus a few annotation keywords of its own
        JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .keywords(List.of(new NonValidationKeyword("discriminator"), new NonValidationKeyword("xml"),
                        new NonValidationKeyword("externalDocs"), new NonValidationKeyword("example")))
                .build();
        this.factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
                .metaSchema(dialect).build();
    }

    /** The description the gateway serves, read once per run (after the stack is up) and kept in e2e/target. */
    static ContractValidator get() {
        ContractValidator known = instance;
        if (known != null) {
            return known;
        }
        synchronized (ContractValidator.class) {
            if (instance == null) {
                instance = new ContractValidator(fetchDescription());
            }
            return instance;
        }
    }

    private static JsonNode fetchDescription() {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(Platform.stack().gatewayUrl() + "/q/openapi?format=json")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                throw new AssertionError("GET /q/openapi answered " + answer.statusCode() + ": " + answer.body());
            }
            JsonNode document = JSON.readTree(answer.body());
            if (document.path("info").has("x-unavailable-services")) {
                throw new AssertionError("the API description is partial: " + document.path("info").path("x-unavailable-services"));
            }
            return document;
        } catch (IOException e) {
            throw new AssertionError("GET /q/openapi: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The OpenAPI version of the description (3.1.x). */
    String openapiVersion() {
        return document.path("openapi").asText();
    }

    /**
     * Checks one answer; {@code pathAndQuery} as sent to the gateway, {@code header} looks a response header up by
     * name (any case). Throws an AssertionError naming the operation and the fields that do not match (unless collecting).
     */
    void check(String method, String pathAndQuery, int status, String contentType, Function<String, String> header, String body) {
        String path = pathAndQuery.split("[?#]", 2)[0];
        List<String> problems = new ArrayList<>();
        Template template = templates.stream().filter(t -> t.matches(path)).max(Comparator.comparingInt(Template::literals)).orElse(null);
        JsonNode operation = template == null ? null : template.item.get(method.toLowerCase(Locale.ROOT));
        String name;
        if (operation == null) {
            name = method + " " + path + " (not in the description)";
            // no operation: the gateway or the service refused it; that answer must still be the platform's problem
            if (!media(contentType).equals("application/problem+json")) {
                problems.add("content type " + contentType + ", expected application/problem+json for a path or method the description does not have");
            } else if (status < 400) {
                problems.add("status " + status + " for an operation the description does not have");
            } else {
                problems.addAll(validate("#/components/schemas/Problem", "Problem", body));
            }
        } else {
            name = operation.path("operationId").asText(method + " " + template.path) + " (" + method + " " + template.path + ")";
            JsonNode response = response(operation, status);
            if (response == null) {
                problems.add("status " + status + " is not a response of the operation (declared: " + fieldNames(operation.path("responses")) + ")");
            } else {
                response = deref(response);
                checkHeaders(response, header, problems);
                checkBody(response, status, contentType, body, problems);
            }
        }
        BY_OPERATION.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        VALIDATED.incrementAndGet();
        if (!problems.isEmpty()) {
            String message = name + " answered " + status + " " + contentType + ": " + String.join("; ", problems)
                    + " | body: " + (body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "…" : body);
            VIOLATIONS.add(message);
            if (!COLLECT) {
                throw new AssertionError("response does not match the API description: " + message);
            }
        }
    }

    private static JsonNode response(JsonNode operation, int status) {
        JsonNode responses = operation.path("responses");
        String code = String.valueOf(status);
        if (responses.has(code)) {
            return responses.get(code);
        }
        String range = code.charAt(0) + "XX";
        if (responses.has(range)) {
            return responses.get(range);
        }
        return responses.get("default");
    }

    private void checkHeaders(JsonNode response, Function<String, String> header, List<String> problems) {
        JsonNode declared = response.path("headers");
        declared.fields().forEachRemaining(h -> {
            JsonNode spec = deref(h.getValue());
            String value = header.apply(h.getKey());
            if (value == null) {
                if (spec.path("required").asBoolean(false)) {
                    problems.add("header " + h.getKey() + " is required and missing");
                }
            } else if (spec.path("schema").path("type").asText().equals("integer") && !value.matches("\\d+")) {
                problems.add("header " + h.getKey() + " = '" + value + "' is not an integer");
            }
        });
        for (String watched : WATCHED_HEADERS) {
            boolean isDeclared = fieldNames(declared).stream().anyMatch(watched::equalsIgnoreCase);
            if (header.apply(watched) != null && !isDeclared) {
                problems.add("header " + watched + " is sent but not declared for this response");
            }
        }
    }

    private void checkBody(JsonNode response, int status, String contentType, String body, List<String> problems) {
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (!content.isObject() || content.isEmpty()) {
            if (hasBody) {
                problems.add("a body (" + contentType + ") where the response declares none");
            }
            return;
        }
        if (!hasBody) {
            problems.add("no body where the response declares " + fieldNames(content));
            return;
        }
        String media = media(contentType);
        String key = fieldNames(content).stream().filter(k -> k.equalsIgnoreCase(media)).findFirst()
                .or(() -> fieldNames(content).stream().filter(k -> k.equals("*/*")).findFirst()).orElse(null);
        if (key == null) {
            problems.add("content type " + contentType + " is not declared (declared: " + fieldNames(content) + ")");
            return;
        }
        JsonNode schema = content.get(key).path("schema");
        if (schema.isMissingNode() || !(media.equals("application/json") || media.endsWith("+json"))) {
            return;
        }
        problems.addAll(validateNode(schema, status + " " + key, body));
    }

    private List<String> validate(String ref, String cacheKey, String body) {
        return validateNode(JSON.createObjectNode().put("$ref", ref), cacheKey, body);
    }

    private List<String> validateNode(JsonNode schema, String cacheKey, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of("body is not JSON: " + e.getOriginalMessage());
        }
        JsonSchema compiled = schemas.computeIfAbsent(schema.toString(), k -> compile(schema));
        Set<ValidationMessage> messages = compiled.validate(instance);
        return messages.stream().map(m -> "field " + m.getInstanceLocation() + ": " + m.getMessage()).sorted().toList();
    }

    /** The schema as a 2020-12 document with the description's components under {@code $defs}, so $refs resolve. */
    private JsonSchema compile(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("allOf", JSON.createArrayNode().add(rewriteRefs(schema.deepCopy())));
        ObjectNode defs = root.putObject("$defs");
        document.path("components").path("schemas").fields().forEachRemaining(e -> defs.set(e.getKey(), rewriteRefs(e.getValue().deepCopy())));
        return factory.getSchema(root, config);
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
                object.put("$ref", "#/$defs/" + ref.asText().substring("#/components/schemas/".length()));
            }
            object.fields().forEachRemaining(f -> rewriteRefs(f.getValue()));
        } else if (node.isArray()) {
            node.forEach(ContractValidator::rewriteRefs);
        }
        return node;
    }

    private JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static String media(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static int validated() {
        return VALIDATED.get();
    }

    static List<String> violations() {
        synchronized (VIOLATIONS) {
            return List.copyOf(VIOLATIONS);
        }
    }

    /** The counts (and any violation), to e2e/target/contract-validation.txt and the console. */
    static void report() {
        if (VALIDATED.get() == 0) {
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append("responses validated against the API description: ").append(VALIDATED.get())
                .append(", operations: ").append(BY_OPERATION.size()).append(", violations: ").append(VIOLATIONS.size()).append('\n');
        BY_OPERATION.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(String.format("%6d  %s%n", e.getValue().get(), e.getKey())));
        violations().forEach(v -> text.append("VIOLATION ").append(v).append('\n'));
        System.out.println("[contract] " + text.toString().lines().findFirst().orElse(""));
        try {
            Path target = Path.of(System.getProperty("partnership.repo", "..")).toAbsolutePath().normalize().resolve("e2e/target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("contract-validation.txt"), text);
            if (instance != null) {
                Files.writeString(target.resolve("openapi-validated.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(instance.document));
            }
        } catch (IOException e) {
            System.err.println("[contract] could not write the report: " + e);
        }
    }

    /** A path template of the description, matched segment by segment ({param} matches one segment). */
    private record Template(String path, JsonNode item, String[] segments, int literals) {
        Template(String path, JsonNode item) {
            this(path, item, path.split("/"), (int) java.util.Arrays.stream(path.split("/")).filter(s -> !s.startsWith("{")).count());
        }

        boolean matches(String actual) {
            String[] parts = actual.split("/", -1);
            if (parts.length != segments.length) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                if (!segments[i].startsWith("{") && !segments[i].equals(parts[i])) {
                    return false;
                }
                if (segments[i].startsWith("{") && parts[i].isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }
}
