package org.partnership.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.partnership.notifications.messaging.PartnerEventConsumer;
import org.partnership.testsupport.Tokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.partnership.testsupport.Database.awaitProcessed;
import static org.partnership.testsupport.EventContracts.exampleData;
import static org.partnership.testsupport.EventContracts.validEvent;
import static org.partnership.testsupport.Topics.sendEvent;

/**
 * Events as the producers publish them (valid against their contracts) about partners whose members get notified;
 * sending them, waiting for the consumers and reading the database are test-support's ({@code Topics},
 * {@code Database}).
 */
public final class Fixtures {

    public static final Duration PATIENCE = Duration.ofSeconds(40);
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /** A valid event of {@code type} about {@code subject} built from the schema's first example with {@code changes}. */
    public static String event(String type, String subject, Map<String, Object> changes) {
        ObjectNode data = exampleData(type);
        changes.forEach((field, value) -> data.set(field, MAPPER.valueToTree(value)));
        return validEvent(type, "/tests", subject, data);
    }

    /** A registered partner (ACTIVE once verified) with a first member, as partners-service publishes it. */
    public static UUID partner(String name, String username, String email, String locale) {
        UUID id = UUID.randomUUID();
        Map<String, Object> registeredBy = new HashMap<>(Map.of("userId", subject(username), "username", username));
        if (email != null) {
            registeredBy.put("email", email);
        }
        if (locale != null) {
            registeredBy.put("locale", locale);
        }
        awaitProcessed(PartnerEventConsumer.CONSUMER,
                sendEvent("partners.v1", event("partnership.partner.registered.v1", id.toString(), Map.of("partnerId", id.toString(),
                        "name", name, "registeredBy", registeredBy))));
        return id;
    }

    /** The token subject test-support's tokens carry for a username. */
    public static String subject(String username) {
        return Tokens.user(username).subject();
    }
}
