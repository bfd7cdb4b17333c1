package org.partnership.messaging.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.partnership.http.Correlation;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.TraceContexts;

import java.nio.charset.StandardCharsets;

/**
 * Publishes outbox rows as structured-mode CloudEvents through the {@code outbox} channel (idempotent producer,
 * {@code acks=all}; see the channel defaults in {@code META-INF/microprofile-config.properties}). The connector's
 * producer span continues the trace stored with the row, and writes its W3C {@code traceparent} header.
 */
@ApplicationScoped
public class KafkaOutboxPublisher implements OutboxPublisher {

    private final MutinyEmitter<String> emitter;

    public KafkaOutboxPublisher(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                                MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public Uni<Void> publish(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
        headers.add("id", event.id().toString().getBytes(StandardCharsets.UTF_8));
        if (event.correlationId() != null) {
            headers.add(Correlation.REQUEST_ID_HEADER, event.correlationId().getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .withHeaders(headers)
                .build();
        var trace = TraceContexts.of(event.traceContext());
        return emitter.sendMessage(Message.of(event.payload()).addMetadata(metadata).addMetadata(TracingMetadata.with(trace, trace)));
    }
}
