package org.partnership.audit.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnership.audit.service.AuditWriter;

import java.time.Duration;

/**
 * Every event of partners.v1, projects.v1 and resources.v1, of every type (a type the platform adds later is recorded
 * too), becomes one audit entry. A record that is not a CloudEvent (no id, type or source) is nacked: the channel's
 * dead-letter queue keeps it with the reason and the partition moves on; a failure to record (the database) is
 * retried with backoff before that.
 */
@ApplicationScoped
public class AuditConsumer {

    private final AuditWriter writer;
    private final ObjectMapper mapper;
    private final int maxRetries;
    private final Duration backoff;

    public AuditConsumer(AuditWriter writer, ObjectMapper mapper,
            @ConfigProperty(name = "partnership.inbox.max-retries", defaultValue = "3") int maxRetries,
            @ConfigProperty(name = "partnership.inbox.initial-backoff", defaultValue = "200ms") Duration backoff) {
        this.writer = writer;
        this.mapper = mapper;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    @Incoming("partners")
    public Uni<Void> partners(Message<String> message) {
        return consume(message);
    }

    @Incoming("projects")
    public Uni<Void> projects(Message<String> message) {
        return consume(message);
    }

    @Incoming("resources")
    public Uni<Void> resources(Message<String> message) {
        return consume(message);
    }

    Uni<Void> consume(Message<String> message) {
        JsonNode event;
        try {
            event = parse(message.getPayload());
        } catch (IllegalArgumentException poison) {
            Log.warnf("audit dead-letters a message: %s", poison.getMessage());
            return Uni.createFrom().completionStage(message.nack(poison));
        }
        return writer.record(event)
                .onFailure().retry().withBackOff(backoff, backoff.multipliedBy(10)).atMost(maxRetries)
                .onItemOrFailure().transformToUni((created, failure) -> {
                    if (failure != null) {
                        Log.warnf("audit dead-letters event %s: %s", event.path("id").asText(), failure.getMessage());
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    private JsonNode parse(String payload) {
        JsonNode event;
        try {
            event = payload == null ? null : mapper.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JSON CloudEvent");
        }
        if (event == null || !"1.0".equals(event.path("specversion").asText()) || !event.path("type").isTextual()
                || !event.path("source").isTextual() || !event.path("data").isObject() || !isUuid(event.path("id").asText())) {
            throw new IllegalArgumentException("not a CloudEvents 1.0 event with a UUID id, source, type and data");
        }
        return event;
    }

    private static boolean isUuid(String id) {
        try {
            java.util.UUID.fromString(id);
            return id.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
