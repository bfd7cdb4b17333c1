package org.partnership.gateway.proxy;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.gateway.config.GatewayConfig;

import java.net.ConnectException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An upstream's circuit: open after failures in a row, half-open after its time, closed again by one answer. */
@QuarkusTest
class UpstreamBreakerTest {

    private static UpstreamBreaker breaker(int threshold, Duration openFor) {
        return new UpstreamBreaker("test", new GatewayConfig.CircuitBreaker() {
            @Override
            public int failureThreshold() {
                return threshold;
            }

            @Override
            public Duration openFor() {
                return openFor;
            }
        });
    }

    @Test
    void shouldOpenOnlyAfterFailuresInARow() {
        UpstreamBreaker breaker = breaker(3, Duration.ofMinutes(1));
        breaker.record(new ConnectException("refused"));
        breaker.record(new ConnectException("refused"));
        breaker.record(null);
        breaker.record(new ConnectException("refused"));
        assertThat(breaker.isOpen()).as("an answer in between: not 3 in a row").isFalse();
        breaker.record(new ConnectException("refused"));
        breaker.record(new ConnectException("refused"));
        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.retryAfterSeconds()).isEqualTo("60");
    }

    @Test
    void shouldLetARequestTryAgainWhenHalfOpenAndCloseOnItsAnswer() {
        UpstreamBreaker breaker = breaker(2, Duration.ofMillis(200));
        breaker.record(new ConnectException("refused"));
        breaker.record(new ConnectException("refused"));
        assertThat(breaker.isOpen()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> !breaker.isOpen()); // half-open
        breaker.record(new ConnectException("still refused"));
        assertThat(breaker.isOpen()).as("a failure while half-open opens it anew").isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> !breaker.isOpen());
        breaker.record(null);
        breaker.record(new ConnectException("one failure"));
        assertThat(breaker.isOpen()).as("closed again: one failure is not enough").isFalse();
    }
}
