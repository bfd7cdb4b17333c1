package org.partnership.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Topics;

import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as the producers publish them (contract examples, with an actor), sent through the real broker with the outbox relay's record headers. */
final class Events {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    /** A valid event of the type around the contract's first example, changed by {@code data}, with an actor. */
    static ObjectNode event(String type, String source, String subject, ObjectNode actor, String correlationId, java.util.function.Consumer<ObjectNode> data) {
        ObjectNode example = EventContracts.exampleData(type);
        data.accept(example);
        ObjectNode event = (ObjectNode) EventContracts.json(EventContracts.event(type, source, subject, example));
        event.put("time", Instant.now().toString());
        event.put("correlationid", correlationId);
        if (actor != null) {
            event.set("actor", actor);
        }
        EventContracts.assertProduced(event.toString());
        return event;
    }

    static ObjectNode user(String username, UUID partner, String... roles) {
        ObjectNode actor = MAPPER.createObjectNode().put("sub", UUID.nameUUIDFromBytes(username.getBytes()).toString()).put("username", username);
        if (partner != null) {
            actor.put("partnerId", partner.toString());
        }
        var array = actor.putArray("roles");
        for (String role : roles) {
            array.add(role);
        }
        return actor;
    }

    static void send(String topic, JsonNode event) {
        Topics.sendCloudEvent(topic, event.path("subject").asText(), event.toString());
    }

    static void execute(String... statements) {
        try (Connection c = Database.connect(); var s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> topics() {
        return List.of("partners.v1", "projects.v1", "resources.v1");
    }

    /**
     * Deletes every record published so far on the three topics, as the broker's own retention does within days: by
     * the time the trail removes an entry (years later), its record is long gone, and reading a topic again from its
     * start (RedeliveryTest) does not bring a removed entry back.
     */
    static void expireTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Topics.bootstrap()))) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(topics()).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(p -> ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, RecordsToDelete> published = new HashMap<>();
            admin.listOffsets(ends).all().get()
                    .forEach((partition, end) -> published.put(partition, RecordsToDelete.beforeOffset(end.offset())));
            admin.deleteRecords(published).all().get();
        } catch (Exception e) {
            throw new AssertionError("could not delete the topics' records", e);
        }
    }
}
