package org.partnership.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads and writes the real broker's topics from tests (bootstrap servers from {@code kafka.bootstrap.servers}). */
public final class Topics {

    private Topics() {
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /**
     * The values of the records with this key, read from the beginning of the topic, once {@code expected} of them
     * arrived or the timeout passed (then fewer are returned, and the test's assertion says what is missing).
     */
    public static List<String> values(String topic, String key, int expected, Duration timeout) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        values.add(r.value());
                    }
                }
            }
        }
        return values;
    }

    /** Sends the event to the topic keyed by its subject (as the outbox relay keys it) and returns its id. */
    public static String sendEvent(String topic, String event) {
        send(topic, EventContracts.json(event).path("subject").asText(), event);
        return EventContracts.id(event);
    }

    public static void send(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /**
     * Sends a structured-mode CloudEvent with the record headers the outbox relay writes ({@code content-type:
     * application/cloudevents+json}, {@code ce_type}, {@code id}): what a consumer really receives, and what the Kafka
     * connector's own CloudEvents support turns into something else unless the channel switches it off.
     */
    public static void sendCloudEvent(String topic, String key, String event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, event);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        try {
            var envelope = new com.fasterxml.jackson.databind.ObjectMapper().readTree(event);
            record.headers().add("ce_type", envelope.path("type").asText().getBytes(StandardCharsets.UTF_8));
            record.headers().add("id", envelope.path("id").asText().getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            // not JSON: sent with the content type alone, as a broken producer would
        }
        send(record);
    }

    private static void send(ProducerRecord<String, String> record) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError("could not send to " + record.topic(), e);
        }
    }
}
