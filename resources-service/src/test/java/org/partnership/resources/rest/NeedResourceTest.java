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
import static org.partnership.resources.Fixtures.pledge;
import static org.partnership.testsupport.Tokens.as;

/** Needs: declared by the project lead, seen by participants and auditors, covered by pledges. */
@QuarkusTest
class NeedResourceTest {

    static final String NEEDS = "/api/v1/needs";

    @Test
    void shouldLetTheLeadDeclareANeedAndPublishItWithASummary() {
        World w = Fixtures.world();
        String id = as(w.leadToken()).body(need(w.project(), "STAFF_HOURS", "250.5")).post(NEEDS).then().statusCode(201)
                .body("projectId", is(w.project().toString())).body("type", is("STAFF_HOURS")).body("quantity", is("250.5"))
                .body("unit", is("hours")).body("dimension", is("HOUSING"))
                .body("pledged", is("0")).body("delivered", is("0")).body("coveragePercent", is("0"))
                .extract().path("id");

        JsonNode declared = Fixtures.exactly(id, "partnership.need.declared.v1", 1).get(0);
        assertThat(declared.path("subject").asText()).isEqualTo(id);
        assertThat(declared.path("data").path("quantity").asText()).isEqualTo("250.5");
        JsonNode summary = Fixtures.currentSummary(w.project());
        assertThat(summary.path("subject").asText()).isEqualTo(w.project().toString());
        assertThat(summary.path("data").path("needs").get(0).path("needId").asText()).isEqualTo(id);
        assertThat(summary.path("data").path("sequence").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldComputeCoverageFromPledgesNetOfWithdrawalsCappedAt100() {
        World w = Fixtures.world();
        String needId = as(w.leadToken()).body(need(w.project(), "VOLUNTEER_HOURS", "200")).post(NEEDS).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> a = pledge(w.project(), "VOLUNTEER_HOURS", "150", "Hours");
        a.put("needId", needId);
        String aId = as(w.aToken()).body(a).post("/api/v1/contributions").then().statusCode(201).extract().path("id");
        Map<String, Object> b = pledge(w.project(), "VOLUNTEER_HOURS", "100", "hours");
        b.put("needId", needId);
        String bId = as(w.bToken()).body(b).post("/api/v1/contributions").then().statusCode(201).extract().path("id");

        as(w.aToken()).get(NEEDS + "?projectId=" + w.project()).then().statusCode(200)
                .body("items[0].pledged", is("250")).body("items[0].coveragePercent", is("100"));
        as(w.bToken()).body(Map.of("quantity", "40", "deliveredOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()))
                .post("/api/v1/contributions/" + bId + "/deliveries").then().statusCode(201);
        as(w.bToken()).body(Map.of("reason", "volunteers left")).post("/api/v1/contributions/" + bId + "/withdraw").then().statusCode(200);
        as(w.leadToken()).get(NEEDS + "?projectId=" + w.project()).then().statusCode(200)
                .body("items[0].pledged", is("190")).body("items[0].delivered", is("40")).body("items[0].coveragePercent", is("95"));
        JsonNode summary = Fixtures.currentSummary(w.project());
        assertThat(summary.path("data").path("needs").get(0).path("pledged").asText()).isEqualTo("190");
        assertThat(summary.path("data").path("needs").get(0).path("coveragePercent").asText()).isEqualTo("95");

        Map<String, Object> mismatch = pledge(w.project(), "FUNDING", "1", "EUR");
        mismatch.put("needId", needId);
        as(w.aToken()).body(mismatch).post("/api/v1/contributions").then().statusCode(400)
                .body("errors.field", hasItem("needId")).body("detail", containsString("same type and unit"));
        assertThat(aId).isNotNull();
    }

    @Test
    void shouldLetOnlyTheLeadDeclareNeeds() {
        World w = Fixtures.world();
        as(w.aToken()).body(need(w.project(), "FUNDING", "10")).post(NEEDS).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("lead"));
        as(w.outsiderToken()).body(need(w.project(), "FUNDING", "10")).post(NEEDS).then().statusCode(404);
        as(Tokens.auditor()).body(need(w.project(), "FUNDING", "10")).post(NEEDS).then().statusCode(403);
        given().contentType("application/json").body(need(w.project(), "FUNDING", "10")).post(NEEDS).then().statusCode(401);
        as(w.leadToken()).get(NEEDS + "?projectId=" + w.project()).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldPageThroughAProjectsNeedsOldestFirst() {
        World w = Fixtures.world();
        List<String> ids = new java.util.ArrayList<>();
        for (String type : List.of("FACILITY", "FUNDING", "EXPERTISE")) {
            ids.add(as(w.leadToken()).body(need(w.project(), type, "3")).post(NEEDS).then().statusCode(201).extract().path("id"));
        }
        String next = as(w.aToken()).queryParam("projectId", w.project().toString()).queryParam("limit", 2).get(NEEDS)
                .then().statusCode(200).body("items.id", is(ids.subList(0, 2))).body("next", org.hamcrest.Matchers.notNullValue())
                .extract().path("next");
        as(w.aToken()).queryParam("projectId", w.project().toString()).queryParam("limit", 2).queryParam("cursor", next).get(NEEDS)
                .then().statusCode(200).body("items.id", is(ids.subList(2, 3))).body("next", org.hamcrest.Matchers.nullValue());
        as(w.aToken()).queryParam("projectId", w.project().toString()).queryParam("limit", 101).get(NEEDS)
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        as(w.aToken()).queryParam("projectId", w.project().toString()).queryParam("cursor", "garbage!").get(NEEDS)
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void shouldShowNeedsToParticipantsAndAuditorsOnly() {
        World w = Fixtures.world();
        as(w.leadToken()).body(need(w.project(), "FACILITY", "3")).post(NEEDS).then().statusCode(201);
        as(w.aToken()).get(NEEDS + "?projectId=" + w.project()).then().statusCode(200).body("items", hasSize(1));
        as(Tokens.auditor()).get(NEEDS + "?projectId=" + w.project()).then().statusCode(200).body("items", hasSize(1));
        as(w.outsiderToken()).get(NEEDS + "?projectId=" + w.project()).then().statusCode(404);
        given().get(NEEDS + "?projectId=" + w.project()).then().statusCode(401);
        as(w.aToken()).get(NEEDS).then().statusCode(400).body("errors.field", hasItem("projectId"));
        as(w.aToken()).get(NEEDS + "?projectId=nope").then().statusCode(400).body("errors.field", hasItem("projectId"));
        as(w.aToken()).get(NEEDS + "?projectId=" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldListEveryInvalidFieldOfANeed() {
        World w = Fixtures.world();
        Map<String, Object> invalid = new HashMap<>(Map.of("quantity", "0", "unit", ""));
        as(w.leadToken()).body(invalid).post(NEEDS).then().statusCode(400)
                .body("errors.field", hasItems("projectId", "type", "quantity", "unit"));
        Map<String, Object> sneaky = need(w.project(), "FUNDING", "10");
        sneaky.put("pledged", "10");
        as(w.leadToken()).body(sneaky).post(NEEDS).then().statusCode(400).body("errors.field", hasItem("pledged"));
    }

    static Map<String, Object> need(UUID project, String type, String quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectId", project.toString());
        body.put("type", type);
        body.put("quantity", quantity);
        body.put("unit", "FUNDING".equals(type) ? "EUR" : "hours");
        body.put("dimension", "HOUSING");
        body.put("description", "what the project needs");
        return body;
    }
}
