package org.partnership.projects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.partnership.messaging.outbox.Outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An event appended to the outbox in a transaction arrives once on this service's topic as a CloudEvent. */
@QuarkusTest
class EventRoundTripTest {

    private static final String TOPIC = "projects.v1";
    private static final String TYPE = "partnership.probe.recorded.v1";

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void shouldPublishAnAppendedEventOnceAsACloudEventKeyedByTheAggregateId() throws Throwable {
        String id = UUID.randomUUID().toString();

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.append("probe", id, TYPE, Map.of("note", "round trip"))));

        List<ConsumerRecord<String, String>> records = readKeyed(id, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        JsonNode event = mapper.readTree(record.value());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo(TYPE);
        assertThat(event.get("subject").asText()).isEqualTo(id);
        assertThat(event.get("source").asText()).isEqualTo("/projects-service");
        assertThat(event.get("data").get("note").asText()).isEqualTo("round trip");
        assertThat(header(record, "content-type")).isEqualTo("application/cloudevents+json; charset=UTF-8");
    }

    /**
     * Reads the topic from the beginning until a record with the key has arrived (or {@code timeout} passes), then
     * for {@code grace} longer to catch duplicates; returns the records with that key.
     */
    private List<ConsumerRecord<String, String>> readKeyed(String key, Duration timeout, Duration grace) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                });
                if (!records.isEmpty()) {
                    deadline = Math.min(deadline, System.nanoTime() + grace.toNanos());
                }
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
