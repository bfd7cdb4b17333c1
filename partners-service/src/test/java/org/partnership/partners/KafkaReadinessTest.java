package org.partnership.partners;

import io.quarkus.test.junit.QuarkusTest;
import org.partnership.testsupport.service.KafkaReadinessTests;

/** partners-service is not ready while Kafka is unreachable. */
@QuarkusTest
class KafkaReadinessTest extends KafkaReadinessTests {
}
