package org.partnership.gateway.proxy;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import org.partnership.gateway.config.GatewayConfig;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * The circuit breaker of one upstream: SmallRye Fault Tolerance's, closed, open and half-open. After
 * {@code failure-threshold} failed exchanges in a row (connection errors, timeouts) it opens: requests are refused
 * at once for {@code open-for}; then it is half-open, and the first exchange that ends decides: answered closes it,
 * failed opens it anew. Failures that are not the service's (the caller hung up, its body was too large) are not
 * recorded at all.
 * <p>
 * The proxy asks {@link #isOpen()} before it sends and {@link #record records} how the exchange ended, through a
 * synchronous {@link Guard}: no thread hop and no allocation of an asynchronous invocation per request. (Guarding
 * the asynchronous exchange itself makes Fault Tolerance run it, and complete it, in later event-loop tasks: two
 * extra tasks per proxied request, and a request body could arrive before the proxy pauses it.)
 */
final class UpstreamBreaker {

    private static final Callable<Void> ANSWERED = () -> null;

    private final Guard guard;
    private final String retryAfterSeconds;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;

    UpstreamBreaker(String upstream, GatewayConfig.CircuitBreaker config) {
        this.retryAfterSeconds = Long.toString(config.openFor().toSeconds());
        this.guard = Guard.create()
                .withDescription("upstream " + upstream)
                .withCircuitBreaker()
                // a window of the last N exchanges, all failed: N failures in a row
                .requestVolumeThreshold(config.failureThreshold())
                .failureRatio(1.0)
                .delay(config.openFor().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .onStateChange(changed -> {
                    state = changed;
                    logged(upstream, changed, config);
                })
                .done()
                .build();
    }

    /** Whether callers are refused at once: the circuit is open (half-open lets requests try the service). */
    boolean isOpen() {
        return state == CircuitBreakerState.OPEN;
    }

    /** Seconds a refused caller should wait: the circuit's open time. */
    String retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Records how an exchange with the service ended: {@code null} when it answered, else the upstream's failure. */
    void record(Throwable failure) {
        try {
            guard.call(failure == null ? ANSWERED : () -> {
                throw failure instanceof Exception e ? e : new ExecutionException(failure);
            }, Void.class);
        } catch (Exception outcome) {
            // the failure recorded, or a refusal because the circuit opened or is probing meanwhile: nothing to do
        }
    }

    private static void logged(String upstream, CircuitBreakerState state, GatewayConfig.CircuitBreaker config) {
        switch (state) {
            case OPEN -> Log.warnf("circuit to %s opened for %s after %d failures in a row", upstream, config.openFor(),
                    config.failureThreshold());
            case HALF_OPEN -> Log.infof("circuit to %s half-open: the next request tries the service", upstream);
            case CLOSED -> Log.infof("circuit to %s closed: the service answers again", upstream);
        }
    }
}
