package org.partnership.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnership.stack.Component;
import org.partnership.stack.RunningStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * Issue #22: the audit consumer survives a restart and is idempotent, through the real broker and the real process.
 * audit-service is killed (SIGKILL, so offsets it had not committed yet are read again) right after it recorded a
 * change; changes made while it is down wait in the topics; once it is started again every change is in the trail
 * exactly once. An event it already recorded, sent again to its topic as it was published, makes no second entry;
 * the chain verifies.
 */
@ExtendWith(Platform.class)
class AuditRestartIT {

    static final String AUDIT = "/api/v1/audit";
    static final Duration AFTER_RESTART = Duration.ofSeconds(90);

    @Test
    void shouldRecordEveryChangeOnceAcrossARestartAndARedelivery() throws Exception {
        RunningStack stack = Platform.stack();
        Platform.User admin = Platform.newUser("admin", "admin");
        Platform.User auditor = Platform.newUser("auditor", "auditor");
        List<String[]> made = new ArrayList<>(); // {requestId, action}

        String before = register(Platform.newUser("coordinator", "coordinator", "partner-rep"), "Before Restart", made);
        awaitOnce(auditor, made.get(0), Duration.ofSeconds(30));

        stack.kill(Component.AUDIT);
        try {
            assertThat(stack.isAlive(Component.AUDIT)).isFalse();
            // while audit-service is down: the platform keeps working, the events wait in the topics
            verify(admin, before, made);
            String during = register(Platform.newUser("coordinator", "coordinator", "partner-rep"), "During Restart", made);
            verify(admin, during, made);
        } finally {
            stack.restart(Component.AUDIT);
        }
        for (String[] m : made) {
            awaitOnce(auditor, m, AFTER_RESTART);
        }

        // the first change's event, read back from partners.v1 as it was published, and sent again
        String eventId = Platform.as(auditor.token()).queryParam("correlationId", made.get(0)[0]).get(AUDIT).then().statusCode(200)
                .extract().path("items[0].eventId");
        ConsumerRecord<String, String> published = find(stack, "partners.v1", eventId);
        double duplicates = duplicates(stack);
        resend(stack, published);
        // once audit-service's consumer group committed past the copy, it was processed
        String copy = "partners.v1 record of " + eventId;
        await(copy + " consumed").atMost(AFTER_RESTART).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(consumed(stack, published)).as(copy + " consumed by audit-service-partners").isTrue());
        assertThat(duplicates(stack)).as("audit_entries_total{outcome=duplicate}").isGreaterThan(duplicates);
        for (String[] m : made) {
            awaitOnce(auditor, m, Duration.ofSeconds(5));
        }
        List<String> ids = Platform.as(auditor.token()).queryParam("correlationId", made.get(0)[0]).queryParam("limit", 100)
                .get(AUDIT).then().statusCode(200).extract().jsonPath().getList("items.eventId", String.class);
        assertThat(ids).as("entries of the redelivered event's request").containsOnlyOnce(eventId);
        Platform.as(auditor.token()).get(AUDIT + "/verify").then().statusCode(200).body("valid", is(true));
    }

    /** audit-service's count of events it recognised as already recorded, from its metrics. */
    private static double duplicates(RunningStack stack) {
        String metrics = io.restassured.RestAssured.given().baseUri(stack.url(Component.AUDIT)).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        var m = java.util.regex.Pattern.compile("^audit_entries_total\\{([^}]*)} (\\S+)$", java.util.regex.Pattern.MULTILINE).matcher(metrics);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains("outcome=\"duplicate\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private static String register(Platform.User user, String name, List<String[]> made) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String requestId = "audit-restart-" + UUID.randomUUID();
        String id = Platform.as(user.token()).header("X-Request-Id", requestId)
                .body(Map.of("name", name + " " + suffix, "legalForm", "Association", "registrationNumber", "AR-" + suffix,
                        "country", "GB", "sector", "THIRD_SECTOR", "level", "LOCAL", "serviceDomains", List.of("WELFARE"),
                        "contactEmail", "office@ar-" + suffix + ".example.org"))
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
        made.add(new String[] {requestId, "partnership.partner.registered.v1"});
        return id;
    }

    private static void verify(Platform.User admin, String partner, List<String[]> made) {
        String requestId = "audit-restart-" + UUID.randomUUID();
        Platform.as(admin.token()).header("X-Request-Id", requestId).body(Map.of("reason", "Checked the register"))
                .post("/api/v1/partners/" + partner + "/verify").then().statusCode(200);
        made.add(new String[] {requestId, "partnership.partner.verified.v1"});
    }

    /** The request's own change is in the trail exactly once (within {@code patience}), and stays so. */
    private static void awaitOnce(Platform.User auditor, String[] made, Duration patience) {
        String token = auditor.token();
        await("entry of " + made[0]).atMost(patience).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            JsonPath page = Platform.as(token).queryParam("correlationId", made[0]).queryParam("limit", 100)
                    .get(AUDIT).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items.findAll { it.action == '" + made[1] + "' }"))
                    .as("entries of request %s (%s)", made[0], made[1]).hasSize(1);
        });
    }

    private static ConsumerRecord<String, String> find(RunningStack stack, String topic, String eventId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", stack.kafkaBootstrapServers(),
                "group.id", "audit-restart-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && r.value().contains(eventId) && eventId.equals(json.readTree(r.value()).path("id").asText())) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " not found in " + topic);
    }

    private static long endOffsetAfterResend = -1;
    private static int resendPartition = -1;

    /** Sends the record again as published: same key, value and headers (content type, ce_type, id). */
    private static void resend(RunningStack stack, ConsumerRecord<String, String> published) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", stack.kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> again = new ProducerRecord<>(published.topic(), published.partition(), published.key(), published.value());
            for (Header h : published.headers()) {
                again.headers().add(h.key(), h.value());
            }
            var sent = producer.send(again).get();
            resendPartition = sent.partition();
            endOffsetAfterResend = sent.offset() + 1;
        }
    }

    /** Whether audit-service's consumer group has committed past the record sent again. */
    private static boolean consumed(RunningStack stack, ConsumerRecord<String, String> published) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            var offsets = admin.listConsumerGroupOffsets("audit-service-partners").partitionsToOffsetAndMetadata()
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            var committed = offsets.get(new org.apache.kafka.common.TopicPartition(published.topic(), resendPartition));
            return committed != null && committed.offset() >= endOffsetAfterResend;
        }
    }
}
