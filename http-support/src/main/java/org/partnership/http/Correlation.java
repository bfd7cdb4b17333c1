package org.partnership.http;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import org.jboss.logging.MDC;

import java.util.Optional;

/**
 * The correlation id ({@code X-Request-Id}) and W3C {@code traceparent} of the work in progress, kept in the
 * Vert.x duplicated context of the request or message, and in the logging MDC.
 */
public final class Correlation {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";
    static final String CORRELATION_KEY = "correlationId";
    static final String TRACEPARENT_KEY = "traceparent";

    private Correlation() {
    }

    /** Records the ids for the current duplicated context (no-op outside one) and the MDC. */
    public static void set(String correlationId, String traceparent) {
        if (onDuplicatedContext()) {
            putOrRemove(CORRELATION_KEY, correlationId);
            putOrRemove(TRACEPARENT_KEY, traceparent);
        }
        mdc(CORRELATION_KEY, correlationId);
        mdc(TRACEPARENT_KEY, traceparent);
    }

    public static Optional<String> correlationId() {
        return get(CORRELATION_KEY);
    }

    public static Optional<String> traceparent() {
        return get(TRACEPARENT_KEY);
    }

    private static Optional<String> get(String key) {
        if (onDuplicatedContext()) {
            Optional<String> value = ContextLocals.get(key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.ofNullable((String) MDC.get(key));
    }

    private static void putOrRemove(String key, String value) {
        if (value == null) {
            ContextLocals.remove(key);
        } else {
            ContextLocals.put(key, value);
        }
    }

    private static void mdc(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static boolean onDuplicatedContext() {
        Context context = Vertx.currentContext();
        return context instanceof ContextInternal internal && internal.isDuplicate();
    }
}
