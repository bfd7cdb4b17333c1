package org.partnership.notifications.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.inbox.PoisonEventException;

import java.util.UUID;

/** Reading the fields the consumers need from an event's data: a required one missing makes the event poison. */
final class Events {

    private Events() {
    }

    static UUID uuid(CloudEvent event, String field) {
        try {
            return UUID.fromString(text(event, field));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") has an invalid " + field, e);
        }
    }

    static UUID optionalUuid(JsonNode data, String field) {
        String value = optionalText(data, field);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(CloudEvent event, String field) {
        JsonNode value = event.data().path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") lacks " + field);
        }
        return value.asText();
    }

    static String optionalText(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
