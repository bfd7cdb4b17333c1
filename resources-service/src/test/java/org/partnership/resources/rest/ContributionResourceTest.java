package org.partnership.resources.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.partnership.resources.Fixtures;
import org.partnership.resources.Fixtures.World;
import org.partnership.resources.service.AutoConfirmJob;
import org.partnership.resources.service.OverdueJob;
import org.partnership.testsupport.Tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import static org.partnership.resources.Fixtures.pledge;
import static org.partnership.testsupport.Tokens.as;

/** The contribution ledger over HTTP with real tokens, PostgreSQL and Kafka: the lifecycle and every refusal. */
@QuarkusTest
class ContributionResourceTest {

    static final String CONTRIBUTIONS = "/api/v1/contributions";

    @Inject
    OverdueJob overdueJob;

    @Inject
    AutoConfirmJob autoConfirmJob;

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
                .body("items[0].pledged", is("120")).body("items[0].delivered", is("50")).body("items[0].coveragePercent", is("30"));

        String secondId = as(w.aToken()).body(delivery("70")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(201)
                .body("contribution.status", is("DELIVERED")).body("contribution.remaining", is("0"))
                .body("contribution.confirmed", is("0")).extract().path("delivery.id");
        // FULFILLED means confirmed >= pledged: everything recorded is not enough
        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + deliveryId + "/confirm").then().statusCode(200)
                .header("ETag", "\"3\"").body("contribution.status", is("DELIVERED")).body("contribution.confirmed", is("50"));
        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + secondId + "/confirm").then().statusCode(200)
                .body("contribution.status", is("FULFILLED")).body("contribution.confirmed", is("120"));
        as(w.aToken()).get(CONTRIBUTIONS + "/" + id).then().statusCode(200)
                .header("ETag", "\"4\"")
                .body("status", is("FULFILLED")).body("delivered", is("120")).body("confirmed", is("120")).body("disputed", is("0"))
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
        assertThat(summary.path("data").path("needs").get(0).path("confirmed").asText()).isEqualTo("120");
        assertThat(summary.path("data").path("needs").get(0).path("coveragePercent").asText()).isEqualTo("30");
        assertThat(summary.path("data").path("needs").get(0).path("confirmedPercent").asText()).isEqualTo("30");
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
                .body("contribution.status", is("DELIVERED"));
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
        assertThat(overdue.path("actor").path("sub").asText()).isEqualTo("system:overdue");
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
    void shouldLetOnlyTheRecipientSideConfirmOrDispute() {
        World w = Fixtures.world();
        String id = pledgeAs(w.aToken(), pledge(w.project(), "IN_KIND", "100", "parcels"));
        String first = as(w.aToken()).body(delivery("40")).post(CONTRIBUTIONS + "/" + id + "/deliveries")
                .then().statusCode(201).extract().path("delivery.id");
        String second = as(w.aToken()).body(delivery("10")).post(CONTRIBUTIONS + "/" + id + "/deliveries")
                .then().statusCode(201).extract().path("delivery.id");
        String confirm = CONTRIBUTIONS + "/" + id + "/deliveries/" + first + "/confirm";

        as(w.aToken()).body(Map.of()).post(confirm).then().statusCode(403)
                .body("detail", containsString("cannot confirm or dispute its own delivery"));
        as(w.bToken()).body(Map.of()).post(confirm).then().statusCode(404);
        as(Tokens.auditor()).body(Map.of()).post(confirm).then().statusCode(403);
        as(w.leadToken()).header("If-Match", "\"0\"").body(Map.of()).post(confirm).then().statusCode(412);
        as(w.leadToken()).header("If-Match", "\"2\"").body(Map.of("note", "counted")).post(confirm).then().statusCode(200)
                .header("ETag", "\"3\"")
                .body("delivery.review", is("CONFIRMED")).body("delivery.reviewNote", is("counted"))
                .body("delivery.reviewedAutomatically", is(false)).body("contribution.confirmed", is("40"));
        as(w.leadToken()).body(Map.of()).post(confirm).then().statusCode(409).body("type", is("urn:partnership:problem:already-reviewed"));
        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + first + "/dispute").then().statusCode(409);
        as(w.leadToken()).body(Map.of("note", "only 5 arrived")).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + second + "/dispute")
                .then().statusCode(200).body("delivery.review", is("DISPUTED"));
        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + second + "/dispute").then().statusCode(409);
        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + UUID.randomUUID() + "/confirm")
                .then().statusCode(404);
        as(w.aToken()).get(CONTRIBUTIONS + "/" + id).then().body("deliveries.review", is(List.of("CONFIRMED", "DISPUTED")));
    }

    @Test
    void shouldNotCountADisputedDeliveryUntilItIsConfirmed() {
        World w = Fixtures.world();
        String needId = as(w.leadToken()).body(Map.of("projectId", w.project().toString(), "type", "STAFF_HOURS",
                "quantity", "100", "unit", "hours")).post("/api/v1/needs").then().statusCode(201).extract().path("id");
        Map<String, Object> body = pledge(w.project(), "STAFF_HOURS", "10", "hours");
        body.put("needId", needId);
        body.put("valuation", Map.of("amount", "1000.00", "currency", "EUR"));
        String id = pledgeAs(w.aToken(), body);
        String first = as(w.aToken()).body(delivery("4")).post(CONTRIBUTIONS + "/" + id + "/deliveries")
                .then().statusCode(201).extract().path("delivery.id");
        String second = as(w.aToken()).body(delivery("6")).post(CONTRIBUTIONS + "/" + id + "/deliveries")
                .then().statusCode(201).body("contribution.status", is("DELIVERED")).extract().path("delivery.id");

        as(w.leadToken()).body(Map.of("note", "no timesheets")).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + second + "/dispute")
                .then().statusCode(200)
                .body("contribution.delivered", is("4")).body("contribution.disputed", is("6"))
                .body("contribution.confirmed", is("0")).body("contribution.remaining", is("0"))
                .body("contribution.status", is("DELIVERED"))
                .body("delivery.dispute.note", is("no timesheets"));
        // the dispute counts nowhere: not in the need's coverage, the totals, the fulfilment ratio or the summary
        as(w.leadToken()).get("/api/v1/needs?projectId=" + w.project()).then().statusCode(200)
                .body("items[0].delivered", is("4")).body("items[0].disputed", is("6")).body("items[0].confirmed", is("0"))
                .body("items[0].confirmedPercent", is("0"));
        as(w.aToken()).queryParam("projectId", w.project().toString()).get("/api/v1/commitments").then().statusCode(200)
                .body("partners[0].totals.byType[0].delivered", is("4")).body("partners[0].totals.byType[0].disputed", is("6"))
                .body("partners[0].totals.byType[0].confirmed", is("0"))
                .body("partners[0].totals.byCurrency[0].delivered", is("400.00"))
                .body("partners[0].totals.byCurrency[0].disputed", is("600.00"))
                .body("partners[0].fulfilmentRatio", is("0"));
        JsonNode disputedSummary = Fixtures.currentSummary(w.project()).path("data").path("needs").get(0);
        assertThat(disputedSummary.path("delivered").asText()).isEqualTo("4");
        assertThat(disputedSummary.path("disputed").asText()).isEqualTo("6");
        JsonNode disputed = Fixtures.exactly(id, "partnership.delivery.disputed.v1", 1).get(0);
        assertThat(disputed.path("data").path("delivery").path("deliveryId").asText()).isEqualTo(second);
        assertThat(disputed.path("data").path("delivered").asText()).isEqualTo("4");

        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + first + "/confirm").then().statusCode(200)
                .body("contribution.status", is("DELIVERED")).body("contribution.confirmed", is("4"));
        // resolved by a later confirmation: it counts again, and confirmed reaches the pledge
        as(w.leadToken()).body(Map.of("note", "timesheets found")).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + second + "/confirm")
                .then().statusCode(200)
                .body("contribution.status", is("FULFILLED")).body("contribution.delivered", is("10"))
                .body("contribution.confirmed", is("10")).body("contribution.disputed", is("0"))
                .body("delivery.review", is("CONFIRMED")).body("delivery.dispute.note", is("no timesheets"));
        as(w.aToken()).queryParam("projectId", w.project().toString()).get("/api/v1/commitments").then().statusCode(200)
                .body("partners[0].totals.byType[0].confirmed", is("10")).body("partners[0].fulfilmentRatio", is("1"));
        List<JsonNode> confirmed = Fixtures.exactly(id, "partnership.delivery.confirmed.v1", 2);
        assertThat(confirmed).extracting(e -> e.path("data").path("delivery").path("resolvedDispute").asBoolean())
                .containsExactly(false, true);
        assertThat(Fixtures.exactly(id, "partnership.contribution.fulfilled.v1", 1).get(0).path("data").path("confirmed").asText())
                .isEqualTo("10");
        assertThat(Fixtures.currentSummary(w.project()).path("data").path("needs").get(0).path("confirmed").asText()).isEqualTo("10");
    }

    @Test
    void shouldResolveADisputeByTheContributorsCorrection() {
        World w = Fixtures.world();
        String id = pledgeAs(w.aToken(), pledge(w.project(), "VOLUNTEER_HOURS", "10", "hours"));
        String wrong = as(w.aToken()).body(delivery("10")).post(CONTRIBUTIONS + "/" + id + "/deliveries")
                .then().statusCode(201).extract().path("delivery.id");
        as(w.leadToken()).body(Map.of("note", "8 hours on the rota")).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + wrong + "/dispute")
                .then().statusCode(200);

        // the disputed hours still take their room in the pledge: delivering again is not how a dispute is resolved
        as(w.aToken()).body(delivery("8")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(409)
                .body("detail", containsString("correct"));
        Map<String, Object> correction = new HashMap<>(delivery("8"));
        correction.put("corrects", UUID.randomUUID().toString());
        as(w.aToken()).body(correction).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(400)
                .body("errors.field", hasItem("corrects"));
        correction.put("corrects", wrong);
        as(w.leadToken()).body(correction).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(403);
        String corrected = as(w.aToken()).body(correction).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(201)
                .body("delivery.corrects", is(wrong)).body("delivery.review", is("UNREVIEWED"))
                .body("contribution.delivered", is("8")).body("contribution.disputed", is("0"))
                .body("contribution.remaining", is("2")).body("contribution.status", is("PARTIALLY_DELIVERED"))
                .extract().path("delivery.id");
        as(w.aToken()).body(correction).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(409)
                .body("type", is("urn:partnership:problem:not-disputed"));
        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + wrong + "/confirm").then().statusCode(409)
                .body("type", is("urn:partnership:problem:delivery-corrected"));
        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + corrected + "/confirm").then().statusCode(200)
                .body("contribution.confirmed", is("8")).body("contribution.status", is("PARTIALLY_DELIVERED"));
        as(w.aToken()).get(CONTRIBUTIONS + "/" + id).then().statusCode(200)
                .body("deliveries.review", is(List.of("DISPUTED", "CONFIRMED")))
                .body("deliveries[0].correctedBy", is(corrected));
        JsonNode delivered = Fixtures.exactly(id, "partnership.contribution.delivered.v1", 2).get(1);
        assertThat(delivered.path("data").path("delivery").path("corrects").asText()).isEqualTo(wrong);
    }

    @Test
    void shouldNotLetTheLeadReviewItsOwnDelivery() {
        World w = Fixtures.world();
        String id = pledgeAs(w.leadToken(), pledge(w.project(), "FACILITY", "2", "rooms"));
        String d = as(w.leadToken()).body(delivery("2")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(201)
                .extract().path("delivery.id");
        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + d + "/confirm").then().statusCode(403)
                .body("detail", containsString("confirmed automatically"));
        as(w.aToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + d + "/confirm").then().statusCode(404);
    }

    @Test
    void shouldConfirmUnreviewedDeliveriesAutomaticallyAfterTheReviewPeriod() throws Throwable {
        World w = Fixtures.world();
        String id = pledgeAs(w.aToken(), pledge(w.project(), "EQUIPMENT", "5", "laptops"));
        String old = as(w.aToken()).body(delivery("3")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(201)
                .extract().path("delivery.id");
        String disputed = as(w.aToken()).body(delivery("2")).post(CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(201)
                .extract().path("delivery.id");
        as(w.leadToken()).body(Map.of()).post(CONTRIBUTIONS + "/" + id + "/deliveries/" + disputed + "/dispute").then().statusCode(200);
        assertThat(autoConfirmJob.after()).isEqualTo(Duration.ofDays(14));

        Instant recorded = Instant.now();
        QuarkusMock.installMockForType(Clock.fixed(recorded.plus(Duration.ofDays(13)), ZoneOffset.UTC), Clock.class);
        VertxContextSupport.subscribeAndAwait(() -> autoConfirmJob.run());
        as(w.aToken()).get(CONTRIBUTIONS + "/" + id).then().statusCode(200).body("deliveries[0].review", is("UNREVIEWED"));

        QuarkusMock.installMockForType(Clock.fixed(recorded.plus(Duration.ofDays(14)).plusSeconds(60), ZoneOffset.UTC), Clock.class);
        assertThat(VertxContextSupport.subscribeAndAwait(() -> autoConfirmJob.run())).isGreaterThanOrEqualTo(1);
        VertxContextSupport.subscribeAndAwait(() -> autoConfirmJob.run());

        as(w.aToken()).get(CONTRIBUTIONS + "/" + id).then().statusCode(200)
                .body("confirmed", is("3")).body("disputed", is("2")).body("status", is("DELIVERED"))
                .body("deliveries[0].id", is(old)).body("deliveries[0].review", is("CONFIRMED"))
                .body("deliveries[0].reviewedBy", is("system:auto-confirm"))
                .body("deliveries[0].reviewedAutomatically", is(true))
                .body("deliveries[0].reviewNote", containsString("automatically"))
                .body("deliveries[1].review", is("DISPUTED"));
        JsonNode confirmed = Fixtures.exactly(id, "partnership.delivery.confirmed.v1", 1).get(0);
        assertThat(confirmed.path("data").path("delivery").path("automatic").asBoolean()).isTrue();
        assertThat(confirmed.path("actor").path("username").asText()).isEqualTo("system:auto-confirm");
        assertThat(confirmed.path("data").path("delivery").path("deliveryId").asText()).isEqualTo(old);
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
