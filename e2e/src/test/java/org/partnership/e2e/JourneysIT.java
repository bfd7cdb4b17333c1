package org.partnership.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnership.e2e.Organisations.Registration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/**
 * The three journeys of issue #9, interleaved the way they happen in a real partnership, all through the gateway with
 * real Keycloak tokens: a municipal coordinator sets up a housing and employment project and launches it once the
 * partnership is real; a third-sector organisation accepts, pledges volunteer hours and a room and records what it
 * delivered; a company accepts, pledges funding and expertise, and keeps track of its commitments across two
 * projects. Each step reads back what its user would see, including what only arrives through events.
 */
@Order(1)
@ExtendWith(Platform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysIT {

    private static final String CITY = "City of Riverside";
    private static final String CHARITY = "Open Doors Housing Association";
    private static final String COMPANY = "Nordlicht Energy AG";
    private static final String HOUSING_FIRST = "Housing First Riverside";
    private static final String JOBS = "Riverside Jobs Pathway";

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private Organisations.ThreeSectors partners;

    private String housing;
    private String jobs;
    private final Map<String, String> needs = new HashMap<>();
    private final Map<String, String> riskVersions = new HashMap<>();
    private String rentArrears;
    private String safeguarding;
    private String lowEnrolment;
    private String volunteering;
    private String funding;
    private String expertise;
    private String jobsFunding;

    /** Every change the journeys make, for the audit trail's check at the end. */
    private final WriteLog writes = new WriteLog();

    @BeforeAll
    void organisationsJoin() {
        io.restassured.RestAssured.filters(writes);
        partners = Organisations.ThreeSectors.join(
                id -> new Registration(CITY, "Municipality", "PUBLIC", "LOCAL", List.of("HOUSING", "EMPLOYMENT", "WELFARE")),
                id -> new Registration(CHARITY, "Registered charity", "THIRD_SECTOR", "LOCAL", List.of("HOUSING", "WELFARE")),
                id -> new Registration(COMPANY, "Aktiengesellschaft", "MARKET", "NATIONAL", List.of("EMPLOYMENT", "ENVIRONMENT")));
    }

    // ------------------------------------------------------------------------------------------------ journey 1

    @Test
    @Order(1)
    void coordinatorSetsUpAProjectAndSeesWhatIsMissing() {
        String token = partners.coordinator().token();
        housing = createAndOpen(token, HOUSING_FIRST, List.of("HOUSING", "EMPLOYMENT"));
        invite(token, housing, partners.charity(), "SERVICE_PROVIDER", "Would you run the tenancy support strand?")
                .then().body("participants.find { it.partnerId == '" + partners.charity() + "' }.sector", is("THIRD_SECTOR"))
                .body("participants.find { it.partnerId == '" + partners.charity() + "' }.status", is("INVITED"));
        invite(token, housing, partners.company(), "FUNDER", "Would you fund deposits and coach job seekers?");

        declareNeed(token, housing, "VOLUNTEER_HOURS", "200", "hours", "HOUSING", "Tenancy support visits");
        declareNeed(token, housing, "FACILITY", "1", "room", "EMPLOYMENT", "A room for the weekly job clinic");
        declareNeed(token, housing, "FUNDING", "25000", "EUR", "HOUSING", "Deposits and first month's rent");
        declareNeed(token, housing, "EXPERTISE", "40", "hours", "EMPLOYMENT", "Job coaching");
        rentArrears = registerRisk(token, housing, "FINANCIAL", "Rent arrears", 3, 4);
        safeguarding = registerRisk(token, housing, "SAFEGUARDING", "Safeguarding incident during visits", 2, 5);

        Eventually.holds(() -> {
            JsonPath readiness = readiness(token, housing);
            assertThat(readiness.getBoolean("ready")).isFalse();
            assertThat(failing(readiness))
                    .containsExactly("MIN_ACCEPTED_PARTICIPANTS", "CROSS_SECTOR", "NEEDS_COVERED", "RISKS_ALLOCATED");
            assertThat(reason(readiness, "NEEDS_COVERED")).startsWith("0 of 4 needs covered to the required 100 %")
                    .contains("VOLUNTEER_HOURS 0 % (0 of 200 hours pledged)");
            assertThat(reason(readiness, "RISKS_ALLOCATED")).startsWith("2 of 2 open risks are not 100 % allocated")
                    .contains("\"Rent arrears\" 0 %");
        });
        JsonPath readiness = readiness(token, housing);
        assertThat(reason(readiness, "MIN_ACCEPTED_PARTICIPANTS")).startsWith("1 accepted participant (the lead included)");
        assertThat(reason(readiness, "CROSS_SECTOR")).startsWith("accepted participants come from 1 sector (PUBLIC)");
        assertThat(reason(readiness, "PARTICIPANTS_ACTIVE")).isEqualTo("every accepted participant is ACTIVE");

        // the second project the company takes part in
        jobs = createAndOpen(token, JOBS, List.of("EMPLOYMENT"));
        invite(token, jobs, partners.company(), "FUNDER", "Would you co-fund the training bursaries?");
        lowEnrolment = registerRisk(token, jobs, "DEMAND", "Too few job seekers enrol", 4, 3);
    }

    // ------------------------------------------------------------------------------------------------ journey 2

    @Test
    @Order(2)
    void thirdSectorAcceptsPledgesVolunteerHoursAndARoomAndSeesCoverageMove() {
        String token = partners.charityRep().token();
        Platform.as(token).get("/api/v1/projects/invitations").then().statusCode(200)
                .body("items.projectId", contains(housing))
                .body("items[0].projectTitle", is(HOUSING_FIRST))
                .body("items[0].leadPartnerName", is(CITY))
                .body("items[0].role", is("SERVICE_PROVIDER"))
                .body("items[0].message", is("Would you run the tenancy support strand?"));
        // before answering, the organisation looks the project over: who takes part and what launch still waits for;
        // the ledger is for accepted participants, so it is restricted, which is not an outage
        JsonPath preview = dashboard(token, housing);
        assertThat(preview.getString("project.title")).isEqualTo(HOUSING_FIRST);
        assertThat(preview.getString("participants.find { it.partnerId == '" + partners.charity() + "' }.status")).isEqualTo("INVITED");
        assertThat(failing(readinessOf(preview))).contains("MIN_ACCEPTED_PARTICIPANTS");
        assertThat(preview.getBoolean("partial")).isFalse();
        assertThat(preview.getList("unavailable")).isEmpty();
        assertThat(preview.getList("restricted")).containsExactly("contributionsByPartner", "departedPledges", "needs", "overdue",
                "partiallyDelivered", "risks");
        assertThat(preview.getList("needs")).isNull();

        accept(token, housing, partners.charity());
        Platform.as(token).get("/api/v1/projects/invitations").then().statusCode(200).body("items", empty());

        String key = UUID.randomUUID().toString();
        Map<String, Object> hours = pledge(housing, "VOLUNTEER_HOURS", "200", "hours", null, today.plusDays(60),
                "Weekly tenancy support visits");
        volunteering = Eventually.answers(201, () -> Platform.as(token).header("Idempotency-Key", key).body(hours)
                        .post("/api/v1/contributions"))
                .then().body("status", is("PLEDGED")).body("partnerId", is(partners.charity())).body("remaining", is("200"))
                .extract().path("id");
        // a retried request (say, after a dropped connection) pledges nothing twice
        Platform.as(token).header("Idempotency-Key", key).body(hours).post("/api/v1/contributions").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", is(volunteering));
        Platform.as(token).body(pledge(housing, "FACILITY", "1", "room", money("1200.00", "EUR"), today.plusDays(30),
                        "Community room, Tuesdays")).post("/api/v1/contributions")
                .then().statusCode(201).body("valuation.amount", is("1200.00")).body("valuation.currency", is("EUR"));

        Eventually.holds(() -> {
            JsonPath dashboard = dashboard(token, housing);
            // a participant sees every part but what departed partners still owe, which is the lead's to replace
            assertThat(dashboard.getList("restricted")).containsExactly("departedPledges");
            assertThat(need(dashboard, "VOLUNTEER_HOURS")).containsEntry("pledged", "200").containsEntry("coveragePercent", "100");
            assertThat(need(dashboard, "FACILITY")).containsEntry("pledged", "1").containsEntry("coveragePercent", "100");
            assertThat(need(dashboard, "FUNDING")).containsEntry("pledged", "0").containsEntry("coveragePercent", "0");
            // readiness is projects-service's, from the coverage summaries resources-service publishes
            assertThat(reason(readinessOf(dashboard), "NEEDS_COVERED")).startsWith("2 of 4 needs covered");
        });
        JsonPath dashboard = dashboard(token, housing);
        assertThat(dashboard.getString("participants.find { it.partnerId == '" + partners.charity() + "' }.status")).isEqualTo("ACCEPTED");
        // the totals per partner are resources-service's project commitments: so far only the charity has pledged
        assertThat(dashboard.getList("contributionsByPartner.partnerId")).containsExactly(partners.charity());
    }

    // ------------------------------------------------------------------------------------------------ journey 3

    @Test
    @Order(3)
    void marketPartnerAcceptsBothProjectsAndPledgesFundingAndExpertise() {
        String token = partners.companyRep().token();
        Platform.as(token).get("/api/v1/projects/invitations").then().statusCode(200)
                .body("items.projectId", contains(housing, jobs))
                .body("items.projectTitle", contains(HOUSING_FIRST, JOBS))
                .body("items.role", contains("FUNDER", "FUNDER"));
        accept(token, housing, partners.company());
        accept(token, jobs, partners.company());

        // a due date cannot be set in the past: overdue is something that happens to a pledge later
        Platform.as(token).body(pledge(housing, "EXPERTISE", "40", "hours", null, today.minusDays(1), "Job coaching"))
                .post("/api/v1/contributions").then().statusCode(400).body("detail", containsString("dueDate"));

        funding = Eventually.answers(201, () -> Platform.as(token).body(pledge(housing, "FUNDING", "25000", "EUR",
                        money("25000.00", "EUR"), today.plusDays(14), "Deposit fund")).post("/api/v1/contributions"))
                .then().body("valuation.amount", is("25000.00")).body("dueDate", is(today.plusDays(14).toString()))
                .body("overdue", is(false)).extract().path("id");
        expertise = Platform.as(token).body(pledge(housing, "EXPERTISE", "40", "hours", null, today.plusDays(7),
                        "Job coaching by our HR team")).post("/api/v1/contributions")
                .then().statusCode(201).body("status", is("PLEDGED")).extract().path("id");
        jobsFunding = Eventually.answers(201, () -> Platform.as(token).body(pledge(jobs, "FUNDING", "4000.50", "EUR",
                        money("4000.50", "EUR"), today.plusDays(30), "Training bursaries")).post("/api/v1/contributions"))
                .then().body("quantity", is("4000.5")).body("valuation.amount", is("4000.50")).extract().path("id");
    }

    // ------------------------------------------------------------------------------------------------ journey 1

    @Test
    @Order(4)
    void coordinatorAllocatesTheRisksAndLaunchesWhenReady() {
        String token = partners.coordinator().token();
        Eventually.holds(() -> {
            JsonPath readiness = readiness(token, housing);
            assertThat(failing(readiness)).containsExactly("RISKS_ALLOCATED");
            assertThat(reason(readiness, "NEEDS_COVERED")).isEqualTo("4 of 4 needs covered to the required 100 %");
        });
        JsonPath readiness = readiness(token, housing);
        assertThat(reason(readiness, "MIN_ACCEPTED_PARTICIPANTS")).startsWith("3 accepted participants");
        assertThat(reason(readiness, "CROSS_SECTOR"))
                .startsWith("accepted participants come from 3 sectors (MARKET, PUBLIC, THIRD_SECTOR)");

        Platform.as(token).post("/api/v1/projects/" + housing + "/launch").then().statusCode(409)
                .body("criteria.code", contains("RISKS_ALLOCATED"));
        Platform.as(token).header("If-Match", riskVersions.get(rentArrears))
                .body(List.of(share(partners.city(), "40"), share(partners.company(), "50"))).put("/api/v1/risks/" + rentArrears + "/allocations")
                .then().statusCode(400).body("detail", containsString("sum to 90"));

        allocate(token, rentArrears, share(partners.city(), "40"), share(partners.company(), "60"));
        allocate(token, safeguarding, share(partners.city(), "30"), share(partners.charity(), "70"));
        allocate(token, lowEnrolment, share(partners.city(), "66.67"), share(partners.company(), "33.33"));
        Eventually.holds(() -> {
            JsonPath ready = readiness(token, housing);
            assertThat(failing(ready)).isEmpty();
            assertThat(ready.getBoolean("ready")).isTrue();
            assertThat(reason(ready, "RISKS_ALLOCATED")).isEqualTo("all 2 open risks are 100 % allocated among participants");
        });
        Platform.as(token).post("/api/v1/projects/" + housing + "/launch").then().statusCode(200).body("status", is("ACTIVE"));
    }

    // ------------------------------------------------------------------------------------------------ journey 2

    @Test
    @Order(5)
    void thirdSectorRecordsAPartialThenAFullDelivery() {
        String token = partners.charityRep().token();
        deliver(token, volunteering, "80").then().statusCode(201)
                .body("contribution.status", is("PARTIALLY_DELIVERED"))
                .body("contribution.delivered", is("80")).body("contribution.remaining", is("120"));
        Eventually.holds(() -> {
            JsonPath dashboard = dashboard(token, housing);
            assertThat(need(dashboard, "VOLUNTEER_HOURS")).containsEntry("delivered", "80");
            assertThat(dashboard.getList("partiallyDelivered.id")).containsExactly(volunteering);
        });

        // delivered never exceeds pledged
        deliver(token, volunteering, "150").then().statusCode(409).body("detail", containsString("only 120 hours remain"));

        // everything recorded is DELIVERED; FULFILLED waits for the recipient side's confirmation
        String second = deliver(token, volunteering, "120").then().statusCode(201)
                .body("contribution.status", is("DELIVERED")).body("contribution.remaining", is("0"))
                .extract().path("delivery.id");
        confirm(token, volunteering, second).then().statusCode(403);
        List<String> deliveries = Platform.as(token).get("/api/v1/contributions/" + volunteering).then().statusCode(200)
                .extract().path("deliveries.id");
        confirm(partners.coordinator().token(), volunteering, deliveries.get(0)).then().statusCode(200)
                .body("contribution.status", is("DELIVERED")).body("contribution.confirmed", is("80"));
        confirm(partners.coordinator().token(), volunteering, second).then().statusCode(200)
                .body("contribution.status", is("FULFILLED")).body("contribution.confirmed", is("200"));
        Eventually.holds(() -> {
            JsonPath dashboard = dashboard(token, housing);
            assertThat(need(dashboard, "VOLUNTEER_HOURS")).containsEntry("pledged", "200").containsEntry("delivered", "200")
                    .containsEntry("confirmed", "200");
            assertThat(dashboard.getList("partiallyDelivered")).isEmpty();
            assertThat(typeTotal(dashboard, partners.charity(), "VOLUNTEER_HOURS")).containsEntry("pledged", "200").containsEntry("delivered", "200")
                    .containsEntry("confirmed", "200");
        });
    }

    // ------------------------------------------------------------------------------------------------ journey 3

    @Test
    @Order(6)
    void marketPartnerTracksItsCommitmentsAcrossProjects() {
        String token = partners.companyRep().token();
        String delivery = deliver(token, funding, "10000").then().statusCode(201).body("contribution.status", is("PARTIALLY_DELIVERED"))
                .extract().path("delivery.id");
        confirm(partners.coordinator().token(), funding, delivery).then().statusCode(200);
        timePasses(expertise, today.minusDays(2));

        JsonPath commitments = Platform.as(token).get("/api/v1/commitments").then().statusCode(200).extract().jsonPath();
        assertThat(commitments.getString("partnerId")).isEqualTo(partners.company());
        Map<String, Map<String, Object>> items = byId(commitments.getList("items"));
        assertThat(items).containsOnlyKeys(funding, expertise, jobsFunding);
        assertThat(items.get(funding)).containsEntry("projectTitle", HOUSING_FIRST).containsEntry("status", "PARTIALLY_DELIVERED")
                .containsEntry("delivered", "10000").containsEntry("remaining", "15000").containsEntry("overdue", false);
        assertThat(items.get(expertise)).containsEntry("projectTitle", HOUSING_FIRST).containsEntry("overdue", true)
                .containsEntry("dueDate", today.minusDays(2).toString());
        assertThat(items.get(jobsFunding)).containsEntry("projectTitle", JOBS).containsEntry("overdue", false);
        assertThat(commitments.getInt("overdueCount")).isEqualTo(1);
        assertThat(commitments.getString("fulfilmentRatio")).isEqualTo("0.1333");
        assertThat(commitments.getList("totals.byType")).containsExactly(
                Map.of("type", "EXPERTISE", "unit", "hours", "pledged", "40", "delivered", "0", "confirmed", "0", "disputed", "0",
                        "remaining", "40"),
                Map.of("type", "FUNDING", "unit", "EUR", "pledged", "29000.5", "delivered", "10000", "confirmed", "10000",
                        "disputed", "0", "remaining", "19000.5"));
        assertThat(commitments.getList("totals.byCurrency")).containsExactly(
                Map.of("currency", "EUR", "pledged", "29000.50", "delivered", "10000.00", "confirmed", "10000.00",
                        "disputed", "0.00", "remaining", "19000.50"));
        // Σ likelihood × impact × share: "Rent arrears" 3 × 4 × 60 % + "Too few job seekers enrol" 4 × 3 × 33.33 %
        assertThat(commitments.getString("riskExposure")).isEqualTo("11.1996");
        Platform.as(token).queryParam("partnerId", partners.company()).queryParam("projectId", jobs).get("/api/v1/commitments").then().statusCode(200)
                .body("items.id", contains(jobsFunding)).body("riskExposure", is("3.9996"));
        Platform.as(token).queryParam("overdue", "true").get("/api/v1/contributions").then().statusCode(200)
                .body("items.id", contains(expertise));

        Response csv = Platform.as(token).accept("text/csv").get("/api/v1/commitments");
        csv.then().statusCode(200).contentType(containsString("text/csv"));
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("contributionId,projectId,projectTitle,needId,type,quantity,unit,delivered,confirmed,"
                + "disputed,remaining,status,dueDate,overdue,valuationAmount,valuationCurrency,createdAt");
        assertThat(lines).hasSize(1 + items.size());
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Arrays.asList(line.split(",", -1));
            Map<String, Object> item = items.get(cells.get(0));
            assertThat(item).as("CSV row %s is in the JSON", line).isNotNull();
            Map<?, ?> valuation = (Map<?, ?>) item.get("valuation");
            assertThat(cells.subList(1, 16)).as(line).containsExactly(str(item.get("projectId")), str(item.get("projectTitle")),
                    str(item.get("needId")), str(item.get("type")), str(item.get("quantity")), str(item.get("unit")),
                    str(item.get("delivered")), str(item.get("confirmed")), str(item.get("disputed")), str(item.get("remaining")),
                    str(item.get("status")), str(item.get("dueDate")),
                    str(item.get("overdue")), valuation == null ? "" : str(valuation.get("amount")),
                    valuation == null ? "" : str(valuation.get("currency")));
            assertThat(OffsetDateTime.parse(cells.get(16)).toInstant())
                    .isEqualTo(OffsetDateTime.parse(str(item.get("createdAt"))).toInstant());
        }
    }

    // ------------------------------------------------------------------------------------------------ journey 1

    @Test
    @Order(7)
    void coordinatorSeesTheWholePictureOnTheDashboard() {
        JsonPath dashboard = dashboard(partners.coordinator().token(), housing);
        assertThat(dashboard.getBoolean("partial")).isFalse();
        assertThat(dashboard.getList("unavailable")).isEmpty();
        assertThat(dashboard.getList("restricted")).isEmpty();

        assertThat(dashboard.getString("project.title")).isEqualTo(HOUSING_FIRST);
        assertThat(dashboard.getString("project.status")).isEqualTo("ACTIVE");
        assertThat(dashboard.getList("project.dimensions")).containsExactly("HOUSING", "EMPLOYMENT");
        assertThat(dashboard.getBoolean("readiness.ready")).isTrue();

        assertThat(dashboard.getList("participants")).hasSize(3);
        assertThat(participant(dashboard, partners.city())).containsEntry("partnerName", CITY).containsEntry("sector", "PUBLIC")
                .containsEntry("role", "LEAD").containsEntry("status", "ACCEPTED");
        assertThat(participant(dashboard, partners.charity())).containsEntry("partnerName", CHARITY).containsEntry("sector", "THIRD_SECTOR")
                .containsEntry("role", "SERVICE_PROVIDER").containsEntry("status", "ACCEPTED");
        assertThat(participant(dashboard, partners.company())).containsEntry("partnerName", COMPANY).containsEntry("sector", "MARKET")
                .containsEntry("role", "FUNDER").containsEntry("status", "ACCEPTED");

        // the participants list itself is a page {items, next} like every list, the lead first (#19 hole 8)
        JsonPath first = Platform.as(partners.coordinator().token()).queryParam("limit", 2).get("/api/v1/projects/" + housing + "/participants")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        assertThat(first.getString("items[0].partnerId")).isEqualTo(partners.city());
        assertThat(first.getString("next")).isNotBlank();
        JsonPath second = Platform.as(partners.coordinator().token()).queryParam("limit", 2).queryParam("cursor", first.getString("next"))
                .get("/api/v1/projects/" + housing + "/participants").then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("next")).isNull();
        assertThat(java.util.stream.Stream.concat(first.getList("items.partnerId").stream(), second.getList("items.partnerId").stream()))
                .containsExactlyInAnyOrder(partners.city(), partners.charity(), partners.company());

        assertThat(dashboard.getList("needs")).hasSize(4);
        assertThat(dashboard.getList("needs.coveragePercent")).containsOnly("100");
        assertThat(need(dashboard, "VOLUNTEER_HOURS")).containsEntry("quantity", "200").containsEntry("delivered", "200");
        assertThat(need(dashboard, "FUNDING")).containsEntry("quantity", "25000").containsEntry("delivered", "10000");
        assertThat(need(dashboard, "EXPERTISE")).containsEntry("pledged", "40").containsEntry("delivered", "0");
        assertThat(need(dashboard, "FACILITY")).containsEntry("unit", "room").containsEntry("dimension", "EMPLOYMENT");

        // this project's contributions only: the company's pledge to the jobs project is not here
        assertThat(dashboard.getList("contributionsByPartner.partnerId")).containsExactlyInAnyOrder(partners.charity(), partners.company());
        assertThat(dashboard.getInt("contributionsByPartner.find { it.partnerId == '" + partners.charity() + "' }.contributions")).isEqualTo(2);
        assertThat(dashboard.getInt("contributionsByPartner.find { it.partnerId == '" + partners.company() + "' }.contributions")).isEqualTo(2);
        assertThat(typeTotal(dashboard, partners.charity(), "FACILITY")).containsEntry("unit", "room").containsEntry("pledged", "1")
                .containsEntry("delivered", "0");
        assertThat(typeTotal(dashboard, partners.company(), "FUNDING")).containsEntry("pledged", "25000").containsEntry("delivered", "10000");
        assertThat(typeTotal(dashboard, partners.company(), "EXPERTISE")).containsEntry("pledged", "40").containsEntry("delivered", "0");
        assertThat(dashboard.getList("contributionsByPartner.find { it.partnerId == '" + partners.charity() + "' }.totals.byCurrency"))
                .containsExactly(Map.of("currency", "EUR", "pledged", "1200.00", "delivered", "0.00", "confirmed", "0.00",
                        "disputed", "0.00", "remaining", "1200.00"));
        assertThat(dashboard.getList("contributionsByPartner.find { it.partnerId == '" + partners.company() + "' }.totals.byCurrency"))
                .containsExactly(Map.of("currency", "EUR", "pledged", "25000.00", "delivered", "10000.00", "confirmed", "10000.00",
                        "disputed", "0.00", "remaining", "15000.00"));

        assertThat(dashboard.getList("risks.title")).containsExactlyInAnyOrder("Rent arrears", "Safeguarding incident during visits");
        assertThat(dashboard.getList("risks.status")).containsOnly("OPEN");
        assertThat(dashboard.getList("risks.allocatedPercent")).containsOnly("100");
        assertThat(dashboard.getInt("risks.find { it.title == 'Rent arrears' }.score")).isEqualTo(12);
        assertThat(dashboard.getList("risks.find { it.title == 'Rent arrears' }.allocations")).containsExactlyInAnyOrder(
                Map.of("partnerId", partners.city(), "sharePercent", "40"), Map.of("partnerId", partners.company(), "sharePercent", "60"));
        assertThat(dashboard.getList("risks.find { it.title == 'Safeguarding incident during visits' }.allocations"))
                .containsExactlyInAnyOrder(Map.of("partnerId", partners.city(), "sharePercent", "30"),
                        Map.of("partnerId", partners.charity(), "sharePercent", "70"));

        assertThat(dashboard.getList("overdue.id")).containsExactly(expertise);
        assertThat(dashboard.getString("overdue[0].partnerId")).isEqualTo(partners.company());
        assertThat(dashboard.getString("overdue[0].type")).isEqualTo("EXPERTISE");
        assertThat(dashboard.getList("partiallyDelivered.id")).containsExactly(funding);
    }

    /**
     * Pledge 8, deliver 3 (confirmed by the lead), withdraw the other 5: what was delivered is what counts, 3 of 3.
     * The dashboard shows the same totals as resources-service's commitments (it used to total the contributions
     * itself, skip the withdrawn one and show nothing for it).
     */
    @Test
    @Order(8)
    void aPledgeWithdrawnAfterAPartialDeliveryCountsTheSameOnTheDashboardAsInTheCommitments() {
        String token = partners.charityRep().token();
        String boxes = Platform.as(token).body(pledge(housing, "IN_KIND", "8", "boxes", null, today.plusDays(10), "Starter kits"))
                .post("/api/v1/contributions").then().statusCode(201).extract().path("id");
        String three = deliver(token, boxes, "3").then().statusCode(201).extract().path("delivery.id");
        confirm(partners.coordinator().token(), boxes, three).then().statusCode(200);
        Platform.as(token).body(Map.of("reason", "the rest went to another project")).post("/api/v1/contributions/" + boxes + "/withdraw")
                .then().statusCode(200).body("status", is("WITHDRAWN")).body("delivered", is("3")).body("confirmed", is("3"));

        for (String reader : List.of(partners.coordinator().token(), token)) {
            JsonPath commitments = Platform.as(reader).queryParam("projectId", housing).get("/api/v1/commitments")
                    .then().statusCode(200).extract().jsonPath();
            JsonPath dashboard = dashboard(reader, housing);
            String ofCharity = "find { it.partnerId == '" + partners.charity() + "' }";
            assertThat(typeTotal(dashboard, partners.charity(), "IN_KIND")).containsEntry("unit", "boxes").containsEntry("pledged", "3")
                    .containsEntry("delivered", "3").containsEntry("confirmed", "3");
            assertThat(dashboard.getMap("contributionsByPartner." + ofCharity)).isEqualTo(commitments.getMap("partners." + ofCharity));
            assertThat(dashboard.getInt("contributionsByPartner." + ofCharity + ".contributions")).isEqualTo(3);
            assertThat(dashboard.getList("truncated")).isEmpty();
        }
    }

    /**
     * The delivery ledger: a delivery the lead disputes counts nowhere — not in the contribution, the need's coverage,
     * the commitments or the dashboard — until it is resolved; once confirmed it counts, and the pledge is FULFILLED.
     * A disputed delivery may also be corrected by the contributor: the correction replaces it.
     */
    @Test
    @Order(9)
    void aDisputedDeliveryCountsOnlyOnceConfirmed() {
        String token = partners.charityRep().token();
        String lead = partners.coordinator().token();
        String parcels = Platform.as(token).body(pledge(housing, "IN_KIND", "10", "parcels", null, today.plusDays(20), "Food parcels"))
                .post("/api/v1/contributions").then().statusCode(201).extract().path("id");
        String six = deliver(token, parcels, "6").then().statusCode(201).extract().path("delivery.id");
        String four = deliver(token, parcels, "4").then().statusCode(201).body("contribution.status", is("DELIVERED"))
                .extract().path("delivery.id");

        Platform.as(lead).body(Map.of("note", "only the four were handed over")).post(review(parcels, six, "dispute"))
                .then().statusCode(200).body("delivery.review", is("DISPUTED"))
                .body("contribution.delivered", is("4")).body("contribution.disputed", is("6"));
        confirm(lead, parcels, four).then().statusCode(200).body("contribution.confirmed", is("4"))
                .body("contribution.status", is("DELIVERED"));
        for (String reader : List.of(lead, token)) {
            Map<String, Object> totals = commitmentTotal(reader, "IN_KIND", "parcels");
            assertThat(totals).containsEntry("pledged", "10").containsEntry("delivered", "4").containsEntry("confirmed", "4")
                    .containsEntry("disputed", "6");
            Eventually.holds(() -> assertThat(typeTotal(dashboard(reader, housing), partners.charity(), "IN_KIND", "parcels")).isEqualTo(totals));
        }

        confirm(lead, parcels, six).then().statusCode(200).body("delivery.review", is("CONFIRMED"))
                .body("contribution.status", is("FULFILLED")).body("contribution.confirmed", is("10"))
                .body("contribution.disputed", is("0"));
        for (String reader : List.of(lead, token)) {
            Map<String, Object> totals = commitmentTotal(reader, "IN_KIND", "parcels");
            assertThat(totals).containsEntry("delivered", "10").containsEntry("confirmed", "10").containsEntry("disputed", "0");
            Eventually.holds(() -> assertThat(typeTotal(dashboard(reader, housing), partners.charity(), "IN_KIND", "parcels")).isEqualTo(totals));
        }

        // the other resolution: the contributor corrects what was disputed
        String kits = Platform.as(token).body(pledge(housing, "EQUIPMENT", "5", "kits", null, today.plusDays(20), "Tool kits"))
                .post("/api/v1/contributions").then().statusCode(201).extract().path("id");
        String five = deliver(token, kits, "5").then().statusCode(201).extract().path("delivery.id");
        Platform.as(lead).body(Map.of("note", "two were missing")).post(review(kits, five, "dispute")).then().statusCode(200);
        Platform.as(token).body(Map.of("quantity", "3", "deliveredOn", today.toString(), "note", "three kits, counted again",
                        "corrects", five)).post("/api/v1/contributions/" + kits + "/deliveries").then().statusCode(201)
                .body("delivery.corrects", is(five)).body("contribution.delivered", is("3"))
                .body("contribution.disputed", is("0")).body("contribution.remaining", is("2"));
        assertThat(commitmentTotal(lead, "EQUIPMENT", "kits")).containsEntry("delivered", "3").containsEntry("disputed", "0")
                .containsEntry("confirmed", "0");
    }

    // ------------------------------------------------------------------------------------------------ the audit trail

    /**
     * Issue #22: after the three journeys, every state-changing request they made (the organisations joining and their
     * verification by an administrator included) is in the audit trail exactly once, with the Keycloak user who made
     * it as actor, that user's partner, and the X-Request-Id the client sent as correlation id. Whatever services did
     * in reaction to it is by {@code system:<consumer>}, never by another person.
     */
    @Test
    @Order(100)
    @SuppressWarnings("unchecked")
    void everyChangeTheJourneysMadeIsInTheAuditTrailOnceWithItsUserPartnerAndRequestId() {
        List<WriteLog.Write> made = writes.writes();
        assertThat(made).as("the journeys' changes").hasSizeGreaterThan(40);
        String auditor = Platform.newUser("auditor", "auditor").token();
        for (WriteLog.Write write : made) {
            Eventually.holds(() -> {
                List<Map<String, Object>> entries = Platform.as(auditor).queryParam("correlationId", write.requestId())
                        .queryParam("limit", 100).get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
                List<Map<String, Object>> byPeople = entries.stream()
                        .filter(e -> !String.valueOf(actor(e).get("sub")).startsWith("system:")).toList();
                assertThat(byPeople).as("%s %s (%s): its own entries", write.method(), write.path(), write.requestId()).isNotEmpty();
                for (Map<String, Object> entry : byPeople) {
                    assertThat(entry.get("correlationId")).isEqualTo(write.requestId());
                    assertThat(actor(entry)).as("the actor of %s on %s %s", entry.get("action"), write.method(), write.path())
                            .containsEntry("sub", write.sub()).containsEntry("username", write.username());
                    // absent, never null, when the user had no partner yet (e.g. registering their organisation)
                    assertThat(actor(entry).get("partnerId")).as("the actor's partner on %s %s", write.method(), write.path())
                            .isEqualTo(write.partnerId());
                }
                // exactly once: no event recorded twice, no object changed twice the same way by one request
                assertThat(entries.stream().map(e -> e.get("eventId")).toList()).doesNotHaveDuplicates();
                assertThat(byPeople.stream().map(e -> e.get("action") + " " + e.get("object")).toList())
                        .as("%s %s (%s)", write.method(), write.path(), write.requestId()).doesNotHaveDuplicates();
            });
        }
        // the administrator who verified each organisation is named on its verification
        for (String partner : List.of(partners.city(), partners.charity(), partners.company())) {
            List<Map<String, Object>> verified = Platform.as(auditor).queryParam("partnerId", partner)
                    .queryParam("type", "partnership.partner.verified.v1").get("/api/v1/audit").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            assertThat(verified).hasSize(1);
            assertThat(actor(verified.get(0))).containsEntry("username", partners.admin().username())
                    .containsEntry("sub", partners.admin().id());
            assertThat((List<Object>) actor(verified.get(0)).get("roles")).contains("admin");
        }
        Platform.as(auditor).get("/api/v1/audit/verify").then().statusCode(200).body("valid", is(true));
    }

    @AfterAll
    void stopLoggingWrites() {
        io.restassured.RestAssured.replaceFiltersWith(io.restassured.RestAssured.filters().stream().filter(f -> f != writes).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> actor(Map<String, Object> entry) {
        return entry.get("actor") == null ? Map.of() : (Map<String, Object>) entry.get("actor");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Response confirm(String token, String contribution, String delivery) {
        return Platform.as(token).body(Map.of()).post(review(contribution, delivery, "confirm"));
    }

    private static String review(String contribution, String delivery, String verdict) {
        return "/api/v1/contributions/" + contribution + "/deliveries/" + delivery + "/" + verdict;
    }

    /** The charity's totals of that type and unit in the housing project, as resources-service's commitments give them. */
    private Map<String, Object> commitmentTotal(String token, String type, String unit) {
        return Platform.as(token).queryParam("projectId", housing).get("/api/v1/commitments").then().statusCode(200).extract()
                .jsonPath().getMap("partners.find { it.partnerId == '" + partners.charity() + "' }.totals.byType.find { it.type == '" + type
                        + "' && it.unit == '" + unit + "' }");
    }

    private static Map<String, Object> typeTotal(JsonPath dashboard, String partner, String type, String unit) {
        return dashboard.getMap("contributionsByPartner.find { it.partnerId == '" + partner + "' }.totals.byType.find { it.type == '"
                + type + "' && it.unit == '" + unit + "' }");
    }

    private String createAndOpen(String token, String title, List<String> dimensions) {
        Map<String, Object> body = Map.of("title", title, "purpose", "A joint project of the city and its partners: " + title,
                "dimensions", dimensions, "plannedStart", today.plusDays(30).toString(), "plannedEnd", today.plusDays(395).toString());
        // the city's verification reaches projects-service as an event: until then it cannot lead a project
        Response created = Eventually.answers(201, () -> Platform.as(token).body(body).post("/api/v1/projects"));
        String id = created.then().body("status", is("DRAFT")).body("leadPartnerName", is(CITY)).extract().path("id");
        // the link to the new project is the gateway's (the only public entry), never the service's behind it
        assertThat(created.header("Location")).isEqualTo(io.restassured.RestAssured.baseURI + "/api/v1/projects/" + id);
        Platform.as(token).post("/api/v1/projects/" + id + "/open").then().statusCode(200).body("status", is("OPEN"));
        return id;
    }

    private static Response invite(String token, String project, String partner, String role, String message) {
        return Eventually.answers(201, () -> Platform.as(token).body(Map.of("partnerId", partner, "role", role, "message", message))
                .post("/api/v1/projects/" + project + "/participants"));
    }

    private void declareNeed(String token, String project, String type, String quantity, String unit, String dimension,
            String description) {
        Map<String, Object> body = Map.of("projectId", project, "type", type, "quantity", quantity, "unit", unit,
                "dimension", dimension, "description", description);
        String id = Eventually.answers(201, () -> Platform.as(token).body(body).post("/api/v1/needs"))
                .then().body("coveragePercent", is("0")).extract().path("id");
        needs.put(type, id);
    }

    private String registerRisk(String token, String project, String category, String title, int likelihood, int impact) {
        Map<String, Object> body = Map.of("projectId", project, "category", category, "title", title, "likelihood", likelihood,
                "impact", impact, "mitigation", "Reviewed monthly by the partnership board", "ownerPartnerId", partners.city());
        Response created = Eventually.answers(201, () -> Platform.as(token).body(body).post("/api/v1/risks"));
        created.then().body("score", is(likelihood * impact)).body("status", is("OPEN")).body("allocatedPercent", is("0"));
        String id = created.path("id");
        riskVersions.put(id, created.header("ETag"));
        return id;
    }

    @SafeVarargs
    private void allocate(String token, String risk, Map<String, Object>... shares) {
        Platform.as(token).header("If-Match", riskVersions.get(risk)).body(List.of(shares))
                .put("/api/v1/risks/" + risk + "/allocations").then().statusCode(200).body("allocatedPercent", is("100"));
    }

    private static Map<String, Object> share(String partner, String percent) {
        return Map.of("partnerId", partner, "sharePercent", percent);
    }

    /** Accepts, then waits until the project's resources are open to the partner (replicated through events). */
    private static void accept(String token, String project, String partner) {
        Platform.as(token).post("/api/v1/projects/" + project + "/participants/" + partner + "/accept").then().statusCode(200)
                .body("participants.find { it.partnerId == '" + partner + "' }.status", is("ACCEPTED"));
        Eventually.answers(200, () -> Platform.as(token).queryParam("projectId", project).get("/api/v1/needs"))
                .then().body("items", org.hamcrest.Matchers.notNullValue()); // a page {items, next}, like every list
    }

    private Map<String, Object> pledge(String project, String type, String quantity, String unit, Map<String, Object> valuation,
            LocalDate dueDate, String description) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("projectId", project, "type", type, "quantity", quantity,
                "unit", unit, "dueDate", dueDate.toString(), "description", description));
        if (needs.containsKey(type) && project.equals(housing)) {
            body.put("needId", needs.get(type));
        }
        if (valuation != null) {
            body.put("valuation", valuation);
        }
        return body;
    }

    private static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    private Response deliver(String token, String contribution, String quantity) {
        return Platform.as(token).body(Map.of("quantity", quantity, "deliveredOn", today.toString(), "note", "Recorded by the partner",
                "evidence", "timesheet-" + quantity)).post("/api/v1/contributions/" + contribution + "/deliveries");
    }

    /**
     * Days pass for one pledge: its due date moves into the past, as it would by waiting. The API rightly refuses a due
     * date in the past, and a service's clock cannot be moved from outside, so this is the one change the suite makes
     * behind the API — in resources-service's own database; overdue is computed on read.
     */
    private static void timePasses(String contribution, LocalDate dueDate) {
        var stack = Platform.stack();
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("resources"), stack.config().external().postgresUser(),
                stack.config().external().postgresPassword());
             PreparedStatement update = db.prepareStatement("update contribution set due_date = ? where id = ?")) {
            update.setObject(1, dueDate);
            update.setObject(2, UUID.fromString(contribution));
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not move the due date of contribution " + contribution, e);
        }
    }

    private static JsonPath readiness(String token, String project) {
        return Platform.as(token).get("/api/v1/projects/" + project + "/readiness").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath dashboard(String token, String project) {
        return Platform.as(token).get("/api/v1/dashboards/projects/" + project).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath readinessOf(JsonPath dashboard) {
        return JsonPath.from(groovy.json.JsonOutput.toJson(dashboard.getMap("readiness")));
    }

    private static List<String> failing(JsonPath readiness) {
        return readiness.getList("criteria.findAll { !it.passed }.code");
    }

    private static String reason(JsonPath readiness, String code) {
        return readiness.getString("criteria.find { it.code == '" + code + "' }.reason");
    }

    private static Map<String, Object> need(JsonPath dashboard, String type) {
        return dashboard.getMap("needs.find { it.type == '" + type + "' }");
    }

    private static Map<String, Object> participant(JsonPath dashboard, String partner) {
        return dashboard.getMap("participants.find { it.partnerId == '" + partner + "' }");
    }

    private static Map<String, Object> typeTotal(JsonPath dashboard, String partner, String type) {
        return dashboard.getMap("contributionsByPartner.find { it.partnerId == '" + partner + "' }.totals.byType.find { it.type == '"
                + type + "' }");
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> items) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(str(item.get("id")), item));
        return byId;
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }
}
