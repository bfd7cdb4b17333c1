package org.partnership.audit;

import io.quarkus.test.junit.QuarkusTest;
import org.partnership.testsupport.service.KafkaConsumerTimeoutTests;

/** audit-service's three consumers wait up to a minute for the broker's answers, over its Kafka-wide 5 s. */
@QuarkusTest
class KafkaConsumerTimeoutTest extends KafkaConsumerTimeoutTests {
}
