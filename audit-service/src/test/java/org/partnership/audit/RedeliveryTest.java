package org.partnership.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * Every topic read again from its first record, by the running consumers, through the real broker (what a restart
 * that lost its committed offsets does): every event already recorded is delivered a second time, none makes a second
 * entry, and the chain stays valid.
 */
@QuarkusTest
class RedeliveryTest {

    @Inject
    KafkaClientService kafka;

    @Test
    void shouldRecordNothingTwiceWhenEveryTopicIsReadAgainFromTheStart() {
        AuditTrailTest.world();
        long before = Database.longValue("select count(*) from audit_entry");
        double duplicates = duplicates();

        for (String channel : List.of("partners", "projects", "resources")) {
            var consumer = kafka.getConsumer(channel);
            consumer.getAssignments().chain(consumer::seekToBeginning).await().atMost(Duration.ofSeconds(20));
        }
        // one new event per topic: once each is recorded, that topic was read again up to it (one partition, in order)
        List<ObjectNode> markers = Events.topics().stream().map(topic -> {
            String subject = UUID.randomUUID().toString();
            ObjectNode actor = Events.user("replay", null, "admin");
            ObjectNode marker = switch (topic) {
                case "partners.v1" -> Events.event("partnership.partner.updated.v1", "/partners-service", subject, actor, "replay",
                        d -> d.put("partnerId", subject));
                case "projects.v1" -> Events.event("partnership.project.created.v1", "/projects-service", subject, actor, "replay",
                        d -> d.put("projectId", subject));
                default -> Events.event("partnership.need.declared.v1", "/resources-service", subject, actor, "replay",
                        d -> d.put("needId", subject));
            };
            Events.send(topic, marker);
            return marker;
        }).toList();
        await().atMost(AuditTrailTest.PATIENCE).until(() -> markers.stream().allMatch(m -> Database.longValue(
                "select count(*) from audit_entry where event_id = cast(? as uuid)", m.path("id").asText()) == 1));

        assertThat(Database.longValue("select count(*) from audit_entry")).isEqualTo(before + 3);
        assertThat(Database.longValue("select count(*) from (select event_id from audit_entry group by event_id having count(*) > 1) d")).isZero();
        // positions without gaps, from the first (or from the retention's anchor, once RetentionTest removed the oldest)
        assertThat(Database.longValue("select count(*) from audit_entry where seq - coalesce((select seq from audit_anchor), 0)"
                + " not between 1 and (select count(*) from audit_entry)")).isZero();
        // the second deliveries did arrive, and were recognised
        assertThat(duplicates()).isGreaterThanOrEqualTo(duplicates + before);
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit/verify").then().statusCode(200).body("valid", is(true));
    }

    private static double duplicates() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        var m = java.util.regex.Pattern.compile("^audit_entries_total\\{([^}]*)} (\\S+)$", java.util.regex.Pattern.MULTILINE).matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("outcome=\"duplicate\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
