package org.partnership.messaging;

import io.quarkus.test.junit.QuarkusTest;
import org.partnership.testsupport.service.KafkaConsumerTimeoutTests;

/**
 * The plumbing's default: every consumer of a service that uses it waits up to a minute for the broker's answers,
 * over the service's Kafka-wide 5 s (this test application sets both as the services do).
 */
@QuarkusTest
class KafkaConsumerTimeoutTest extends KafkaConsumerTimeoutTests {
}
