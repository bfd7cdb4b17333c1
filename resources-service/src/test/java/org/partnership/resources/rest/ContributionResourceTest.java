package org.partnership.resources.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.partnership.resources.Fixtures;
import org.partnership.resources.Fixtures.World;
import org.partnership.resources.service.OverdueJob;
import org.partnership.testsupport.Tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.partnership.resources.Fixtures.as;
import static org.partnership.resources.Fixtures.pledge;

/** The contribution ledger over HTTP with real tokens, PostgreSQL and Kafka: the lifecycle and every refusal. */
@QuarkusTest
class ContributionResourceTest {

    static final String CONTRIBUTIONS = "/api/v1/contributions";

    @Inject
    OverdueJob overdueJob;

    // ---------------------------------------------------------------- lifecycle

    @Test
    void shouldTakeAPledgeThroughPartialDeliveryToFulfilmentWithValidEvents() {
        World w = Fixtures.world();
        String needId = as(w.leadToken()).body(Map.of("projectId", w.project().toString(), "type", "VOLUNTEER_HOURS",
                "quantity", "400", "unit", "hours")).post("/api/v1/needs").then().statusCode(201).extract().path("id");
        Map<String, Object> body = pledge(w.project(), "VOLUNTEER_HOURS", "120", "hours");
        body.put("needId", needId);
        body.put("valuation", Map.of("amount", "1800.00", "currency", "GBP"));
        body.put("dueDate", LocalDate.now(ZoneOffset.UTC).plusMonths(3).toString());

        String id = as(w.aToken()).body(body).post(CONTRIBUTIONS).then().statusCode(201)
                .header("Location", containsString(CONTRIBUTIONS + "/"))
                .header("ETag", "\"0\"")
                .body("status", is("PLEDGED")).body("partnerId", is(w.a().toString()))
                .body("quantity", is("120")).body("delivered", is("0")).body("remaining", is("120"))
                .body("valuation.amount", is("1800.00")).body("valuation.currency", is("GBP"))
                .body("overdue", is(false))
                .extract().path("id");

        String deliveryId = as(w.aToken()).body(delivery("50")).post(CONTRIBUTIONS + "/" + id + "/deliveries")
                .then().statusCode(201)
                .body("delivery.quantity", is("50")).body("delivery.review", is("UNREVIEWED"))
                .body("contribution.status", is("PARTIALLY_DELIVERED"))
                .body("contribution.delivered", is("50")).body("contribution.remaining", is("70"))
                .extract().path("delivery.id");
        as(w.leadToken()).get("/api/v1/needs?projectId=" + w.project()).then().statusCode(200)
                .body("[0].pledged", is("120")).body("[0].delivered", is("50")).body("[0].coveragePercent", is("30"));

        as(w.aToken()).body(delivery("70")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(201)
                .body("contribution.status", is("FULFILLED")).body("contribution.remaining", is("0"));
        as(w.aToken()).get(CONTRIBUTIONS + "/" + id).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", is("FULFILLED")).body("delivered", is("120"))
                .body("deliveries", hasSize(2)).body("deliveries[0].id", is(deliveryId));

        JsonNode pledged = Fixtures.exactly(id, "partnership.contribution.pledged.v1", 1).get(0);
        assertThat(pledged.path("subject").asText()).isEqualTo(id);
        assertThat(pledged.path("data").path("valuation").path("amount").asText()).isEqualTo("1800.00");
        List<JsonNode> delivered = Fixtures.events(id, "partnership.contribution.delivered.v1", 2);
        assertThat(delivered).extracting(e -> e.path("data").path("delivery").path("quantity").asText()).containsExactly("50", "70");
        assertThat(Fixtures.exactly(id, "partnership.contribution.fulfilled.v1", 1).get(0).path("data").path("status").asText())
                .isEqualTo("FULFILLED");
        JsonNode summary = Fixtures.currentSummary(w.project());
        assertThat(summary.path("data").path("needs").get(0).path("delivered").asText()).isEqualTo("120");
        assertThat(summary.path("data").path("needs").get(0).path("coveragePercent").asText()).isEqualTo("30");
    }

    @Test
    void shouldRefuseOverDeliveryAndChangeNothing() {
        World w = Fixtures.world();
        String id = pledgeAs(w.aToken(), pledge(w.project(), "STAFF_HOURS", "10.5", "hours"));
        as(w.aToken()).body(delivery("10")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(201);

        as(w.aToken()).body(delivery("0.5001")).post(CONTRIBUTIONS + "/" + id + "/deliveries")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:over-delivery"))
                .body("detail", containsString("only 0.5 hours remain"));
        as(w.aToken()).get(CONTRIBUTIONS + "/" + id).then().statusCode(200)
                .body("delivered", is("10")).body("remaining", is("0.5")).body("deliveries", hasSize(1))
                .body("status", is("PARTIALLY_DELIVERED"));
        as(w.aToken()).body(delivery("0.5")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(201)
                .body("contribution.status", is("FULFILLED"));
        as(w.aToken()).body(delivery("0.1")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(409)
                .body("type", is("urn:partnership:problem:contribution-closed"));
    }

    @Test
    void shouldWithdrawTheUndeliveredRemainderWithAReason() {
        World w = Fixtures.world();
        String id = pledgeAs(w.aToken(), pledge(w.project(), "EQUIPMENT", "8", "laptops"));
        as(w.aToken()).body(delivery("3")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(201);

        as(w.aToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/withdraw").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(w.aToken()).header("If-Match", "\"0\"").body(Map.of("reason", "budget cut")).post(CONTRIBUTIONS + "/" + id + "/withdraw")
                .then().statusCode(412);
        as(w.aToken()).header("If-Match", "\"1\"").body(Map.of("reason", "budget cut")).post(CONTRIBUTIONS + "/" + id + "/withdraw")
                .then().statusCode(200)
                .body("status", is("WITHDRAWN")).body("delivered", is("3")).body("withdrawn", is("5"))
                .body("remaining", is("0")).body("quantity", is("8")).body("withdrawalReason", is("budget cut"));
        as(w.aToken()).body(Map.of("reason", "again")).post(CONTRIBUTIONS + "/" + id + "/withdraw").then().statusCode(409);
        as(w.aToken()).body(delivery("1")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(409);

        JsonNode withdrawn = Fixtures.exactly(id, "partnership.contribution.withdrawn.v1", 1).get(0);
        assertThat(withdrawn.path("data").path("reason").asText()).isEqualTo("budget cut");
        assertThat(withdrawn.path("data").path("delivered").asText()).isEqualTo("3");
    }

    @Test
    void shouldFlagOverdueOnReadAndLetTheDailyJobNotifyOnce() throws Throwable {
        World w = Fixtures.world();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = pledge(w.project(), "FUNDING", "5000", "EUR");
        body.put("dueDate", today.plusDays(1).toString());
        String id = pledgeAs(w.aToken(), body);
        Map<String, Object> past = new HashMap<>(body);
        past.put("dueDate", today.minusDays(1).toString());
        as(w.aToken()).body(past).post(CONTRIBUTIONS).then().statusCode(400).body("errors.field", hasItem("dueDate"));

        QuarkusMock.installMockForType(Clock.fixed(today.plusDays(3).atTime(3, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC), Clock.class);

        as(w.aToken()).get(CONTRIBUTIONS + "/" + id).then().statusCode(200).body("overdue", is(true));
        as(w.aToken()).queryParam("overdue", "true").get(CONTRIBUTIONS).then().statusCode(200)
                .body("items.id", hasItem(id));
        as(w.aToken()).queryParam("overdue", "false").get(CONTRIBUTIONS).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> overdueJob.run())).isGreaterThanOrEqualTo(1);
        VertxContextSupport.subscribeAndAwait(() -> overdueJob.run());

        JsonNode overdue = Fixtures.exactly(id, "partnership.contribution.overdue.v1", 1).get(0);
        assertThat(overdue.path("data").path("status").asText()).isEqualTo("PLEDGED");
        as(w.aToken()).body(delivery("5000", today.plusDays(2))).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(201)
                .body("contribution.overdue", is(false));
    }

    // ---------------------------------------------------------------- who may pledge

    @Test
    void shouldRefuseAPledgeByANonParticipantOrForAProjectThatIsNotOpen() {
        World w = Fixtures.world();
        as(w.outsiderToken()).body(pledge(w.project(), "FUNDING", "10", "EUR")).post(CONTRIBUTIONS)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("not an accepted participant"));
        as(w.aToken()).body(pledge(UUID.randomUUID(), "FUNDING", "10", "EUR")).post(CONTRIBUTIONS).then().statusCode(404);

        Fixtures.project(w.project(), "Project", w.lead(), "COMPLETED", 4, Map.of(w.a(), "ACCEPTED", w.b(), "ACCEPTED"));
        Fixtures.awaitProject(w.project(), 4);
        as(w.aToken()).body(pledge(w.project(), "FUNDING", "10", "EUR")).post(CONTRIBUTIONS)
                .then().statusCode(409).body("type", is("urn:partnership:problem:project-not-open"))
                .body("detail", containsString("COMPLETED"));
    }

    @Test
    void shouldRefuseAPledgeByASuspendedPartnerOrForAnotherPartner() {
        World w = Fixtures.world();
        as(w.aToken()).body(withPartner(pledge(w.project(), "FUNDING", "10", "EUR"), w.b())).post(CONTRIBUTIONS)
                .then().statusCode(403).body("detail", containsString("only for it"));

        Fixtures.partner(w.a(), "THIRD_SECTOR", "SUSPENDED", 2);
        Fixtures.awaitPartner(w.a(), 2);
        as(w.aToken()).body(pledge(w.project(), "FUNDING", "10", "EUR")).post(CONTRIBUTIONS)
                .then().statusCode(403).body("detail", containsString("SUSPENDED"));
    }

    @Test
    void shouldRefuseWritesByAuditorsAndUsersWithoutARole() {
        World w = Fixtures.world();
        as(Tokens.auditor()).body(pledge(w.project(), "FUNDING", "10", "EUR")).post(CONTRIBUTIONS).then().statusCode(403);
        as(Tokens.user("nobody").partner(w.a()).sign()).body(pledge(w.project(), "FUNDING", "10", "EUR")).post(CONTRIBUTIONS)
                .then().statusCode(403);
        as(Tokens.user("nobody").partner(w.a()).sign()).get(CONTRIBUTIONS).then().statusCode(403);
    }

    @Test
    void shouldRequireAValidToken() {
        given().contentType("application/json").body(Map.of()).post(CONTRIBUTIONS).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        given().get(CONTRIBUTIONS + "/" + UUID.randomUUID()).then().statusCode(401);
        as(Tokens.user("forger").roles("partner-rep").partner(UUID.randomUUID()).forged().sign()).get(CONTRIBUTIONS)
                .then().statusCode(401);
    }

    // ---------------------------------------------------------------- who sees and changes what

    @Test
    void shouldShowAContributionToItsPartnerTheLeadAndAuditorsOnly() {
        World w = Fixtures.world();
        String id = pledgeAs(w.aToken(), pledge(w.project(), "EXPERTISE", "20", "days"));

        as(w.aToken()).get(CONTRIBUTIONS + "/" + id).then().statusCode(200);
        as(w.leadToken()).get(CONTRIBUTIONS + "/" + id).then().statusCode(200);
        as(Tokens.auditor()).get(CONTRIBUTIONS + "/" + id).then().statusCode(200);
        as(w.bToken()).get(CONTRIBUTIONS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(w.outsiderToken()).get(CONTRIBUTIONS + "/" + id).then().statusCode(404);
        as(w.aToken()).get(CONTRIBUTIONS + "/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    void shouldListOnlyOwnContributionsExceptForTheLeadAndAuditors() {
        World w = Fixtures.world();
        String mine = pledgeAs(w.aToken(), pledge(w.project(), "FUNDING", "100", "EUR"));
        String theirs = pledgeAs(w.bToken(), pledge(w.project(), "FUNDING", "200", "EUR"));
        String projectId = w.project().toString();

        as(w.aToken()).queryParam("projectId", projectId).get(CONTRIBUTIONS).then().statusCode(200)
                .body("items.id", hasItems(mine)).body("items.id", not(hasItem(theirs)));
        as(w.aToken()).queryParam("projectId", projectId).queryParam("partnerId", w.b().toString()).get(CONTRIBUTIONS)
                .then().statusCode(403);
        as(w.leadToken()).queryParam("projectId", projectId).get(CONTRIBUTIONS).then().statusCode(200)
                .body("items", hasSize(2)).body("items.id", hasItems(mine, theirs));
        as(Tokens.auditor()).queryParam("projectId", projectId).get(CONTRIBUTIONS).then().statusCode(200)
                .body("items", hasSize(2));
        as(w.outsiderToken()).queryParam("projectId", projectId).get(CONTRIBUTIONS).then().statusCode(404);
        as(w.leadToken()).queryParam("projectId", projectId).queryParam("limit", 1).get(CONTRIBUTIONS).then().statusCode(200)
                .body("items.id", is(List.of(mine))).body("next", not(nullValue()));
        as(w.aToken()).queryParam("status", "DONE").get(CONTRIBUTIONS).then().statusCode(400).body("errors.field", hasItem("status"));
        as(w.aToken()).queryParam("cursor", "garbage").get(CONTRIBUTIONS).then().statusCode(400);
    }

    @Test
    void shouldLetOnlyTheContributingPartnerDeliverOrWithdraw() {
        World w = Fixtures.world();
        String id = pledgeAs(w.aToken(), pledge(w.project(), "FACILITY", "12", "room-days"));

        as(w.leadToken()).body(delivery("1")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(403);
        as(w.bToken()).body(delivery("1")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(404);
        as(w.leadToken()).body(Map.of("reason", "x")).post(CONTRIBUTIONS + "/" + id + "/withdraw").then().statusCode(403);
        as(w.bToken()).body(Map.of("reason", "x")).post(CONTRIBUTIONS + "/" + id + "/withdraw").then().statusCode(404);
        as(Tokens.auditor()).body(delivery("1")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(403);
        as(w.aToken()).get(CONTRIBUTIONS + "/" + id).then().body("delivered", is("0"));
    }

    @Test
    void shouldLetOnlyTheLeadConfirmOrDisputeADeliveryOnce() {
        World w = Fixtures.world();
        String id = pledgeAs(w.aToken(), pledge(w.project(), "IN_KIND", "100", "parcels"));
        String first = as(w.aToken()).body(delivery("40")).post(CONTRIBUTIONS + "/" + id + "/deliveries")
                .then().statusCode(201).extract().path("delivery.id");
        String second = as(w.aToken()).body(delivery("10")).post(CONTRIBUTIONS + "/" + id + "/deliveries")
                .then().statusCode(201).extract().path("delivery.id");
        String confirm = CONTRIBUTIONS + "/" + id + "/deliveries/" + first + "/confirm";

        as(w.aToken()).body(Map.of()).post(confirm).then().statusCode(403);
        as(w.bToken()).body(Map.of()).post(confirm).then().statusCode(404);
        as(w.leadToken()).body(Map.of("note", "counted")).post(confirm).then().statusCode(200)
                .body("review", is("CONFIRMED")).body("reviewNote", is("counted"));
        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + first + "/dispute").then().statusCode(409);
        as(w.leadToken()).body(Map.of("note", "only 5 arrived")).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + second + "/dispute")
                .then().statusCode(200).body("review", is("DISPUTED"));
        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + UUID.randomUUID() + "/confirm")
                .then().statusCode(404);
        as(w.aToken()).get(CONTRIBUTIONS + "/" + id).then().body("deliveries.review", is(List.of("CONFIRMED", "DISPUTED")))
                .body("delivered", is("50"));
    }

    // ---------------------------------------------------------------- bodies and retries

    @Test
    void shouldListEveryInvalidFieldOfAPledge() {
        World w = Fixtures.world();
        Map<String, Object> invalid = new HashMap<>();
        invalid.put("type", "MONEY");
        as(w.aToken()).body(invalid).post(CONTRIBUTIONS).then().statusCode(400).body("errors.field", hasItem("type"));
        invalid = new HashMap<>(Map.of("quantity", "-1", "unit", " ",
                "valuation", Map.of("amount", "12.12345", "currency", "XYZ")));
        as(w.aToken()).body(invalid).post(CONTRIBUTIONS).then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:validation"))
                .body("errors.field", hasItems("projectId", "type", "quantity", "unit", "valuation.amount", "valuation.currency"));
        Map<String, Object> sneaky = new HashMap<>(pledge(w.project(), "FUNDING", "1", "EUR"));
        sneaky.put("status", "FULFILLED");
        as(w.aToken()).body(sneaky).post(CONTRIBUTIONS).then().statusCode(400).body("errors.field", hasItem("status"));
        Map<String, Object> wrongNeed = new HashMap<>(pledge(w.project(), "FUNDING", "1", "EUR"));
        wrongNeed.put("needId", UUID.randomUUID().toString());
        as(w.aToken()).body(wrongNeed).post(CONTRIBUTIONS).then().statusCode(400).body("errors.field", hasItem("needId"));
        as(w.aToken()).body("{\"quantity\": ").post(CONTRIBUTIONS).then().statusCode(400)
                .body("type", is("urn:partnership:problem:malformed-json"));
        as(w.aToken()).body(Map.of("quantity", "0", "deliveredOn", "yesterday")).post(CONTRIBUTIONS + "/" + UUID.randomUUID() + "/deliveries")
                .then().statusCode(400).body("errors.field", hasItem("deliveredOn"));
    }

    @Test
    void shouldPledgeAndDeliverOncePerIdempotencyKey() {
        World w = Fixtures.world();
        String key = "pledge-" + UUID.randomUUID();
        Map<String, Object> body = pledge(w.project(), "VOLUNTEER_HOURS", "30", "hours");

        String first = as(w.aToken()).header("Idempotency-Key", key).body(body).post(CONTRIBUTIONS)
                .then().statusCode(201).extract().path("id");
        String again = as(w.aToken()).header("Idempotency-Key", key).body(body).post(CONTRIBUTIONS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"0\"")
                .header("Location", containsString(first)).extract().path("id");
        assertThat(again).isEqualTo(first);
        Map<String, Object> different = new HashMap<>(body);
        different.put("quantity", "31");
        as(w.aToken()).header("Idempotency-Key", key).body(different).post(CONTRIBUTIONS).then().statusCode(422)
                .contentType("application/problem+json");
        as(w.aToken()).queryParam("projectId", w.project().toString()).get(CONTRIBUTIONS).then().body("items", hasSize(1));

        String deliveryKey = "delivery-" + UUID.randomUUID();
        String d1 = as(w.aToken()).header("Idempotency-Key", deliveryKey).body(delivery("10")).post(CONTRIBUTIONS + "/" + first + "/deliveries")
                .then().statusCode(201).extract().path("delivery.id");
        String d2 = as(w.aToken()).header("Idempotency-Key", deliveryKey).body(delivery("10")).post(CONTRIBUTIONS + "/" + first + "/deliveries")
                .then().statusCode(201).extract().path("delivery.id");
        assertThat(d2).isEqualTo(d1);
        as(w.aToken()).header("Idempotency-Key", deliveryKey).body(delivery("11")).post(CONTRIBUTIONS + "/" + first + "/deliveries")
                .then().statusCode(422);
        as(w.aToken()).get(CONTRIBUTIONS + "/" + first).then().body("delivered", is("10")).body("deliveries", hasSize(1));
        Fixtures.exactly(first, "partnership.contribution.pledged.v1", 1);
        Fixtures.exactly(first, "partnership.contribution.delivered.v1", 1);
    }

    // ---------------------------------------------------------------- helpers

    static String pledgeAs(String token, Map<String, Object> body) {
        return as(token).body(body).post(CONTRIBUTIONS).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> delivery(String quantity) {
        return delivery(quantity, LocalDate.now(ZoneOffset.UTC));
    }

    static Map<String, Object> delivery(String quantity, LocalDate on) {
        return Map.of("quantity", quantity, "deliveredOn", on.toString(), "note", "handed over", "evidence", "DOC-" + quantity);
    }

    static Map<String, Object> withPartner(Map<String, Object> body, UUID partner) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("partnerId", partner.toString());
        return copy;
    }

    static Duration patience() {
        return Fixtures.PATIENCE;
    }
}
