package org.partnership.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import org.partnership.gateway.config.GatewayConfig;

import java.time.Duration;

/**
 * Token buckets per client (the token's subject, or the client address for anonymous requests): a burst of
 * {@code burst} requests, refilled at {@code requests-per-second}. Idle buckets are forgotten.
 */
@Singleton
public class RateLimiter {

    private final GatewayConfig.RateLimit config;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            // upkeep on the calling event loop: handing it to the common pool woke another thread every few requests
            .executor(Runnable::run)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
    }

    /** 0 when the request may go on; otherwise how many seconds to wait before the next one (Retry-After). */
    public long acquire(String client) {
        if (!config.enabled()) {
            return 0;
        }
        return buckets.get(client, key -> new Bucket(config.burst(), config.requestsPerSecond())).take(System.nanoTime());
    }

    static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long refilledAt;

        Bucket(int capacity, double perSecond) {
            this.capacity = capacity;
            this.perNano = perSecond / 1e9;
            this.tokens = capacity;
            this.refilledAt = System.nanoTime();
        }

        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
