package org.partnership.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.config.ConfigProvider;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Topics;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events as the producers publish them (valid against their contracts), sent through the real broker, and SQL reads. */
public final class Fixtures {

    public static final Duration PATIENCE = Duration.ofSeconds(40);
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /** A valid event of {@code type} about {@code subject} built from the schema's first example with {@code changes}. */
    public static String event(String type, String subject, Map<String, Object> changes) {
        ObjectNode data = (ObjectNode) EventContracts.dataExamples(type).get(0).deepCopy();
        changes.forEach((field, value) -> data.set(field, MAPPER.valueToTree(value)));
        String event = EventContracts.event(type, "/tests", subject, data);
        EventContracts.assertValid(event);
        return event;
    }

    public static String id(String event) {
        try {
            return MAPPER.readTree(event).path("id").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Sends the event to the topic keyed by its subject and returns its id. */
    public static String send(String topic, String event) {
        try {
            JsonNode node = MAPPER.readTree(event);
            Topics.send(topic, node.path("subject").asText(), event);
            return node.path("id").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static void awaitProcessed(String consumer, String... eventIds) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String id : eventIds) {
                assertThat(rows("select 1 as one from processed_event where consumer = ? and event_id = ?", consumer, id))
                        .as("event %s processed by %s", id, consumer).hasSize(1);
            }
        });
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
        awaitProcessed(org.partnership.notifications.messaging.PartnerEventConsumer.CONSUMER,
                send("partners.v1", event("partnership.partner.registered.v1", id.toString(), Map.of("partnerId", id.toString(),
                        "name", name, "registeredBy", registeredBy))));
        return id;
    }

    /** The token subject test-support's tokens carry for a username. */
    public static String subject(String username) {
        return org.partnership.testsupport.Tokens.user(username).subject();
    }

    public static List<Map<String, String>> rows(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse("postgres"));
    }
}
