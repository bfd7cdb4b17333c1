package org.partnership.audit;

import io.quarkus.test.junit.QuarkusTest;
import org.partnership.testsupport.service.KafkaReadinessTests;

/**
 * audit-service is not ready while Kafka is unreachable (it does not use the messaging module and sets the Kafka
 * check and its 5 s timeout itself).
 */
@QuarkusTest
class KafkaReadinessTest extends KafkaReadinessTests {
}
