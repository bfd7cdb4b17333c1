package org.partnership.messaging.outbox;

import io.smallrye.mutiny.Uni;

/** Sends one outbox row to the broker; the returned Uni completes when the broker has acknowledged it. */
public interface OutboxPublisher {

    Uni<Void> publish(PendingEvent event);

    /** An unpublished outbox row, in publication order. */
    record PendingEvent(java.util.UUID id, String topic, String key, String type, String payload,
                        String correlationId, String traceContext, java.time.OffsetDateTime occurredAt) {
    }
}
