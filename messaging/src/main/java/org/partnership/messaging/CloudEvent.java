package org.partnership.messaging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the envelope every service publishes and consumes. The
 * {@code correlationid} and {@code traceparent} extension attributes carry the originating request's correlation
 * id and W3C trace context (CloudEvents distributed-tracing extension; the Kafka record's {@code traceparent}
 * header carries the producer span's). {@code actor} says who caused the event ({@link Actor}: the token's user, or
 * {@code system:<job>}) and {@code causationid} the id of the event that caused it, if one did (#22). Unknown attributes
 * are ignored so newer producers do not break older consumers; events older than {@code actor} have none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String correlationid,
        String traceparent,
        Actor actor,
        String causationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    /** Kafka {@code content-type} header value for structured-mode CloudEvents. */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** Whether the required context attributes are present (CloudEvents 1.0 section 3.1). */
    @JsonIgnore
    public boolean isWellFormed() {
        return SPEC_VERSION.equals(specversion) && notBlank(id) && notBlank(source) && notBlank(type) && data != null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
