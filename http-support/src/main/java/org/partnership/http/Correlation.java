package org.partnership.http;

import io.opentelemetry.api.trace.Span;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import org.jboss.logging.MDC;

import java.util.Optional;

/**
 * The correlation id ({@code X-Request-Id}) of the work in progress: kept in the Vert.x duplicated context of the
 * request or message, in the logging MDC, and on the current OpenTelemetry span as attribute
 * {@value #REQUEST_ID_ATTRIBUTE}. The trace context itself (W3C {@code traceparent}) is OpenTelemetry's.
 */
public final class Correlation {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** The span attribute that names the request a span belongs to. */
    public static final String REQUEST_ID_ATTRIBUTE = "request.id";
    static final String CORRELATION_KEY = "correlationId";

    private Correlation() {
    }

    /** Records the id for the current duplicated context (no-op outside one), the MDC and the current span. */
    public static void set(String correlationId) {
        if (onDuplicatedContext()) {
            if (correlationId == null) {
                ContextLocals.remove(CORRELATION_KEY);
            } else {
                ContextLocals.put(CORRELATION_KEY, correlationId);
            }
        }
        if (correlationId == null) {
            MDC.remove(CORRELATION_KEY);
        } else {
            MDC.put(CORRELATION_KEY, correlationId);
            Span.current().setAttribute(REQUEST_ID_ATTRIBUTE, correlationId);
        }
    }

    public static Optional<String> correlationId() {
        if (onDuplicatedContext()) {
            Optional<String> value = ContextLocals.get(CORRELATION_KEY);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.ofNullable((String) MDC.get(CORRELATION_KEY));
    }

    private static boolean onDuplicatedContext() {
        Context context = Vertx.currentContext();
        return context instanceof ContextInternal internal && internal.isDuplicate();
    }
}
