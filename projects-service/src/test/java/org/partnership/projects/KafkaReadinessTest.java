package org.partnership.projects;

import io.quarkus.test.junit.QuarkusTest;
import org.partnership.testsupport.service.KafkaReadinessTests;

/** projects-service is not ready while Kafka is unreachable. */
@QuarkusTest
class KafkaReadinessTest extends KafkaReadinessTests {
}
