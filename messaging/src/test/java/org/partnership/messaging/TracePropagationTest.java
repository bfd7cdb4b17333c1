package org.partnership.messaging;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.partnership.http.Correlation;
import org.partnership.messaging.probe.ProbeService;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from a request through the outbox (relayed later, by the relay), Kafka and the consumer: the caller's
 * trace id on every span, the request id as an attribute of the request's and the consumer's spans.
 */
@QuarkusTest
class TracePropagationTest {

    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey(Correlation.REQUEST_ID_ATTRIBUTE);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void shouldContinueTheCallersTraceThroughTheOutboxAndKafkaIntoTheConsumer() {
        HexFormat hex = HexFormat.of();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
        String requestId = "req-" + UUID.randomUUID();
        String name = "traced-" + UUID.randomUUID();

        given().header("traceparent", "00-" + traceId + "-" + hex.toHexDigits(random.nextLong()) + "-01")
                .header(Correlation.REQUEST_ID_HEADER, requestId).contentType("text/plain").body(name)
                .post("/probes").then().statusCode(200).header(Correlation.REQUEST_ID_HEADER, requestId);

        // the relay runs later, elsewhere: the row keeps the request's trace context for it
        assertThat(Probes.count("select count(*) from outbox_event where payload->'data'->>'name' = ? and trace_context like ?",
                name, "00-" + traceId + "-%")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            assertThat(trace).as("spans of trace %s among %s", traceId, spans.getFinishedSpanItems()).isNotEmpty();
            assertThat(trace).anySatisfy(s -> {
                assertThat(s.getKind()).isEqualTo(SpanKind.SERVER);
                assertThat(s.getAttributes().get(REQUEST_ID)).isEqualTo(requestId);
            });
            assertThat(trace).anySatisfy(s -> assertThat(s.getKind()).isEqualTo(SpanKind.PRODUCER));
            assertThat(trace).anySatisfy(s -> assertThat(s.getKind()).isEqualTo(SpanKind.CONSUMER));
            assertThat(trace).anySatisfy(s -> {
                assertThat(s.getName()).isEqualTo(ProbeService.CREATED + " process");
                assertThat(s.getAttributes().get(REQUEST_ID)).isEqualTo(requestId);
            });
        });
        assertThat(Probes.count("select count(*) from probe_effect e join probe p on p.id::text = e.subject where p.name = ?", name))
                .isEqualTo(1);
    }
}
