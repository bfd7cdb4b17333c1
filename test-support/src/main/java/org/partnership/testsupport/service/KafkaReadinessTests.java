package org.partnership.testsupport.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnership.stack.KafkaBroker;
import org.partnership.testsupport.KafkaResource;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Readiness follows the broker: DOWN while Kafka is unreachable, UP again once it is back. Extend with @QuarkusTest. */
public abstract class KafkaReadinessTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /**
     * The Kafka check's calls give up after the service's kafka.default.api.timeout.ms (5 s), not after the 60 s its
     * consumers wait: a readiness probe must see the broker gone within seconds.
     */
    private static final Duration DOWN_WITHIN = Duration.ofSeconds(20);

    @AfterEach
    void restartTheBroker() {
        KafkaBroker broker = KafkaResource.broker();
        if (!broker.isRunning()) {
            broker.start();
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void shouldNotBeReadyWhileKafkaIsUnreachable() {
        KafkaResource.broker().stop();

        await().atMost(DOWN_WITHIN).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> given().when().get("/q/health/ready")
                        .then().statusCode(503)
                        .body("status", equalTo("DOWN"))
                        .body("checks.find { it.name == '%s' }.status".formatted(ServiceHealthTests.KAFKA), equalTo("DOWN")));
    }
}
