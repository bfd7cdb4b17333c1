package org.partnership.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the audit trail reads from one CloudEvent of any type: action (the type), object (the type's aggregate,
 * {@code partnership.<aggregate>.<verb>.v<n>}, and its id: the data's {@code <aggregate>Id}, else the subject), the
 * project ({@code data.projectId}), the partner the event is about ({@code data.partnerId}), the actor and causation
 * (extension attributes {@code actor}, {@code causationid}; absent on events older than them) and the correlation id.
 * Events are state snapshots, so the changed fields are the difference from the object's previous snapshot
 * ({@link #changes}). Pure: no I/O.
 */
public final class EventFacts {

    /** Fields that change with every event and say nothing about what changed. */
    private static final Set<String> NOT_CHANGES = Set.of("version");

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFacts() {
    }

    /** The unchained entry of a well-formed event; {@code changes} from the object's previous data (null for none). */
    public static AuditEntry entry(JsonNode event, String previousData) {
        String type = event.path("type").asText();
        JsonNode data = event.path("data");
        JsonNode actor = event.path("actor");
        List<String> roles = new ArrayList<>();
        actor.path("roles").forEach(r -> roles.add(r.asText()));
        return new AuditEntry(0, UUID.fromString(event.path("id").asText()), time(event), event.path("source").asText(), type,
                objectType(type), objectId(event), uuid(data.path("projectId")), uuid(data.path("partnerId")),
                text(actor.path("sub")), text(actor.path("username")), uuid(actor.path("partnerId")),
                roles.isEmpty() ? null : String.join(",", roles.stream().sorted().toList()),
                text(event.path("correlationid")), text(event.path("causationid")), changes(previousData, data), null, null);
    }

    /** {@code partnership.<aggregate>.<verb>.v<n>} → {@code aggregate}. */
    public static String objectType(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 3 ? parts[1] : type;
    }

    /** The data's {@code <aggregate>Id} when it has one, else the event's subject (its Kafka key). */
    public static String objectId(JsonNode event) {
        JsonNode own = event.path("data").path(objectType(event.path("type").asText()) + "Id");
        return own.isTextual() ? own.asText() : event.path("subject").asText();
    }

    /** The participants of a project snapshot (projects.v1 project and participant events), or null for another event. */
    public static List<Participation> participants(JsonNode event) {
        JsonNode data = event.path("data");
        if (!event.path("source").asText().equals("/projects-service") || !data.path("participants").isArray()
                || uuid(data.path("projectId")) == null) {
            return null;
        }
        List<Participation> participants = new ArrayList<>();
        for (JsonNode p : data.path("participants")) {
            UUID partner = uuid(p.path("partnerId"));
            if (partner != null) {
                participants.add(new Participation(uuid(data.path("projectId")), partner, p.path("role").asText(), p.path("status").asText()));
            }
        }
        return participants;
    }

    public record Participation(UUID projectId, UUID partnerId, String role, String status) {
    }

    /**
     * The top-level fields whose value differs from the previous snapshot, as JSON {@code {field: {before, after}}}
     * ({@code before} absent when the field had none or there was no previous snapshot); null when nothing changed.
     */
    public static String changes(String previousData, JsonNode data) {
        if (!data.isObject()) {
            return null;
        }
        JsonNode before = previousData == null ? JSON.createObjectNode() : read(previousData);
        ObjectNode changes = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (NOT_CHANGES.contains(field.getKey())) {
                continue;
            }
            JsonNode old = before.get(field.getKey());
            if (old == null || !old.equals(field.getValue())) {
                ObjectNode change = changes.putObject(field.getKey());
                if (old != null) {
                    change.set("before", old);
                }
                change.set("after", field.getValue());
            }
        }
        for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!data.has(name) && !NOT_CHANGES.contains(name)) {
                changes.putObject(name).set("before", before.get(name));
            }
        }
        return changes.isEmpty() ? null : changes.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static Instant time(JsonNode event) {
        String time = event.path("time").asText(null);
        Instant instant = time == null ? Instant.now() : OffsetDateTime.parse(time).toInstant();
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
