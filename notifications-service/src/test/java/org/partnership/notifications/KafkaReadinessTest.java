package org.partnership.notifications;

import io.quarkus.test.junit.QuarkusTest;
import org.partnership.testsupport.service.KafkaReadinessTests;

/** notifications-service is not ready while Kafka is unreachable. */
@QuarkusTest
class KafkaReadinessTest extends KafkaReadinessTests {
}
