package org.partnership.stack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a fault-injection suite does to a running stack: kill -9 a process, stop PostgreSQL, and bring them back; slow
 * down and reset the connections through a fault proxy.
 */
class FaultControlTest {

    private static RunningStack stack;
    private static StackConfig config;

    @BeforeAll
    static void start() {
        config = StackConfig.ephemeral(Path.of("").toAbsolutePath().getParent())
                .withComponents(EnumSet.of(Component.POSTGRES, Component.KAFKA)).withFaultProxies(true);
        stack = LocalStack.start(config, Progress.silent());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void shouldKillTheBrokerAtOnceAndRestartItWithItsData() throws Exception {
        String key = UUID.randomUUID().toString();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("partners.v1", key, "before the crash")).get();
        }

        stack.kill(Component.KAFKA);

        assertThat(stack.isAlive(Component.KAFKA)).isFalse();
        assertThat(Ports.accepting(config.port(StackPort.KAFKA))).isFalse();
        assertThatThrownBy(() -> stack.kill(Component.KAFKA)).isInstanceOf(IllegalArgumentException.class);

        stack.restart(Component.KAFKA);

        assertThat(stack.isAlive(Component.KAFKA)).isTrue();
        assertThat(read(key)).containsExactly("before the crash");
    }

    @Test
    void shouldStopPostgresAndRestartItWithItsData() throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("projects"), PostgresServer.USER, "")) {
            c.createStatement().execute("create table if not exists survives (note text)");
            c.createStatement().execute("insert into survives values ('kept')");
        }

        stack.stop(Component.POSTGRES);
        assertThat(Ports.accepting(config.port(StackPort.POSTGRES))).isFalse();
        assertThatThrownBy(() -> stack.stop(Component.POSTGRES)).isInstanceOf(IllegalArgumentException.class);

        stack.restart(Component.POSTGRES);

        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("projects"), PostgresServer.USER, "");
             ResultSet rs = c.createStatement().executeQuery("select note from survives")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
        assertThatThrownBy(() -> stack.restart(Component.POSTGRES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSlowDownAndResetEveryKafkaConnectionThroughTheProxyNotJustTheBootstrap() throws Exception {
        FaultProxy proxy = stack.faultProxy(Component.KAFKA);
        String proxied = Ports.LOOPBACK + ":" + proxy.port();
        String key = UUID.randomUUID().toString();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, proxied,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("partners.v1", key, "healthy")).get();
            assertThat(proxy.openConnections()).as("the producer's connections go through the proxy").isPositive();

            proxy.latency(Duration.ofMillis(700));
            long t0 = System.nanoTime();
            producer.send(new ProducerRecord<>("partners.v1", key, "slow")).get();
            // the broker advertised the proxy, so the produce request (not only the bootstrap) crossed it both ways
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
            proxy.heal();

            proxy.resetConnections();
            assertThat(proxy.openConnections()).isZero();
            producer.send(new ProducerRecord<>("partners.v1", key, "after the reset")).get();
        }
        assertThat(readAll(key, 3)).containsExactly("healthy", "slow", "after the reset");
    }

    @Test
    void shouldRefuseAProxyThatTheStackDoesNotHave() {
        assertThatThrownBy(() -> stack.faultProxy(Component.PROJECTS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no fault proxy in front of projects-service");
    }

    private static List<String> read(String key) {
        return readAll(key, 1);
    }

    private static List<String> readAll(String key, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "fault-" + key,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("partners.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        values.add(r.value());
                    }
                }
            }
        }
        return values;
    }
}
