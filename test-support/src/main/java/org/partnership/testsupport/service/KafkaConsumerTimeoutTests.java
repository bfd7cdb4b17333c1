package org.partnership.testsupport.service;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Kafka consumer of the application rides out a broker outage: it waits up to a minute for the broker's
 * answers ({@code default.api.timeout.ms}), although the application's Kafka-wide {@code kafka.default.api.timeout.ms}
 * is 5 s (for the readiness check's calls). Reads the configuration each running consumer was created with, so it
 * fails if a channel lost the setting or the 5 s won. Extend with {@code @QuarkusTest}.
 */
public abstract class KafkaConsumerTimeoutTests {

    static final String TIMEOUT = ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG;

    @Inject
    KafkaClientService kafka;

    /** What {@code kafka.*} gives every Kafka client, the readiness check's admin client included. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaWide;

    @Test
    void shouldGiveEveryConsumerAMinuteForTheBrokersAnswers() {
        assertThat(kafkaWide).as("kafka.* (the readiness check's calls)").containsEntry(TIMEOUT, "5000");

        Set<String> channels = kafka.getConsumerChannels();
        assertThat(channels).as("consumer channels").isNotEmpty();
        for (String channel : channels) {
            for (KafkaConsumer<Object, Object> consumer : kafka.<Object, Object>getConsumers(channel)) {
                assertThat(String.valueOf(consumer.configuration().get(TIMEOUT)))
                        .as("%s of the consumer of channel %s", TIMEOUT, channel)
                        .isEqualTo("60000");
            }
        }
    }
}
