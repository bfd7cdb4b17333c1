package org.partnership.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.Map;

/**
 * The W3C {@code traceparent} of a span, as text to keep with an outbox row (the relay publishes it later, on its
 * own) and back: so the producer and consumer continue the trace of the request that caused the event.
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** The traceparent of the current span, or null when there is none. */
    public static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a stored traceparent names (the root context when it is null or not valid). */
    public static Context of(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent), GETTER);
    }
}
