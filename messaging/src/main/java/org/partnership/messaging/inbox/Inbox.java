package org.partnership.messaging.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnership.http.Correlation;
import org.partnership.messaging.Actor;
import org.partnership.messaging.Actors;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.TraceContexts;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Idempotent event consumption. For each message: parse the CloudEvent, skip types the consumer does not handle,
 * and otherwise record the event id in {@code processed_event} and apply the handler in ONE transaction — a
 * redelivered event finds its id and has no second effect. Transient failures are retried with backoff; an
 * event whose database is unavailable (PostgreSQL restarting, a connection lost: {@link TransientFailure}) waits and is
 * retried until it is back, however long that takes (the partition waits with it, in order); an event that still fails
 * for any other reason, or is malformed, is nacked so the channel's {@code dead-letter-queue} failure strategy
 * moves it to the dead-letter topic with the reason, and the partition keeps moving. The handling is a span
 * ({@code <type> process}) in the trace of the request that caused the event, with its request id.
 *
 * <pre>{@code
 * @Incoming("partners")
 * public Uni<Void> consume(Message<String> message) {
 *     return inbox.consume(message, "projects-service", Map.of(
 *             "partnership.partner.registered.v1", event -> replica.apply(inbox.dataAs(event, PartnerData.class))));
 * }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            insert into processed_event (consumer, event_id, event_type) values (:consumer, :id, :type)
            on conflict do nothing
            """;

    /** The longest pause between two attempts while the database is unavailable. */
    private static final Duration TRANSIENT_MAX_BACKOFF = Duration.ofSeconds(5);

    /** Reads event data tolerantly: a newer minor version's extra fields are ignored, whatever the REST layer's rules. */
    private final ObjectMapper lenient;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private final int maxRetries;
    private final Duration initialBackoff;

    public Inbox(ObjectMapper mapper, MeterRegistry registry, Tracer tracer,
            @ConfigProperty(name = "partnership.inbox.max-retries", defaultValue = "3") int maxRetries,
            @ConfigProperty(name = "partnership.inbox.initial-backoff", defaultValue = "200ms") Duration initialBackoff) {
        this.lenient = mapper.copy().disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.registry = registry;
        this.tracer = tracer;
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
    }

    /** Processes one message and acks it, or nacks it (dead letter) when it cannot be processed. */
    public Uni<Void> consume(Message<String> message, String consumer, Map<String, Function<CloudEvent, Uni<Void>>> handlers) {
        return Uni.createFrom().item(message::getPayload)
                .map(this::parse)
                .chain(event -> {
                    Function<CloudEvent, Uni<Void>> handler = handlers.get(event.type());
                    if (handler == null) {
                        Log.debugf("%s ignores event %s of type %s", consumer, event.id(), event.type());
                        count(consumer, event.type(), "ignored");
                        return Uni.createFrom().voidItem();
                    }
                    Span span = tracer.spanBuilder(event.type() + " process").setParent(trace(message, event)).startSpan();
                    if (event.correlationid() != null) {
                        span.setAttribute(Correlation.REQUEST_ID_ATTRIBUTE, event.correlationid());
                    }
                    Correlation.set(event.correlationid());
                    // what the handler publishes was caused by this event, and done by the system as this consumer
                    Actors.set(Actor.system(consumer), event.id());
                    return applyOnce(consumer, event, handler)
                            // the database is away (restarting, unreachable): the event waits for it, however long
                            .onFailure(TransientFailure::is).invoke(failure -> Log.warnf(
                                    "%s cannot apply event %s yet, its database is unavailable (%s); retrying",
                                    consumer, event.id(), failure.getMessage()))
                            .onFailure(TransientFailure::is)
                            .retry().withBackOff(initialBackoff, TRANSIENT_MAX_BACKOFF).indefinitely()
                            // any other failure: a few retries, then the dead letters
                            .onFailure(failure -> !(failure instanceof PoisonEventException))
                            .retry().withBackOff(initialBackoff, initialBackoff.multipliedBy(10)).atMost(maxRetries)
                            .onTermination().invoke((ignored, failure, cancelled) -> {
                                if (failure != null) {
                                    span.recordException(failure).setStatus(StatusCode.ERROR);
                                }
                                span.end();
                            });
                })
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    Log.warnf("%s dead-letters a message: %s", consumer, failure.getMessage());
                    count(consumer, "unknown", "dead-lettered");
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /** The trace the event continues: the connector's consumer span (Kafka header), else the envelope's traceparent. */
    private static Context trace(Message<?> message, CloudEvent event) {
        return TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .filter(context -> Span.fromContext(context).getSpanContext().isValid())
                .orElseGet(() -> TraceContexts.of(event.traceparent()));
    }

    /** Maps the event's data to the consumer's own type; unknown fields are ignored, invalid data is poison. */
    public <T> T dataAs(CloudEvent event, Class<T> type) {
        try {
            return lenient.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") has invalid data: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private Uni<Void> applyOnce(String consumer, CloudEvent event, Function<CloudEvent, Uni<Void>> handler) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("id", event.id())
                        .setParameter("type", event.type())
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        Log.debugf("%s already processed event %s; skipped", consumer, event.id());
                        count(consumer, event.type(), "duplicate");
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.createFrom().deferred(() -> handler.apply(event))
                            .invoke(() -> {
                                Log.debugf("%s applied event %s (%s)", consumer, event.id(), event.type());
                                count(consumer, event.type(), "applied");
                            });
                }));
    }

    private CloudEvent parse(String payload) {
        if (payload == null) {
            throw new PoisonEventException("empty message");
        }
        CloudEvent event;
        try {
            event = lenient.readValue(payload, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("not a JSON CloudEvent: " + e.getOriginalMessage(), e);
        }
        if (!event.isWellFormed()) {
            throw new PoisonEventException("not a CloudEvents 1.0 event (specversion, id, source, type and data are required)");
        }
        return event;
    }

    private void count(String consumer, String type, String outcome) {
        registry.counter("inbox.events", "consumer", consumer, "type", type, "outcome", outcome).increment();
    }
}
