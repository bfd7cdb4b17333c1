package org.partnership.resources.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.resources.Fixtures;
import org.partnership.resources.Fixtures.World;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.partnership.resources.Fixtures.pledge;
import static org.partnership.testsupport.Database.awaitProcessed;
import static org.partnership.testsupport.Tokens.as;

/** A passed CHANGE_NEED proposal (projects.v1 partnership.proposal.decided.v1) applied to the need (#21). */
@QuarkusTest
class NeedDecisionConsumerTest {

    static final String NEEDS = "/api/v1/needs";
    static final String DECIDED = "partnership.proposal.decided.v1";

    @Test
    void shouldChangeTheQuantityOnceAndPublishTheChangeWithANewSummary() {
        World w = Fixtures.world();
        String need = declare(w, "200");
        Map<String, Object> p = pledge(w.project(), "VOLUNTEER_HOURS", "150", "hours");
        p.put("needId", need);
        as(w.aToken()).body(p).post("/api/v1/contributions").then().statusCode(201);

        String event = decided(w.project(), "PASSED", "CHANGE_NEED", Map.of("needId", need, "needAction", "CHANGE", "quantity", "300"));
        EventContracts.assertValid(event);
        Topics.send("projects.v1", w.project().toString(), event);
        awaitQuantity(need, "300.0000");

        JsonNode changed = Fixtures.exactly(need, ResourceEvents.NEED_CHANGED, 1).get(0);
        assertThat(changed.path("data").path("quantity").asText()).isEqualTo("300");
        assertThat(changed.path("data").path("previousQuantity").asText()).isEqualTo("200");
        assertThat(changed.path("data").path("proposalId").asText()).isEqualTo(EventContracts.json(event).path("data").path("proposalId").asText());
        assertThat(changed.path("actor").path("sub").asText()).isEqualTo("system:" + ProjectEventConsumer.CONSUMER);
        assertThat(changed.path("causationid").asText()).isEqualTo(EventContracts.id(event));
        JsonNode summary = Fixtures.currentSummary(w.project());
        assertThat(summary.path("data").path("needs").get(0).path("quantity").asText()).isEqualTo("300");
        assertThat(summary.path("data").path("needs").get(0).path("coveragePercent").asText()).isEqualTo("50");
        as(w.bToken()).get(NEEDS + "?projectId=" + w.project()).then().statusCode(200)
                .body("items[0].quantity", is("300")).body("items[0].coveragePercent", is("50")).body("items[0].status", is("OPEN"));

        // redelivered: no second effect; a rejected CHANGE_NEED and a passed LAUNCH are not this service's to apply
        Topics.send("projects.v1", w.project().toString(), event);
        String rejected = decided(w.project(), "REJECTED", "CHANGE_NEED", Map.of("needId", need, "needAction", "CANCEL"));
        String launch = decided(w.project(), "PASSED", "LAUNCH", Map.of());
        Topics.send("projects.v1", w.project().toString(), rejected);
        Topics.send("projects.v1", w.project().toString(), launch);
        awaitProcessed(ProjectEventConsumer.CONSUMER, EventContracts.id(rejected), EventContracts.id(launch));
        assertThat(Database.rows("select quantity, status from need where id = ?", UUID.fromString(need)).get(0))
                .containsEntry("quantity", "300.0000").containsEntry("status", "OPEN");
        Fixtures.exactly(need, ResourceEvents.NEED_CHANGED, 1);
        assertThat(Database.longValue("select count(*) from outbox_event where aggregate_id = ? and type = 'partnership.need.cancelled.v1'",
                need)).isZero();
    }

    @Test
    void shouldCancelANeedLeavingItsPledgesInTheLedgerButOutOfCoverage() {
        World w = Fixtures.world();
        String cancelled = declare(w, "100");
        String kept = declare(w, "50");
        Map<String, Object> p = pledge(w.project(), "VOLUNTEER_HOURS", "40", "hours");
        p.put("needId", cancelled);
        String contribution = as(w.aToken()).body(p).post("/api/v1/contributions").then().statusCode(201).extract().path("id");

        String event = decided(w.project(), "PASSED", "CHANGE_NEED", Map.of("needId", cancelled, "needAction", "CANCEL"));
        EventContracts.assertValid(event);
        Topics.send("projects.v1", w.project().toString(), event);

        JsonNode data = Fixtures.exactly(cancelled, ResourceEvents.NEED_CANCELLED, 1).get(0).path("data");
        assertThat(data.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(data.path("quantity").asText()).isEqualTo("100");
        assertThat(Database.rows("select status from need where id = ?", UUID.fromString(cancelled)).get(0)).containsEntry("status", "CANCELLED");
        JsonNode needs = Fixtures.currentSummary(w.project()).path("data").path("needs");
        assertThat(needs).hasSize(1);
        assertThat(needs.get(0).path("needId").asText()).isEqualTo(kept);
        // the pledge is untouched: same need, same status, the partner still delivers or withdraws it
        assertThat(Database.rows("select cast(need_id as text) as need, status from contribution where id = ?", UUID.fromString(contribution)).get(0))
                .containsEntry("need", cancelled).containsEntry("status", "PLEDGED");
        as(w.aToken()).body(Map.of("reason", "no longer needed")).post("/api/v1/contributions/" + contribution + "/withdraw")
                .then().statusCode(200);
        as(w.leadToken()).get(NEEDS + "?projectId=" + w.project()).then().statusCode(200)
                .body("items.find { it.id == '" + cancelled + "' }.status", is("CANCELLED"));
        as(w.bToken()).body(p).post("/api/v1/contributions").then().statusCode(400)
                .body("errors.field", hasItem("needId")).body("detail", containsString("cancelled"));

        // a second decision on the cancelled need changes nothing
        String late = decided(w.project(), "PASSED", "CHANGE_NEED", Map.of("needId", cancelled, "needAction", "CHANGE", "quantity", "5"));
        Topics.send("projects.v1", w.project().toString(), late);
        awaitProcessed(ProjectEventConsumer.CONSUMER, EventContracts.id(late));
        assertThat(Database.rows("select quantity from need where id = ?", UUID.fromString(cancelled)).get(0)).containsEntry("quantity", "100.0000");
        assertThat(Database.longValue("select count(*) from outbox_event where aggregate_id = ? and type = 'partnership.need.changed.v1'",
                cancelled)).isZero();
    }

    @Test
    void shouldDeadLetterPayloadsItCannotApplyAndKeepConsuming() {
        World w = Fixtures.world();
        World other = Fixtures.world();
        String need = declare(w, "80");
        String foreign = declare(other, "80");
        List<Map<String, Object>> bad = List.of(
                Map.of("needId", UUID.randomUUID().toString(), "needAction", "CHANGE", "quantity", "10"),
                Map.of("needId", foreign, "needAction", "CANCEL"),
                Map.of("needId", need, "needAction", "CHANGE", "quantity", "0"),
                Map.of("needId", need, "needAction", "CHANGE", "quantity", "-3"),
                Map.of("needId", need, "needAction", "CHANGE", "quantity", "1.23456"),
                Map.of("needId", need, "needAction", "CHANGE", "quantity", "lots"),
                Map.of("needId", need, "needAction", "CHANGE"),
                Map.of("needId", need, "needAction", "SPLIT"),
                Map.of("needAction", "CANCEL"));
        for (Map<String, Object> payload : bad) {
            Topics.send("projects.v1", w.project().toString(), decided(w.project(), "PASSED", "CHANGE_NEED", payload));
        }
        String good = decided(w.project(), "PASSED", "CHANGE_NEED", Map.of("needId", need, "needAction", "CHANGE", "quantity", "90.5"));
        Topics.send("projects.v1", w.project().toString(), good);
        awaitQuantity(need, "90.5000");
        assertThat(Topics.values("projects.v1.dlq", w.project().toString(), bad.size(), Duration.ofSeconds(30))).hasSize(bad.size());
        assertThat(Database.rows("select quantity, status from need where id = ?", UUID.fromString(foreign)).get(0))
                .containsEntry("quantity", "80.0000").containsEntry("status", "OPEN");
        Fixtures.exactly(need, ResourceEvents.NEED_CHANGED, 1);
    }

    private static String declare(World w, String quantity) {
        return as(w.leadToken()).body(Map.of("projectId", w.project().toString(), "type", "VOLUNTEER_HOURS", "quantity", quantity,
                "unit", "hours", "dimension", "HOUSING")).post(NEEDS).then().statusCode(201).extract().path("id");
    }

    /** A decided proposal of the project, from the contract's example with this status, type and payload. */
    static String decided(UUID project, String status, String type, Map<String, Object> payload) {
        ObjectNode data = EventContracts.exampleData(DECIDED);
        data.put("proposalId", UUID.randomUUID().toString()).put("projectId", project.toString())
                .put("status", status).put("type", type).put("title", type + " proposal");
        data.set("payload", Fixtures.MAPPER.valueToTree(payload));
        data.remove("application");
        return EventContracts.event(DECIDED, "/test", project.toString(), data);
    }

    private static void awaitQuantity(String need, String quantity) {
        await().atMost(Fixtures.PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                Database.rows("select quantity from need where id = ?", UUID.fromString(need)).get(0)).containsEntry("quantity", quantity));
    }
}
