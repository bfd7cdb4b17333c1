package org.partnership.stack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded servers are real: PostgreSQL answers SQL, Kafka keeps records across a broker restart. */
class EmbeddedServersTest {

    @Test
    void shouldServeSqlFromAnOwnDatabase() throws Exception {
        try (PostgresServer postgres = PostgresServer.startEphemeral()) {
            postgres.ensureDatabase("partners");
            postgres.ensureDatabase("partners"); // idempotent
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("partners"), PostgresServer.USER, "");
                 ResultSet rs = c.createStatement().executeQuery("select current_database(), current_setting('server_version_num')::int")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("partners");
                assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(170000);
            }
        }
    }

    @Test
    void shouldKeepRecordsAcrossABrokerRestart() {
        try (KafkaBroker kafka = KafkaBroker.startEphemeral()) {
            kafka.createTopics(List.of("probe.v1"), 1);
            send(kafka, "before");
            kafka.stop();
            assertThat(Ports.accepting(kafka.port())).isFalse();
            kafka.start();
            send(kafka, "after");
            assertThat(readAll(kafka)).containsExactly("before", "after");
        }
    }

    private static void send(KafkaBroker kafka, String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("probe.v1", "k", value)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> readAll(KafkaBroker kafka) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("probe.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
