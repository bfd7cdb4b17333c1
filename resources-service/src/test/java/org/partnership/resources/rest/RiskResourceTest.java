package org.partnership.resources.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.resources.Fixtures;
import org.partnership.resources.Fixtures.World;
import org.partnership.testsupport.Tokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.partnership.testsupport.Tokens.as;

/** The risk register: proposals by participants, allocations by the lead (exactly 100 %), status with history. */
@QuarkusTest
class RiskResourceTest {

    static final String RISKS = "/api/v1/risks";

    @Test
    void shouldPageThroughAProjectsRisksOldestFirstWithTheirAllocations() {
        World w = Fixtures.world();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(as(w.aToken()).body(risk(w.project(), w.a())).post(RISKS).then().statusCode(201).extract().path("id"));
        }
        String next = as(w.leadToken()).queryParam("projectId", w.project().toString()).queryParam("limit", 2).get(RISKS)
                .then().statusCode(200).body("items.id", is(ids.subList(0, 2))).body("items[0].allocations", org.hamcrest.Matchers.notNullValue())
                .body("next", org.hamcrest.Matchers.notNullValue()).extract().path("next");
        as(w.leadToken()).queryParam("projectId", w.project().toString()).queryParam("limit", 2).queryParam("cursor", next).get(RISKS)
                .then().statusCode(200).body("items.id", is(ids.subList(2, 3))).body("next", nullValue());
    }

    @Test
    void shouldLetAParticipantProposeARiskAndTheLeadAllocateItExactly() {
        World w = Fixtures.world();
        String id = as(w.aToken()).body(risk(w.project(), w.a())).post(RISKS).then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", is("OPEN")).body("score", is(15)).body("allocations", hasSize(0)).body("allocatedPercent", is("0"))
                .extract().path("id");
        JsonNode unallocated = Fixtures.currentSummary(w.project());
        assertThat(unallocated.path("data").path("openRisks").asInt()).isEqualTo(1);
        assertThat(unallocated.path("data").path("unallocatedOpenRisks").get(0).path("riskId").asText()).isEqualTo(id);

        as(w.leadToken()).header("If-Match", "\"0\"").body(shares(w.a(), "60", w.b(), "30")).put(RISKS + "/" + id + "/allocations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("sum to 90")).body("errors.field", hasItem("sharePercent"));
        as(w.leadToken()).header("If-Match", "\"0\"").body(shares(w.a(), "60.5", w.b(), "40")).put(RISKS + "/" + id + "/allocations")
                .then().statusCode(400).body("detail", containsString("sum to 100.5"));
        as(w.leadToken()).header("If-Match", "\"0\"").body(shares(w.a(), "60", w.outsider(), "40")).put(RISKS + "/" + id + "/allocations")
                .then().statusCode(400).body("detail", containsString("not an accepted participant"));
        as(w.leadToken()).header("If-Match", "\"0\"").body(shares(w.a(), "60", w.b(), "40")).put(RISKS + "/" + id + "/allocations")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("allocatedPercent", is("100")).body("allocations.sharePercent", is(List.of("60", "40")));

        JsonNode allocated = Fixtures.exactly(id, "partnership.risk.allocated.v1", 1).get(0);
        assertThat(allocated.path("data").path("allocatedPercent").asText()).isEqualTo("100");
        Fixtures.exactly(id, "partnership.risk.registered.v1", 1);
        JsonNode summary = Fixtures.currentSummary(w.project());
        assertThat(summary.path("data").path("unallocatedOpenRisks").size()).isZero();
        assertThat(summary.path("data").path("openRisks").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAStaleOrMissingIfMatchOnAllocations() {
        World w = Fixtures.world();
        String id = as(w.aToken()).body(risk(w.project(), w.a())).post(RISKS).then().statusCode(201).extract().path("id");
        as(w.leadToken()).header("If-Match", "\"0\"").body(shares(w.a(), "50", w.b(), "50")).put(RISKS + "/" + id + "/allocations")
                .then().statusCode(200);

        as(w.leadToken()).header("If-Match", "\"0\"").body(shares(w.a(), "10", w.b(), "90")).put(RISKS + "/" + id + "/allocations")
                .then().statusCode(412).body("type", is("urn:partnership:problem:stale-version"));
        as(w.leadToken()).body(shares(w.a(), "10", w.b(), "90")).put(RISKS + "/" + id + "/allocations").then().statusCode(428);
        as(w.aToken()).get(RISKS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("allocations.sharePercent", is(List.of("50", "50")));
    }

    @Test
    void shouldLetOnlyTheLeadAllocate() {
        World w = Fixtures.world();
        String id = as(w.aToken()).body(risk(w.project(), w.a())).post(RISKS).then().statusCode(201).extract().path("id");
        as(w.aToken()).header("If-Match", "\"0\"").body(shares(w.a(), "100", null, null)).put(RISKS + "/" + id + "/allocations")
                .then().statusCode(403);
        as(w.outsiderToken()).header("If-Match", "\"0\"").body(shares(w.a(), "100", null, null)).put(RISKS + "/" + id + "/allocations")
                .then().statusCode(404);
        as(Tokens.auditor()).header("If-Match", "\"0\"").body(shares(w.a(), "100", null, null)).put(RISKS + "/" + id + "/allocations")
                .then().statusCode(403);
    }

    @Test
    void shouldMoveTheStatusWithHistoryByTheLeadOrTheOwnerOnly() {
        World w = Fixtures.world();
        String id = as(w.bToken()).body(risk(w.project(), w.a())).post(RISKS).then().statusCode(201).extract().path("id");

        as(w.bToken()).body(Map.of("status", "MITIGATED")).post(RISKS + "/" + id + "/status").then().statusCode(403);
        as(w.aToken()).body(Map.of("status", "MITIGATED", "note", "training done")).post(RISKS + "/" + id + "/status")
                .then().statusCode(200).body("status", is("MITIGATED"));
        as(w.aToken()).body(Map.of("status", "MITIGATED")).post(RISKS + "/" + id + "/status").then().statusCode(409);
        as(w.leadToken()).body(Map.of("status", "CLOSED", "note", "over")).post(RISKS + "/" + id + "/status")
                .then().statusCode(200).body("status", is("CLOSED"));
        as(w.leadToken()).body(Map.of("status", "OPEN")).post(RISKS + "/" + id + "/status").then().statusCode(409)
                .body("type", is("urn:partnership:problem:risk-closed"));
        as(w.leadToken()).body(Map.of("status", "GONE")).post(RISKS + "/" + id + "/status").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        as(Tokens.auditor()).get(RISKS + "/" + id).then().statusCode(200)
                .body("history.to", is(List.of("OPEN", "MITIGATED", "CLOSED")))
                .body("history.note", hasItems("training done", "over"));
        List<JsonNode> changes = Fixtures.exactly(id, "partnership.risk.status-changed.v1", 2);
        assertThat(changes).extracting(e -> e.path("data").path("status").asText()).containsExactly("MITIGATED", "CLOSED");
        assertThat(Fixtures.currentSummary(w.project()).path("data").path("openRisks").asInt()).isZero();
    }

    @Test
    void shouldLetOnlyParticipantsProposeAndSeeRisks() {
        World w = Fixtures.world();
        as(w.outsiderToken()).body(risk(w.project(), w.outsider())).post(RISKS).then().statusCode(403)
                .body("detail", containsString("not an accepted participant"));
        as(w.aToken()).body(risk(w.project(), w.outsider())).post(RISKS).then().statusCode(400)
                .body("errors.field", hasItem("ownerPartnerId"));
        as(Tokens.auditor()).body(risk(w.project(), w.a())).post(RISKS).then().statusCode(403);
        given().contentType("application/json").body(risk(w.project(), w.a())).post(RISKS).then().statusCode(401);
        String id = as(w.aToken()).body(risk(w.project(), w.a())).post(RISKS).then().statusCode(201).extract().path("id");

        as(w.bToken()).get(RISKS + "?projectId=" + w.project()).then().statusCode(200).body("items.id", is(List.of(id))).body("next", nullValue());
        as(Tokens.auditor()).get(RISKS + "?projectId=" + w.project()).then().statusCode(200).body("items", hasSize(1));
        as(w.outsiderToken()).get(RISKS + "?projectId=" + w.project()).then().statusCode(404);
        as(w.outsiderToken()).get(RISKS + "/" + id).then().statusCode(404);
        given().get(RISKS + "?projectId=" + w.project()).then().statusCode(401);
    }

    @Test
    void shouldListEveryInvalidFieldOfARisk() {
        World w = Fixtures.world();
        Map<String, Object> invalid = new HashMap<>(Map.of("category", "WEATHER", "likelihood", 0, "impact", 6));
        as(w.aToken()).body(invalid).post(RISKS).then().statusCode(400).body("errors.field", hasItem("category"));
        invalid.put("category", "DEMAND");
        as(w.aToken()).body(invalid).post(RISKS).then().statusCode(400)
                .body("errors.field", hasItems("projectId", "title", "likelihood", "impact", "ownerPartnerId"));
        String id = as(w.aToken()).body(risk(w.project(), w.a())).post(RISKS).then().statusCode(201).extract().path("id");
        as(w.leadToken()).header("If-Match", "\"0\"").body(List.of(Map.of("partnerId", w.a().toString(), "sharePercent", "-5")))
                .put(RISKS + "/" + id + "/allocations").then().statusCode(400);
        as(w.leadToken()).header("If-Match", "\"0\"").body(List.of()).put(RISKS + "/" + id + "/allocations").then().statusCode(400);
    }

    static Map<String, Object> risk(UUID project, UUID owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectId", project.toString());
        body.put("category", "SAFEGUARDING");
        body.put("title", "Vulnerable tenants");
        body.put("description", "Home visits to vulnerable tenants");
        body.put("likelihood", 3);
        body.put("impact", 5);
        body.put("mitigation", "DBS checks and training");
        body.put("ownerPartnerId", owner.toString());
        return body;
    }

    static List<Map<String, Object>> shares(UUID first, String firstShare, UUID second, String secondShare) {
        return second == null ? List.of(Map.of("partnerId", first.toString(), "sharePercent", firstShare))
                : List.of(Map.of("partnerId", first.toString(), "sharePercent", firstShare),
                        Map.of("partnerId", second.toString(), "sharePercent", secondShare));
    }
}
