package org.partnership.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.partnership.messaging.probe.ProbeService;
import org.partnership.testsupport.EventContracts;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import org.eclipse.microprofile.config.ConfigProvider;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox and the inbox against a real PostgreSQL and a real Kafka broker. */
@QuarkusTest
class OutboxInboxTest {

    private static final String TOPIC = "probe.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    ProbeService service;

    @Inject
    ObjectMapper mapper;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void shouldPublishExactlyOneEventWhenTheTransactionCommits() throws Exception {
        UUID id = Probes.create(service, "committed");

        List<ConsumerRecord<String, String>> records = Probes.read(TOPIC, Duration.ofSeconds(5), r -> false).stream()
                .filter(r -> id.toString().equals(r.key())).toList();

        assertThat(records).hasSize(1);
        assertThat(EventContracts.assertProduced(records.get(0).value()).path("sub").asText()).isEqualTo("system:probe");
        JsonNode event = mapper.readTree(records.get(0).value());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo(ProbeService.CREATED);
        assertThat(event.get("source").asText()).isEqualTo("/messaging-test");
        assertThat(event.get("subject").asText()).isEqualTo(id.toString());
        assertThat(event.get("data").get("name").asText()).isEqualTo("committed");
        assertThat(header(records.get(0), "content-type")).isEqualTo("application/cloudevents+json; charset=UTF-8");
        assertThat(header(records.get(0), "id")).isEqualTo(event.get("id").asText());
        await().atMost(PATIENCE).until(() -> Probes.count("select count(*) from probe_effect where subject = ?", id.toString()) == 1);
        assertThat(Probes.count("select count(*) from outbox_event where aggregate_id = ? and published_at is not null", id.toString()))
                .isEqualTo(1);
    }

    @Test
    void shouldPublishNothingWhenTheTransactionRollsBack() {
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> service.create("rolled-back", true)))
                .hasMessageContaining("must roll back");
        UUID marker = Probes.create(service, "after-rollback");

        List<ConsumerRecord<String, String>> records = Probes.read(TOPIC, PATIENCE,
                r -> r.stream().anyMatch(x -> marker.toString().equals(x.key())));

        assertThat(records).extracting(ConsumerRecord::value).noneMatch(v -> v.contains("rolled-back"));
        assertThat(Probes.count("select count(*) from probe where name = 'rolled-back'")).isZero();
        assertThat(Probes.count("select count(*) from outbox_event where payload->'data'->>'name' = 'rolled-back'")).isZero();
    }

    @Test
    void shouldApplyAnEventDeliveredTwiceOnlyOnce() {
        UUID subject = UUID.randomUUID();
        String event = Probes.event(UUID.randomUUID().toString(), ProbeService.CREATED, subject, "twice");

        Probes.produce(TOPIC, subject.toString(), event);
        Probes.produce(TOPIC, subject.toString(), event);
        UUID marker = UUID.randomUUID();
        Probes.produce(TOPIC, marker.toString(), Probes.event(UUID.randomUUID().toString(), ProbeService.CREATED, marker, "marker"));

        await().atMost(PATIENCE).until(() -> Probes.count("select count(*) from probe_effect where subject = ?", marker.toString()) == 1);
        assertThat(Probes.count("select count(*) from probe_effect where subject = ?", subject.toString())).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAMalformedMessageAndKeepConsuming() {
        String key = UUID.randomUUID().toString();
        Probes.produce(TOPIC, key, "{ this is not json");
        UUID next = UUID.randomUUID();
        Probes.produce(TOPIC, next.toString(), Probes.event(UUID.randomUUID().toString(), ProbeService.CREATED, next, "after-poison"));

        await().atMost(PATIENCE).until(() -> Probes.count("select count(*) from probe_effect where subject = ?", next.toString()) == 1);
        List<ConsumerRecord<String, String>> dead = Probes.read(TOPIC + ".dlq", PATIENCE,
                r -> r.stream().anyMatch(x -> key.equals(x.key())));
        ConsumerRecord<String, String> poison = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(poison.value()).isEqualTo("{ this is not json");
        assertThat(header(poison, "dead-letter-reason")).contains("not a JSON CloudEvent");
    }

    @Test
    void shouldDeadLetterAnEventThatKeepsFailingAndKeepConsuming() {
        UUID failing = UUID.randomUUID();
        Probes.produce(TOPIC, failing.toString(), Probes.event(UUID.randomUUID().toString(), ProbeService.CREATED, failing, "explode"));
        UUID next = UUID.randomUUID();
        Probes.produce(TOPIC, next.toString(), Probes.event(UUID.randomUUID().toString(), ProbeService.CREATED, next, "after-failure"));

        await().atMost(PATIENCE).until(() -> Probes.count("select count(*) from probe_effect where subject = ?", next.toString()) == 1);
        List<ConsumerRecord<String, String>> dead = Probes.read(TOPIC + ".dlq", PATIENCE,
                r -> r.stream().anyMatch(x -> failing.toString().equals(x.key())));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> failing.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(header(record, "dead-letter-reason")).contains("always fails");
        assertThat(record.value()).contains("\"explode\"");
        assertThat(Probes.count("select count(*) from probe_effect where subject = ?", failing.toString())).isZero();
    }

    /**
     * Regression (found by the fault-injection suite: a PostgreSQL restart sent an event to the dead letters): while
     * the consumer's database refuses connections, an event waits for it, however many attempts that takes, and is
     * applied once it is back; it never goes to the dead letters.
     */
    @Test
    void shouldKeepAnEventWhileItsDatabaseIsUnavailableAndApplyItOnceItIsBack() throws Exception {
        double deadLettered = deadLettered();
        UUID subject = UUID.randomUUID();
        try (Connection admin = adminConnection()) {
            // what a fast shutdown does: every session is terminated (57P01), then no new one is accepted
            admin.createStatement().execute("alter database messaging allow_connections false");
            admin.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where datname = 'messaging' and pid <> pg_backend_pid()");
            try {
                Probes.produce(TOPIC, subject.toString(), Probes.event(UUID.randomUUID().toString(), ProbeService.CREATED,
                        subject, "while-the-database-is-down"));
                // far longer than the retries of any other failure (20 ms backoff here): still not a dead letter
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> deadLettered() == deadLettered);
            } finally {
                admin.createStatement().execute("alter database messaging allow_connections true");
            }
        }

        await().atMost(PATIENCE).until(() -> Probes.count("select count(*) from probe_effect where subject = ?", subject.toString()) == 1);
        assertThat(deadLettered()).as("events dead-lettered").isEqualTo(deadLettered);
    }

    private double deadLettered() {
        return registry.find("inbox.events").tag("consumer", "probe-consumer").tag("outcome", "dead-lettered").counters()
                .stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    /** A superuser session on the server's own {@code postgres} database, which stays open. */
    private static Connection adminConnection() throws java.sql.SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url.substring(0, url.lastIndexOf('/')) + "/postgres", "postgres", "postgres");
    }

    @Test
    void shouldIgnoreEventTypesItDoesNotKnow() {
        UUID unknown = UUID.randomUUID();
        Probes.produce(TOPIC, unknown.toString(), Probes.event(UUID.randomUUID().toString(), "partnership.probe.created.v2", unknown, "v2"));
        UUID next = UUID.randomUUID();
        Probes.produce(TOPIC, next.toString(), Probes.event(UUID.randomUUID().toString(), ProbeService.CREATED, next, "after-unknown"));

        await().atMost(PATIENCE).until(() -> Probes.count("select count(*) from probe_effect where subject = ?", next.toString()) == 1);
        assertThat(Probes.count("select count(*) from probe_effect where subject = ?", unknown.toString())).isZero();
        assertThat(Probes.read(TOPIC + ".dlq", Duration.ofSeconds(3), r -> false))
                .noneMatch(r -> unknown.toString().equals(r.key()));
    }

    @Test
    void shouldApplyEveryExampleOfTheContract() {
        for (JsonNode example : EventContracts.dataExamples(ProbeService.CREATED)) {
            UUID subject = UUID.randomUUID();
            ((com.fasterxml.jackson.databind.node.ObjectNode) example).put("probeId", subject.toString());
            String event = EventContracts.event(ProbeService.CREATED, "/elsewhere", subject.toString(), example);
            EventContracts.assertValid(event);

            Probes.produce(TOPIC, subject.toString(), event);

            await().atMost(PATIENCE).until(() -> Probes.count("select count(*) from probe_effect where subject = ?", subject.toString()) == 1);
        }
    }

    @Test
    void shouldNotAcceptAnEventThatBreaksItsContract() {
        String missingName = EventContracts.event(ProbeService.CREATED, "/elsewhere", "x",
                mapper.createObjectNode().put("probeId", "not-a-uuid"));
        assertThat(EventContracts.violations(missingName)).anyMatch(v -> v.contains("name")).anyMatch(v -> v.contains("uuid"));
        assertThat(EventContracts.violations(missingName.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"")))
                .anyMatch(v -> v.startsWith("envelope:"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
