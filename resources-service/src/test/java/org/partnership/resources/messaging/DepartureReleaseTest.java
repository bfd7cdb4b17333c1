package org.partnership.resources.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.resources.Fixtures;
import org.partnership.resources.Fixtures.World;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Tokens;
import org.partnership.testsupport.Topics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.partnership.testsupport.Tokens.as;

/**
 * Issue #19, hole 3: a partner that left a project no longer carries its risks. Through the real broker: projects.v1
 * says the partner withdrew, its shares are released, the risk is no longer fully allocated, resources.v1 says so
 * (allocation-released and the summary readiness reads), and the lead's reallocation closes the release.
 */
@QuarkusTest
class DepartureReleaseTest {

    static final String RISKS = "/api/v1/risks";

    @Test
    void shouldReleaseTheSharesOfAPartnerThatWithdrewAndAskTheLeadToReallocate() {
        World w = Fixtures.world();
        String risk = as(w.aToken()).body(risk(w)).post(RISKS).then().statusCode(201).extract().path("id");
        as(w.leadToken()).header("If-Match", "\"0\"").body(List.of(Map.of("partnerId", w.a().toString(), "sharePercent", "60"),
                Map.of("partnerId", w.b().toString(), "sharePercent", "40"))).put(RISKS + "/" + risk + "/allocations")
                .then().statusCode(200).body("allocatedPercent", is("100"));

        Map<java.util.UUID, String> others = new LinkedHashMap<>();
        others.put(w.b(), "WITHDRAWN");
        others.put(w.a(), "ACCEPTED");
        String withdrew = Fixtures.projectEvent("partnership.participant.withdrew.v1", w.project(), "Project " + w.project(),
                w.lead(), "ACTIVE", 4, others);
        Topics.send("projects.v1", w.project().toString(), withdrew);

        await().atMost(Fixtures.PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(w.leadToken()).get(RISKS + "/" + risk).then().statusCode(200).body("allocatedPercent", is("60")));
        as(w.aToken()).get(RISKS + "/" + risk).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("allocations.partnerId", is(List.of(w.a().toString())))
                .body("reallocationNeeded", is(true))
                .body("releasedShares.partnerId", is(List.of(w.b().toString())))
                .body("releasedShares[0].sharePercent", is("40"))
                .body("releasedShares[0].reason", is("the partner withdrew from the project"))
                .body("releasedShares[0].releasedBy", is("projects.v1 partnership.participant.withdrew.v1"))
                .body("releaseHistory.partnerId", is(List.of(w.b().toString())));
        // the project's list of risks (a page) says the same as the risk itself
        as(w.leadToken()).get(RISKS + "?projectId=" + w.project()).then().statusCode(200)
                .body("items.find { it.id == '" + risk + "' }.reallocationNeeded", is(true))
                .body("items.find { it.id == '" + risk + "' }.releasedShares.partnerId", is(List.of(w.b().toString())));
        assertThat(Database.rows("select cause_event_id from risk_allocation_release where risk_id = cast(? as uuid)", risk))
                .containsExactly(Map.of("cause_event_id", EventContracts.id(withdrew)));

        JsonNode released = Fixtures.exactly(risk, "partnership.risk.allocation-released.v1", 1).get(0);
        assertThat(released.path("data").path("allocatedPercent").asText()).isEqualTo("60");
        // caused by the consumed projects.v1 event, done by the system as that consumer (#22)
        assertThat(released.path("actor").path("sub").asText()).isEqualTo("system:resources-service-projects");
        assertThat(released.path("causationid").asText()).isEqualTo(EventContracts.id(withdrew));
        assertThat(released.path("correlationid").asText()).isEqualTo(EventContracts.json(withdrew).path("correlationid").asText());
        assertThat(released.path("data").path("released").get(0).path("partnerId").asText()).isEqualTo(w.b().toString());
        assertThat(released.path("data").path("reallocationNeeded").asBoolean()).isTrue();
        JsonNode summary = Fixtures.currentSummary(w.project()).path("data");
        assertThat(summary.path("unallocatedOpenRisks").get(0).path("riskId").asText()).isEqualTo(risk);
        assertThat(summary.path("unallocatedOpenRisks").get(0).path("allocatedPercent").asText()).isEqualTo("60");
        assertThat(summary.path("reallocationNeeded").get(0).path("released").get(0).path("partnerId").asText())
                .isEqualTo(w.b().toString());

        // the same event again changes nothing (inbox), and the departed partner cannot be given a share again
        Topics.send("projects.v1", w.project().toString(), withdrew);
        as(w.leadToken()).header("If-Match", "\"2\"").body(List.of(Map.of("partnerId", w.a().toString(), "sharePercent", "60"),
                Map.of("partnerId", w.b().toString(), "sharePercent", "40"))).put(RISKS + "/" + risk + "/allocations")
                .then().statusCode(400);
        as(w.leadToken()).header("If-Match", "\"2\"").body(List.of(Map.of("partnerId", w.a().toString(), "sharePercent", "100")))
                .put(RISKS + "/" + risk + "/allocations").then().statusCode(200)
                .body("allocatedPercent", is("100")).body("reallocationNeeded", is(false)).body("releasedShares.size()", is(0));
        as(Tokens.auditor()).get(RISKS + "/" + risk).then().statusCode(200)
                .body("releaseHistory[0].reallocatedAt", org.hamcrest.Matchers.notNullValue())
                .body("releasedShares[0]", nullValue());
        JsonNode after = Fixtures.currentSummary(w.project()).path("data");
        assertThat(after.path("unallocatedOpenRisks").size()).isZero();
        assertThat(after.path("reallocationNeeded").size()).isZero();
        assertThat(Database.longValue("select count(*) from risk_allocation_release where risk_id = ?", java.util.UUID.fromString(risk)))
                .isEqualTo(1);
        Fixtures.exactly(risk, "partnership.risk.allocation-released.v1", 1);
    }

    @Test
    void shouldNotReleaseAnythingWhileThePartnerIsStillAccepted() {
        World w = Fixtures.world();
        String risk = as(w.aToken()).body(risk(w)).post(RISKS).then().statusCode(201).extract().path("id");
        as(w.leadToken()).header("If-Match", "\"0\"").body(List.of(Map.of("partnerId", w.a().toString(), "sharePercent", "60"),
                Map.of("partnerId", w.b().toString(), "sharePercent", "40"))).put(RISKS + "/" + risk + "/allocations")
                .then().statusCode(200);
        Fixtures.project(w.project(), "Renamed", w.lead(), "ACTIVE", 4, Map.of(w.a(), "ACCEPTED", w.b(), "ACCEPTED"));
        Fixtures.awaitProject(w.project(), 4);
        as(w.leadToken()).get(RISKS + "/" + risk).then().statusCode(200).body("allocatedPercent", is("100"))
                .body("reallocationNeeded", is(false)).header("ETag", "\"1\"");
    }

    @Test
    void shouldListTheOpenPledgesOfAPartnerThatLeftForTheLeadOnly() {
        World w = Fixtures.world();
        String open = as(w.bToken()).body(Fixtures.pledge(w.project(), "FUNDING", "5000", "EUR")).post("/api/v1/contributions")
                .then().statusCode(201).extract().path("id");
        String withdrawn = as(w.bToken()).body(Fixtures.pledge(w.project(), "EQUIPMENT", "2", "laptops")).post("/api/v1/contributions")
                .then().statusCode(201).extract().path("id");
        as(w.bToken()).body(Map.of("reason", "leaving")).post("/api/v1/contributions/" + withdrawn + "/withdraw").then().statusCode(200);
        as(w.aToken()).body(Fixtures.pledge(w.project(), "VOLUNTEER_HOURS", "10", "hours")).post("/api/v1/contributions")
                .then().statusCode(201);
        as(w.leadToken()).get(DEPARTED + w.project()).then().statusCode(200).body("items.size()", is(0)).body("next", nullValue());

        Map<java.util.UUID, String> others = new LinkedHashMap<>();
        others.put(w.b(), "WITHDRAWN");
        others.put(w.a(), "ACCEPTED");
        Topics.send("projects.v1", w.project().toString(), Fixtures.projectEvent("partnership.participant.withdrew.v1", w.project(),
                "Project " + w.project(), w.lead(), "OPEN", 4, others));
        Fixtures.awaitProject(w.project(), 4);

        as(w.leadToken()).get(DEPARTED + w.project()).then().statusCode(200)
                .body("items.id", is(List.of(open))).body("items[0].partnerId", is(w.b().toString()))
                .body("items[0].status", is("PLEDGED")).body("next", nullValue());
        as(Tokens.auditor()).get(DEPARTED + w.project() + "&limit=1").then().statusCode(200).body("items.id", is(List.of(open)));
        as(w.aToken()).get(DEPARTED + w.project()).then().statusCode(403);
        as(w.bToken()).get(DEPARTED + w.project()).then().statusCode(404);
        as(w.outsiderToken()).get(DEPARTED + w.project()).then().statusCode(404);
        as(w.leadToken()).get("/api/v1/commitments/departed").then().statusCode(400);
        as(w.leadToken()).get(DEPARTED + w.project() + "&cursor=nonsense").then().statusCode(400);
        io.restassured.RestAssured.given().get(DEPARTED + w.project()).then().statusCode(401);
    }

    static final String DEPARTED = "/api/v1/commitments/departed?projectId=";

    static Map<String, Object> risk(World w) {
        return Map.of("projectId", w.project().toString(), "category", "FINANCIAL", "title", "Funding gap in year 2",
                "likelihood", 3, "impact", 4, "ownerPartnerId", w.a().toString());
    }
}
