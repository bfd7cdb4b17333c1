package org.partnership.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Tokens;
import org.partnership.testsupport.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Test helpers: replicas seeded the real way (project and partner events on projects.v1 / partners.v1, then waiting
 * until the consumers applied them), the world's signed tokens, and reading what this service published on
 * resources.v1 (checked against its outbox).
 */
public final class Fixtures {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Fixtures() {
    }

    /** A project led by {@code lead} with {@code members} accepted (lead included), all partners ACTIVE. */
    public record World(UUID project, UUID lead, UUID a, UUID b, UUID outsider) {
        public String leadToken() {
            return Tokens.coordinator(lead);
        }

        public String aToken() {
            return Tokens.partnerRep(a);
        }

        public String bToken() {
            return Tokens.partnerRep(b);
        }

        public String outsiderToken() {
            return Tokens.partnerRep(outsider);
        }
    }

    /** An OPEN project with lead L and accepted participants A and B; an ACTIVE outsider partner that is not in it. */
    public static World world() {
        World w = new World(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        partner(w.lead(), "PUBLIC", "ACTIVE", 1);
        partner(w.a(), "THIRD_SECTOR", "ACTIVE", 1);
        partner(w.b(), "MARKET", "ACTIVE", 1);
        partner(w.outsider(), "MARKET", "ACTIVE", 1);
        project(w.project(), "Project " + w.project(), w.lead(), "OPEN", 3, Map.of(w.a(), "ACCEPTED", w.b(), "ACCEPTED"));
        awaitPartner(w.lead(), 1);
        awaitPartner(w.a(), 1);
        awaitPartner(w.b(), 1);
        awaitPartner(w.outsider(), 1);
        awaitProject(w.project(), 3);
        return w;
    }

    public static String partnerEvent(String type, UUID id, String sector, String status, long version) {
        ObjectNode data = MAPPER.createObjectNode()
                .put("partnerId", id.toString()).put("name", "Partner " + id.toString().substring(0, 8))
                .put("sector", sector).put("level", "LOCAL").put("country", "GB").put("status", status).put("version", version);
        data.putArray("serviceDomains").add("HOUSING");
        if (!type.endsWith(".registered.v1") && !type.endsWith(".updated.v1")) {
            data.put("reason", "test");
        }
        return EventContracts.validEvent(type, "/test", id.toString(), data);
    }

    public static void partner(UUID id, String sector, String status, long version) {
        Topics.send("partners.v1", id.toString(), partnerEvent("partnership.partner.updated.v1", id, sector, status, version));
    }

    /** Sends a project snapshot; {@code others} maps partner → participation status (the lead is ACCEPTED). */
    public static String projectEvent(String type, UUID id, String title, UUID lead, String status, long version,
            Map<UUID, String> others) {
        ObjectNode data = MAPPER.createObjectNode()
                .put("projectId", id.toString()).put("title", title).put("leadPartnerId", lead.toString())
                .put("status", status).put("requiredCoveragePercent", 100).put("governanceRule", "LEAD_DECIDES")
                .put("version", version);
        data.putArray("dimensions").add("HOUSING");
        ArrayNode participants = data.putArray("participants");
        participants.addObject().put("partnerId", lead.toString()).put("role", "LEAD").put("status", "ACCEPTED");
        others.forEach((partner, participation) -> participants.addObject().put("partnerId", partner.toString())
                .put("role", "CO_PRODUCER").put("status", participation));
        if (type.startsWith("partnership.participant.")) {
            data.put("partnerId", others.keySet().stream().findFirst().orElse(lead).toString());
            if (type.endsWith(".invited.v1")) {
                data.put("role", "CO_PRODUCER");
            }
        }
        return EventContracts.validEvent(type, "/test", id.toString(), data);
    }

    public static void project(UUID id, String title, UUID lead, String status, long version, Map<UUID, String> others) {
        Topics.send("projects.v1", id.toString(), projectEvent("partnership.project.updated.v1", id, title, lead, status, version, others));
    }

    public static void awaitPartner(UUID id, long version) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> Database.longValue("select version from partner_replica where id = ?", id) == version);
    }

    public static void awaitProject(UUID id, long version) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> Database.longValue("select version from project_replica where id = ?", id) == version);
    }

    /** Every record on resources.v1 seen so far, by key (one background reader for the whole test run). */
    private static final Map<String, List<String>> PUBLISHED = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile Thread reader;

    private static synchronized void startReading() {
        if (reader != null) {
            return;
        }
        String bootstrap = Topics.bootstrap();
        reader = new Thread(() -> {
            try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                    "bootstrap.servers", bootstrap, "group.id", "resources-test-reader-" + UUID.randomUUID(),
                    "auto.offset.reset", "earliest", "enable.auto.commit", "false"),
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.StringDeserializer())) {
                consumer.subscribe(List.of("resources.v1"));
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> PUBLISHED
                                .computeIfAbsent(String.valueOf(r.key()), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                .add(r.value()));
                    } catch (org.apache.kafka.common.errors.InterruptException e) {
                        return;
                    } catch (RuntimeException e) {
                        // broker restarts (KafkaReadinessTest): keep polling
                    }
                }
            }
        }, "resources-v1-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The events of this type published with this key, each valid against its contract, once {@code expected} arrived. */
    public static List<JsonNode> events(Object key, String type, int expected) {
        startReading();
        List<JsonNode> found = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            found.clear();
            found.addAll(ofType(key, type));
            return found.size() >= expected;
        });
        return found;
    }

    /**
     * Exactly {@code expected} events of this type for this key: the change wrote exactly that many to the
     * outbox (in its own transaction, so the count is final once the events arrived), and once the relay has
     * published them all, exactly that many are on resources.v1. No waiting "a little longer" for extra ones.
     */
    public static List<JsonNode> exactly(Object key, String type, int expected) {
        events(key, type, expected);
        String written = Database.rows("select count(*) as n from outbox_event where aggregate_id = ? and type = ?",
                key.toString(), type).get(0).get("n");
        if (Long.parseLong(written) != expected) {
            throw new AssertionError("expected " + expected + " " + type + " events for " + key
                    + " but the service wrote " + written + " to its outbox");
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> Database.rows(
                "select 1 from outbox_event where aggregate_id = ? and type = ? and published_at is null",
                key.toString(), type).isEmpty());
        List<JsonNode> all = ofType(key, type);
        if (all.size() != expected) {
            throw new AssertionError("expected " + expected + " " + type + " events for " + key + " but got " + all.size());
        }
        return all;
    }

    private static List<JsonNode> ofType(Object key, String type) {
        return PUBLISHED.getOrDefault(key.toString(), List.of()).stream()
                .peek(EventContracts::assertProduced).map(EventContracts::json)
                .filter(e -> e.path("type").asText().equals(type)).toList();
    }

    /** The project's latest resources summary once one with at least {@code minSequence} was published. */
    public static JsonNode latestSummary(UUID project, long minSequence) {
        startReading();
        JsonNode[] latest = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            latest[0] = ofType(project, "partnership.project.resources-summarised.v1").stream()
                    .max(java.util.Comparator.comparingLong(e -> e.path("data").path("sequence").asLong())).orElse(null);
            return latest[0] != null && latest[0].path("data").path("sequence").asLong() >= minSequence;
        });
        return latest[0];
    }

    /** The summary published for the project's latest change (the sequence now recorded in the database). */
    public static JsonNode currentSummary(UUID project) {
        return latestSummary(project, Database.longValue("select sequence from project_summary where project_id = ?", project));
    }

    public static Map<String, Object> pledge(UUID project, String type, String quantity, String unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectId", project.toString());
        body.put("type", type);
        body.put("quantity", quantity);
        body.put("unit", unit);
        return body;
    }
}
