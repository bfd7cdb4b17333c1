package org.partnership.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.http.Correlation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnership.messaging.Actor;
import org.partnership.messaging.Actors;
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
    private final boolean requireActor;

    public Outbox(OutboxConfig config, ObjectMapper mapper,
            @ConfigProperty(name = "partnership.outbox.require-actor", defaultValue = "true") boolean requireActor) {
        this.config = config;
        this.mapper = mapper;
        this.requireActor = requireActor;
    }

    /**
     * Records an event in the current transaction, with the request's correlation id and trace context (the
     * relay publishes the row later, on its own, and continues that trace) and its actor: the one set for the work in
     * progress ({@link Actors}: a consumer's or job's {@code system:<job>} and the causing event), else the user of the
     * request's verified token. An event nobody caused is refused ({@code partnership.outbox.require-actor}, default
     * true): a producer that forgets its actor fails its own tests.
     *
     * @param aggregateType e.g. {@code partner}
     * @param aggregateId   the CloudEvents {@code subject} and the Kafka key: one aggregate's events stay in order
     * @param type          the CloudEvents type, e.g. {@code partnership.partner.registered.v1}
     * @param data          the event payload (a record), serialised as JSON
     * @return the envelope that will be published
     */
    public Uni<CloudEvent> append(String aggregateType, Object aggregateId, String type, Object data) {
        String causationId = Actors.causationId().orElse(null);
        return actor().chain(actor -> {
            if (actor == null && requireActor) {
                return Uni.createFrom().failure(new IllegalStateException("event " + type + " of " + aggregateType + " "
                        + aggregateId + " has no actor: outside a request, run the work with Actors.as(Actor.system(job), causingEventId, ...)"));
            }
            return insert(aggregateType, aggregateId, type, data, actor, causationId);
        });
    }

    /** The actor set for the work in progress, else the request's verified user, else null. */
    private static Uni<Actor> actor() {
        var set = Actors.actor();
        if (set.isPresent()) {
            return Uni.createFrom().item(set.get());
        }
        if (!Arc.container().requestContext().isActive()) {
            return Uni.createFrom().nullItem();
        }
        var identities = Arc.container().instance(CurrentIdentityAssociation.class);
        if (!identities.isAvailable()) {
            return Uni.createFrom().nullItem();
        }
        return identities.get().getDeferredIdentity().onFailure().recoverWithNull().map(Actor::of);
    }

    private Uni<CloudEvent> insert(String aggregateType, Object aggregateId, String type, Object data, Actor actor, String causationId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), config.source(), type,
                aggregateId.toString(), now, "application/json", Correlation.correlationId().orElse(null),
                TraceContexts.current(), actor, causationId, mapper.valueToTree(data));
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
