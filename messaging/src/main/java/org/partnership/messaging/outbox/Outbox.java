package org.partnership.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.http.Correlation;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.TraceContexts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes events to the transactional outbox. Call {@link #append} inside the same {@code @WithTransaction} chain
 * as the state change it describes: both commit or neither does. {@link OutboxRelay} publishes the rows to Kafka.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (id, topic, aggregate_type, aggregate_id, type, payload, occurred_at,
                                      correlation_id, trace_context)
            values (:id, :topic, :aggregateType, :aggregateId, :type, cast(cast(:payload as text) as jsonb), :occurredAt,
                    :correlationId, :traceContext)
            """;

    private final OutboxConfig config;
    private final ObjectMapper mapper;

    public Outbox(OutboxConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * Records an event in the current transaction, with the request's correlation id and trace context (the
     * relay publishes the row later, on its own, and continues that trace).
     *
     * @param aggregateType e.g. {@code partner}
     * @param aggregateId   the CloudEvents {@code subject} and the Kafka key: one aggregate's events stay in order
     * @param type          the CloudEvents type, e.g. {@code partnership.partner.registered.v1}
     * @param data          the event payload (a record), serialised as JSON
     * @return the envelope that will be published
     */
    public Uni<CloudEvent> append(String aggregateType, Object aggregateId, String type, Object data) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), config.source(), type,
                aggregateId.toString(), now, "application/json", Correlation.correlationId().orElse(null),
                TraceContexts.current(), mapper.valueToTree(data));
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event " + type + " is not serialisable", e));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", UUID.fromString(event.id()))
                        .setParameter("topic", config.topic())
                        .setParameter("aggregateType", aggregateType)
                        .setParameter("aggregateId", event.subject())
                        .setParameter("type", type)
                        .setParameter("payload", payload)
                        .setParameter("occurredAt", now)
                        .setParameter("correlationId", event.correlationid())
                        .setParameter("traceContext", event.traceparent())
                        .executeUpdate())
                .replaceWith(event);
    }
}
