package org.partnership.testsupport.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event appended to the outbox in a transaction arrives once on the service's topic as a CloudEvent keyed by the
 * aggregate id. A service's test extends it, annotated {@code @QuarkusTest}, and appends through its own outbox; the
 * topic ({@code partnership.outbox.topic}) and the events' source ({@code quarkus.application.name}) come from the
 * service's configuration.
 */
public abstract class EventRoundTripTests {

    private static final String TYPE = "partnership.probe.recorded.v1";

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "partnership.outbox.topic")
    String topic;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /** The system actor ({@code system:<JOB>}) and causing event the round trip appends as. */
    protected static final String JOB = "round-trip";
    protected static final String CAUSATION_ID = "8f1f7c1e-0000-4000-8000-00000000ca05";

    /**
     * Appends the event to the service's outbox in a transaction of its own (the service's plumbing): with
     * {@code asSystem}, inside {@code Actors.as(Actor.system(JOB), CAUSATION_ID, ...)}; without, as nobody.
     */
    protected abstract io.smallrye.mutiny.Uni<?> appendInTransaction(String aggregateId, String type, Object data, boolean asSystem);

    @Test
    void shouldRefuseAnEventNobodyCaused() {
        String id = UUID.randomUUID().toString();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(
                        () -> appendInTransaction(id, TYPE, Map.of("note", "nobody"), false)))
                .hasMessageContaining("has no actor");
    }

    @Test
    void shouldPublishAnAppendedEventOnceAsACloudEventKeyedByTheAggregateId() throws Throwable {
        String id = UUID.randomUUID().toString();

        VertxContextSupport.subscribeAndAwait(() -> appendInTransaction(id, TYPE, Map.of("note", "round trip"), true));

        List<ConsumerRecord<String, String>> records = readKeyed(id, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        JsonNode event = mapper.readTree(record.value());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo(TYPE);
        assertThat(event.get("subject").asText()).isEqualTo(id);
        assertThat(event.get("source").asText()).isEqualTo("/" + applicationName);
        assertThat(event.get("data").get("note").asText()).isEqualTo("round trip");
        assertThat(event.path("actor").path("sub").asText()).isEqualTo("system:" + JOB);
        assertThat(event.path("actor").path("username").asText()).isEqualTo("system:" + JOB);
        assertThat(event.path("causationid").asText()).isEqualTo(CAUSATION_ID);
        assertThat(header(record, "content-type")).isEqualTo("application/cloudevents+json; charset=UTF-8");
    }

    /**
     * Reads the topic from the beginning until a record with the key has arrived (or {@code timeout} passes), then
     * on to the end of the topic as it was at that moment, so a duplicate already published is seen without
     * waiting "a little longer"; returns the records with that key.
     */
    private List<ConsumerRecord<String, String>> readKeyed(String key, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<TopicPartition, Long> end = null;
            while (System.nanoTime() < deadline && (end == null || !reached(consumer, end))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                });
                if (end == null && !records.isEmpty()) {
                    end = consumer.endOffsets(consumer.assignment());
                }
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
