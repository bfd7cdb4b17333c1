package org.partnership.resources;

import io.quarkus.test.junit.QuarkusTest;
import org.partnership.testsupport.service.KafkaReadinessTests;

/** resources-service is not ready while Kafka is unreachable. */
@QuarkusTest
class KafkaReadinessTest extends KafkaReadinessTests {
}
