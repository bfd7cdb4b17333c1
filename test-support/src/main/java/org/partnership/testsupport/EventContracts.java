package org.partnership.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks events against the contracts in {@code contracts/events/}: the CloudEvents envelope, and the
 * {@code <type>.schema.json} of the event's data. Producers assert what they emit; consumers feed themselves the
 * schemas' examples.
 */
public final class EventContracts {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private EventContracts() {
    }

    /** Fails with every violation when the event does not match its envelope and data schemas. */
    public static void assertValid(String eventJson) {
        List<String> violations = violations(eventJson);
        if (!violations.isEmpty()) {
            throw new AssertionError("event violates its contract:\n  " + String.join("\n  ", violations) + "\nevent: " + eventJson);
        }
    }

    /**
     * What a producer's test asserts of an event it published: valid, and naming who caused it ({@code actor}, #22:
     * optional in the envelope so older events stay valid, required of everything produced now). Returns the actor.
     */
    public static JsonNode assertProduced(String eventJson) {
        assertValid(eventJson);
        JsonNode actor = read(eventJson).path("actor");
        if (!actor.isObject() || actor.path("sub").asText().isBlank() || actor.path("username").asText().isBlank()) {
            throw new AssertionError("event has no actor (who caused it): " + eventJson);
        }
        return actor;
    }

    /** The contract violations of an event (empty when valid); a type without a schema is a violation. */
    public static List<String> violations(String eventJson) {
        JsonNode event = read(eventJson);
        List<String> violations = new ArrayList<>();
        messages(schema("cloudevent-envelope.schema.json"), event).forEach(m -> violations.add("envelope: " + m.getMessage()));
        String type = event.path("type").asText();
        JsonSchema data = schemaOrNull(type + ".schema.json");
        if (data == null) {
            violations.add("no contract for type '" + type + "' in contracts/events/");
        } else {
            messages(data, event.path("data")).forEach(m -> violations.add("data: " + m.getMessage()));
        }
        return violations;
    }

    /** The {@code examples} of a type's data schema. */
    public static List<JsonNode> dataExamples(String type) {
        JsonNode schema = readResource(type + ".schema.json");
        if (schema == null) {
            throw new AssertionError("no contract for type '" + type + "' in contracts/events/");
        }
        List<JsonNode> examples = new ArrayList<>();
        schema.path("examples").forEach(examples::add);
        return examples;
    }

    /** A copy of the first example of the type's data schema, for a test to change into its event's data. */
    public static ObjectNode exampleData(String type) {
        return (ObjectNode) dataExamples(type).get(0).deepCopy();
    }

    /** {@link #event} checked against its contract: an event as the producer publishes it, for a consumer's test. */
    public static String validEvent(String type, String source, String subject, JsonNode data) {
        String event = event(type, source, subject, data);
        assertValid(event);
        return event;
    }

    /** The event (or any JSON text) as a tree. */
    public static JsonNode json(String event) {
        return read(event);
    }

    /** The event's id. */
    public static String id(String event) {
        return read(event).path("id").asText();
    }

    /** A complete, valid event of the type around the given data, as a producer would publish it. */
    public static String event(String type, String source, String subject, JsonNode data) {
        ObjectNode event = MAPPER.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", source)
                .put("type", type)
                .put("subject", subject)
                .put("time", java.time.Instant.now().toString())
                .put("datacontenttype", "application/json")
                .put("correlationid", "contract-example");
        event.set("data", data);
        return event.toString();
    }

    private static Set<ValidationMessage> messages(JsonSchema schema, JsonNode node) {
        return schema.validate(node);
    }

    private static JsonSchema schema(String file) {
        JsonSchema schema = schemaOrNull(file);
        if (schema == null) {
            throw new AssertionError("missing contract file contracts/events/" + file);
        }
        return schema;
    }

    private static JsonSchema schemaOrNull(String file) {
        JsonNode node = readResource(file);
        return node == null ? null : FACTORY.getSchema(node, CONFIG);
    }

    private static JsonNode readResource(String file) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream("contracts/events/" + file)) {
            return in == null ? null : MAPPER.readTree(in);
        } catch (IOException e) {
            throw new AssertionError("unreadable contract " + file, e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
