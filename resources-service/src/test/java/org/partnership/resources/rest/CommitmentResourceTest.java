package org.partnership.resources.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnership.resources.Fixtures;
import org.partnership.testsupport.Tokens;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.partnership.testsupport.Tokens.as;

/**
 * Commitments of a market partner M across three projects led by L, with valuations in EUR and GBP, partial and full
 * deliveries, a withdrawal and two allocated risks; N is another participant of the first project.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitmentResourceTest {

    static final String COMMITMENTS = "/api/v1/commitments";

    final UUID m = UUID.randomUUID();
    final UUID n = UUID.randomUUID();
    final UUID lead = UUID.randomUUID();
    final UUID outsider = UUID.randomUUID();
    final UUID p1 = UUID.randomUUID();
    final UUID p2 = UUID.randomUUID();
    final UUID p3 = UUID.randomUUID();
    final List<String> contributions = new ArrayList<>();
    /** Every seeded pledge is due then. */
    static final LocalDate DUE_DATE = LocalDate.now(ZoneOffset.UTC).plusMonths(6);

    /** Seeds once, before the first test (RestAssured knows the test port only once a test runs). */
    @BeforeEach
    void seed() {
        if (!contributions.isEmpty()) {
            return;
        }
        for (UUID partner : List.of(m, n, lead, outsider)) {
            Fixtures.partner(partner, "MARKET", "ACTIVE", 1);
        }
        Fixtures.project(p1, "Housing First", lead, "OPEN", 1, Map.of(m, "ACCEPTED", n, "ACCEPTED"));
        Fixtures.project(p2, "Jobs, Skills \"and\" Care", lead, "ACTIVE", 1, Map.of(m, "ACCEPTED"));
        Fixtures.project(p3, "=Youth Club", lead, "OPEN", 1, Map.of(m, "ACCEPTED"));
        for (UUID partner : List.of(m, n, lead, outsider)) {
            Fixtures.awaitPartner(partner, 1);
        }
        for (UUID project : List.of(p1, p2, p3)) {
            Fixtures.awaitProject(project, 1);
        }
        String token = Tokens.partnerRep(m);
        String f1 = pledgeAs(token, p1, "FUNDING", "1000", "EUR", "1000", "EUR");
        deliver(token, f1, "400");
        String s2 = pledgeAs(token, p2, "STAFF_HOURS", "100", "hours", "5000", "GBP");
        deliver(token, s2, "25");
        String f3 = pledgeAs(token, p3, "FUNDING", "500", "EUR", "500", "EUR");
        deliver(token, f3, "100");
        as(token).body(Map.of("reason", "budget moved")).post("/api/v1/contributions/" + f3 + "/withdraw").then().statusCode(200);
        String v3 = pledgeAs(token, p3, "VOLUNTEER_HOURS", "40", "hours", null, null);
        deliver(token, v3, "40");
        String s1 = pledgeAs(token, p1, "STAFF_HOURS", "20", "hours", "1000", "GBP");
        contributions.addAll(List.of(f1, s2, f3, v3, s1));
        pledgeAs(Tokens.partnerRep(n), p1, "EXPERTISE", "5", "days", "750", "EUR");

        String r1 = as(token).body(RiskResourceTest.risk(p1, m)).post("/api/v1/risks").then().statusCode(201).extract().path("id");
        as(Tokens.coordinator(lead)).header("If-Match", "\"0\"").body(RiskResourceTest.shares(m, "60", lead, "40"))
                .put("/api/v1/risks/" + r1 + "/allocations").then().statusCode(200);
        Map<String, Object> small = RiskResourceTest.risk(p2, m);
        small.put("likelihood", 2);
        small.put("impact", 2);
        String r2 = as(token).body(small).post("/api/v1/risks").then().statusCode(201).extract().path("id");
        as(Tokens.coordinator(lead)).header("If-Match", "\"0\"").body(RiskResourceTest.shares(m, "100", null, null))
                .put("/api/v1/risks/" + r2 + "/allocations").then().statusCode(200);
        String r3 = as(token).body(RiskResourceTest.risk(p3, m)).post("/api/v1/risks").then().statusCode(201).extract().path("id");
        as(Tokens.coordinator(lead)).header("If-Match", "\"0\"").body(RiskResourceTest.shares(m, "100", null, null))
                .put("/api/v1/risks/" + r3 + "/allocations").then().statusCode(200);
        as(Tokens.coordinator(lead)).body(Map.of("status", "CLOSED")).post("/api/v1/risks/" + r3 + "/status").then().statusCode(200);
    }

    @Test
    void shouldTotalCommitmentsAcrossThreeProjectsAndTwoCurrencies() {
        JsonPath body = as(Tokens.partnerRep(m)).queryParam("partnerId", m.toString()).queryParam("limit", 100).get(COMMITMENTS)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();

        assertThat(body.getList("items.id", String.class)).containsExactlyElementsOf(contributions);
        assertThat(body.getList("items.projectTitle", String.class))
                .containsExactly("Housing First", "Jobs, Skills \"and\" Care", "=Youth Club", "=Youth Club", "Housing First");
        assertThat(body.getString("next")).isNull();
        assertThat(body.getList("totals.byType", Map.class)).containsExactly(
                Map.of("type", "FUNDING", "unit", "EUR", "pledged", "1100", "delivered", "500", "confirmed", "500", "disputed", "0", "remaining", "600"),
                Map.of("type", "STAFF_HOURS", "unit", "hours", "pledged", "120", "delivered", "25", "confirmed", "25", "disputed", "0", "remaining", "95"),
                Map.of("type", "VOLUNTEER_HOURS", "unit", "hours", "pledged", "40", "delivered", "40", "confirmed", "40", "disputed", "0", "remaining", "0"));
        assertThat(body.getList("totals.byCurrency", Map.class)).containsExactly(
                Map.of("currency", "EUR", "pledged", "1100.00", "delivered", "500.00", "confirmed", "500.00", "disputed", "0.00", "remaining", "600.00"),
                Map.of("currency", "GBP", "pledged", "6000.00", "delivered", "1250.00", "confirmed", "1250.00", "disputed", "0.00", "remaining", "4750.00"));
        assertThat(body.getString("fulfilmentRatio")).isEqualTo("0.37");
        assertThat(body.getInt("overdueCount")).isZero();
        assertThat(body.getString("riskExposure")).isEqualTo("13");
        assertThat(body.getString("items[0].valuation.amount")).isEqualTo("1000.00");
        assertThat(body.getString("items[2].status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void shouldNarrowCommitmentsToOneProjectAndPage() {
        JsonPath body = as(Tokens.partnerRep(m)).queryParam("projectId", p1.toString()).queryParam("partnerId", m.toString())
                .get(COMMITMENTS).then().statusCode(200).extract().jsonPath();
        assertThat(body.getList("items.id", String.class)).containsExactly(contributions.get(0), contributions.get(4));
        assertThat(body.getList("totals.byCurrency.pledged", String.class)).containsExactly("1000.00", "1000.00");
        assertThat(body.getString("riskExposure")).isEqualTo("9");

        String next = as(Tokens.partnerRep(m)).queryParam("limit", 2).get(COMMITMENTS).then().statusCode(200)
                .body("partnerId", is(m.toString())).body("items", hasSize(2)).extract().path("next");
        as(Tokens.partnerRep(m)).queryParam("limit", 2).queryParam("cursor", next).get(COMMITMENTS).then().statusCode(200)
                .body("items.id", is(contributions.subList(2, 4)));
    }

    @Test
    void shouldExportTheSameItemsAsCsv() {
        String csv = given().auth().oauth2(Tokens.partnerRep(m)).accept("text/csv").queryParam("partnerId", m.toString())
                .get(COMMITMENTS).then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")).extract().asString();

        List<List<String>> rows = parseCsv(csv);
        assertThat(rows.get(0)).containsExactly("contributionId", "projectId", "projectTitle", "needId", "type", "quantity",
                "unit", "delivered", "confirmed", "disputed", "remaining", "status", "dueDate", "overdue", "valuationAmount",
                "valuationCurrency", "createdAt");
        // what was seeded, as a spreadsheet shows it: a title starting with "=" is quoted so that it is never a formula
        String due = DUE_DATE.toString();
        List<List<String>> expected = List.of(
                List.of(contributions.get(0), p1.toString(), "Housing First", "", "FUNDING", "1000", "EUR", "400", "400", "0", "600",
                        "PARTIALLY_DELIVERED", due, "false", "1000.00", "EUR"),
                List.of(contributions.get(1), p2.toString(), "Jobs, Skills \"and\" Care", "", "STAFF_HOURS", "100", "hours", "25",
                        "25", "0", "75", "PARTIALLY_DELIVERED", due, "false", "5000.00", "GBP"),
                List.of(contributions.get(2), p3.toString(), "'=Youth Club", "", "FUNDING", "500", "EUR", "100", "100", "0", "0",
                        "WITHDRAWN", due, "false", "500.00", "EUR"),
                List.of(contributions.get(3), p3.toString(), "'=Youth Club", "", "VOLUNTEER_HOURS", "40", "hours", "40", "40", "0", "0",
                        "FULFILLED", due, "false", "", ""),
                List.of(contributions.get(4), p1.toString(), "Housing First", "", "STAFF_HOURS", "20", "hours", "0", "0", "0", "20",
                        "PLEDGED", due, "false", "1000.00", "GBP"));
        assertThat(rows.subList(1, rows.size())).map(row -> row.subList(0, 16)).containsExactlyElementsOf(expected);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row ->
                assertThat(java.time.OffsetDateTime.parse(row.get(16))).isAfter(java.time.OffsetDateTime.now().minusHours(1)));

        String projectCsv = given().auth().oauth2(Tokens.coordinator(lead)).accept("text/csv").queryParam("projectId", p1.toString())
                .get(COMMITMENTS).then().statusCode(200).extract().asString();
        assertThat(parseCsv(projectCsv)).contains(List.of(m.toString(), "Partner " + m.toString().substring(0, 8), "currency", "GBP", "",
                "1000.00", "0.00", "0.00", "0.00", "1000.00"));
    }

    @Test
    void shouldShowAPartnersCommitmentsOnlyToItselfAuditorsAndTheLeadOfTheProject() {
        as(Tokens.auditor()).queryParam("partnerId", m.toString()).get(COMMITMENTS).then().statusCode(200).body("items", hasSize(5));
        as(Tokens.partnerRep(outsider)).queryParam("partnerId", m.toString()).get(COMMITMENTS).then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.partnerRep(n)).queryParam("partnerId", m.toString()).queryParam("projectId", p1.toString()).get(COMMITMENTS)
                .then().statusCode(404);
        as(Tokens.coordinator(lead)).queryParam("partnerId", m.toString()).get(COMMITMENTS).then().statusCode(404);
        as(Tokens.coordinator(lead)).queryParam("partnerId", m.toString()).queryParam("projectId", p1.toString()).get(COMMITMENTS)
                .then().statusCode(200).body("items", hasSize(2));
        given().accept("text/csv").queryParam("partnerId", m.toString()).get(COMMITMENTS).then().statusCode(401);
        given().auth().oauth2(Tokens.partnerRep(outsider)).accept("text/csv").queryParam("partnerId", m.toString()).get(COMMITMENTS)
                .then().statusCode(404);
        given().queryParam("partnerId", m.toString()).get(COMMITMENTS).then().statusCode(401);
        as(Tokens.auditor()).get(COMMITMENTS).then().statusCode(400);
        as(Tokens.partnerRep(m)).queryParam("partnerId", "nope").get(COMMITMENTS).then().statusCode(400)
                .body("errors.field", hasItem("partnerId"));
    }

    @Test
    void shouldShowOtherParticipantsTheProjectsTotalsPerPartnerButNotTheirItems() {
        JsonPath totals = as(Tokens.partnerRep(n)).queryParam("projectId", p1.toString()).get(COMMITMENTS)
                .then().statusCode(200).body("projectTitle", is("Housing First")).extract().jsonPath();
        assertThat(totals.getList("partners.partnerId", String.class)).containsExactlyInAnyOrder(m.toString(), n.toString());
        Map<String, Object> mine = totals.getMap("partners.find { it.partnerId == '" + m + "' }");
        assertThat(mine.get("contributions")).isEqualTo(2);
        assertThat(mine.get("riskExposure")).isEqualTo("9");
        as(Tokens.partnerRep(n)).queryParam("projectId", p1.toString()).get("/api/v1/contributions").then().statusCode(200)
                .body("items", hasSize(1)).body("items.partnerId", not(hasItem(m.toString())));
        as(Tokens.partnerRep(outsider)).queryParam("projectId", p1.toString()).get(COMMITMENTS).then().statusCode(404);
        as(Tokens.auditor()).queryParam("projectId", p1.toString()).get(COMMITMENTS).then().statusCode(200)
                .body("partners", hasSize(2));
    }

    /**
     * A pledge withdrawn after a partial delivery counts as what was delivered, in the project's totals as everywhere
     * (pledge 500, deliver 100, withdraw the rest: 100 of 100). The gateway's dashboard shows exactly these totals.
     */
    @Test
    void shouldCountAPledgeWithdrawnAfterAPartialDeliveryAsWhatWasDeliveredInTheProjectsTotals() {
        JsonPath totals = as(Tokens.coordinator(lead)).queryParam("projectId", p3.toString()).get(COMMITMENTS)
                .then().statusCode(200).extract().jsonPath();
        String partner = "partners.find { it.partnerId == '" + m + "' }";
        assertThat(totals.getInt(partner + ".contributions")).isEqualTo(2);
        assertThat(totals.getList(partner + ".totals.byType", Map.class)).containsExactly(
                Map.of("type", "FUNDING", "unit", "EUR", "pledged", "100", "delivered", "100", "confirmed", "100", "disputed", "0", "remaining", "0"),
                Map.of("type", "VOLUNTEER_HOURS", "unit", "hours", "pledged", "40", "delivered", "40", "confirmed", "40", "disputed", "0", "remaining", "0"));
        assertThat(totals.getList(partner + ".totals.byCurrency", Map.class)).containsExactly(
                Map.of("currency", "EUR", "pledged", "100.00", "delivered", "100.00", "confirmed", "100.00", "disputed", "0.00", "remaining", "0.00"));
    }

    // ---------------------------------------------------------------- helpers

    static String pledgeAs(String token, UUID project, String type, String quantity, String unit, String amount, String currency) {
        Map<String, Object> body = Fixtures.pledge(project, type, quantity, unit);
        if (amount != null) {
            body.put("valuation", Map.of("amount", amount, "currency", currency));
        }
        body.put("dueDate", DUE_DATE.toString());
        return as(token).body(body).post("/api/v1/contributions").then().statusCode(201).extract().path("id");
    }

    /** Delivers, and the project's lead (the recipient side) confirms the delivery. */
    void deliver(String token, String id, String quantity) {
        String delivery = as(token).body(Map.of("quantity", quantity, "deliveredOn", LocalDate.now(ZoneOffset.UTC).toString()))
                .post("/api/v1/contributions/" + id + "/deliveries").then().statusCode(201).extract().path("delivery.id");
        as(Tokens.coordinator(lead)).body(Map.of()).post("/api/v1/contributions/" + id + "/deliveries/" + delivery + "/confirm")
                .then().statusCode(200);
    }

    /** A small RFC 4180 parser: quoted cells, doubled quotes, CRLF rows. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

}
