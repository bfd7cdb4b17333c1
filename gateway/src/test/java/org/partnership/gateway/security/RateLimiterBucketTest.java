package org.partnership.gateway.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket on an explicit clock: a burst, then a refill at the configured rate, and an honest Retry-After. */
class RateLimiterBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowTheBurstThenAskToWaitUntilTheNextTokenIsRefilled() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(3, 0.5); // one token every 2 s
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take(start)).isZero();
        }
        assertThat(bucket.take(start)).isEqualTo(2);
        assertThat(bucket.take(start + SECOND)).isEqualTo(1); // half a token refilled: one more second
        assertThat(bucket.take(start + 2 * SECOND)).isZero();
    }

    @Test
    void shouldNeverRefillBeyondTheBurst() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(2, 10);
        long later = System.nanoTime() + 60 * SECOND;
        assertThat(bucket.take(later)).isZero();
        assertThat(bucket.take(later)).isZero();
        assertThat(bucket.take(later)).isEqualTo(1);
    }
}
