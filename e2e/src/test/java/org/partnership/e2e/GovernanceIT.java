package org.partnership.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Issue #21 on the real stack, through the gateway with real Keycloak tokens: co-governance. A CROSS_SECTOR_MAJORITY
 * project admits its partners by decision; a majority without the market partner does not launch it, the market
 * partner's approval does, with no further call. A CHANGE_RULE proposal moves a LEAD_DECIDES project to CONSENSUS,
 * after which the lead alone can no longer launch.
 */
@Order(1)
@ExtendWith(Platform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceIT {

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private Organisations.ThreeSectors partners;

    @BeforeAll
    void organisationsJoin() {
        partners = Organisations.ThreeSectors.join("Governance");
    }

    @Test
    @Order(1)
    void aCrossSectorLaunchWaitsForTheMarketPartnerAndThenHappensByItself() {
        String lead = partners.coordinator().token();
        String project = project(lead, "CROSS_SECTOR_MAJORITY");

        // partners are admitted by decision: the lead alone while it is alone, then the lead and the charity
        String admitCharity = propose(lead, project, Map.of("type", "ADMIT_PARTNER", "payload",
                Map.of("partnerId", partners.charity(), "role", "CO_PRODUCER", "message", "Join us")));
        vote(lead, project, admitCharity, partners.city(), "APPROVE").statusCode(200).body("status", is("PASSED"))
                .body("application.status", is("APPLIED"));
        accept(partners.charityRep().token(), project, partners.charity());
        String admitCompany = propose(partners.charityRep().token(), project, Map.of("type", "ADMIT_PARTNER", "payload",
                Map.of("partnerId", partners.company(), "role", "FUNDER")));
        vote(lead, project, admitCompany, partners.city(), "APPROVE").statusCode(200).body("status", is("OPEN"));
        vote(partners.charityRep().token(), project, admitCompany, partners.charity(), "APPROVE").statusCode(200).body("status", is("PASSED"));
        accept(partners.companyRep().token(), project, partners.company());

        String need = Eventually.answers(201, () -> Platform.as(lead).body(Map.of("projectId", project, "type", "FUNDING",
                "quantity", "5000", "unit", "EUR", "dimension", "HOUSING")).post("/api/v1/needs")).path("id");
        Eventually.answers(201, () -> Platform.as(partners.companyRep().token()).body(Map.of("projectId", project, "type", "FUNDING",
                "quantity", "5000", "unit", "EUR", "needId", need)).post("/api/v1/contributions"));
        Eventually.holds(() -> assertThat(readiness(lead, project).getList("criteria.findAll { !it.passed }.code", String.class))
                .containsExactly("LAUNCH_DECISION_APPROVED"));
        Platform.as(lead).post("/api/v1/projects/" + project + "/launch").then().statusCode(409)
                .body("type", is("urn:partnership:problem:decision-required")).body("detail", containsString("LAUNCH proposal"));

        String launch = propose(partners.charityRep().token(), project, Map.of("type", "LAUNCH", "title", "Launch now"));
        vote(lead, project, launch, partners.city(), "APPROVE").statusCode(200).body("status", is("OPEN"));
        // a majority (2 of 3) without the market partner does not pass
        vote(partners.charityRep().token(), project, launch, partners.charity(), "APPROVE").statusCode(200).body("status", is("OPEN"))
                .body("tally.approve", is(2)).body("tally.sectorsWithoutApproval", is(List.of("MARKET")));
        Platform.as(lead).get("/api/v1/projects/" + project).then().statusCode(200).body("status", is("OPEN"));
        Platform.as(partners.companyRep().token()).queryParam("awaiting", "me").get("/api/v1/proposals").then().statusCode(200)
                .body("items.id", hasItem(launch));

        // the market partner approves: the launch passes and the project is ACTIVE with no further call
        vote(partners.companyRep().token(), project, launch, partners.company(), "APPROVE").statusCode(200).body("status", is("PASSED"))
                .body("application.status", is("APPLIED"));
        Platform.as(partners.charityRep().token()).get("/api/v1/projects/" + project).then().statusCode(200).body("status", is("ACTIVE"));
        Platform.as(partners.companyRep().token()).queryParam("awaiting", "me").get("/api/v1/proposals").then().statusCode(200)
                .body("items.id", not(hasItem(launch)));
        JsonPath log = Platform.as(Platform.newUser("auditor", "auditor").token()).get("/api/v1/projects/" + project + "/proposals")
                .then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("items.type", String.class)).containsExactly("LAUNCH", "ADMIT_PARTNER", "ADMIT_PARTNER");
        assertThat(log.getList("items[0].votes.partnerId", String.class)).containsExactly(partners.city(), partners.charity(), partners.company());
        assertThat(log.getList("items[0].votes.votedByName", String.class)).containsExactly(partners.coordinator().username(),
                partners.charityRep().username(), partners.companyRep().username());
        // the project dashboard shows the decision log (who voted what, when) and no open proposal any more
        JsonPath dashboard = Platform.as(lead).get("/api/v1/dashboards/projects/" + project).then().statusCode(200).extract().jsonPath();
        assertThat(dashboard.getList("decisionLog.id", String.class)).containsExactly(launch, admitCompany, admitCharity);
        assertThat(dashboard.getList("decisionLog[0].votes.choice", String.class)).containsExactly("APPROVE", "APPROVE", "APPROVE");
        assertThat(dashboard.getList("decisionLog[0].votes.votedAt", String.class)).doesNotContainNull();
        assertThat(dashboard.getList("openProposals")).isEmpty();
    }

    @Test
    @Order(2)
    void afterTheRuleChangesToConsensusTheLeadAloneCanNoLongerLaunch() {
        String lead = partners.coordinator().token();
        String project = project(lead, "LEAD_DECIDES");
        Eventually.answers(201, () -> Platform.as(lead).body(Map.of("partnerId", partners.charity(), "role", "CO_PRODUCER"))
                .post("/api/v1/projects/" + project + "/participants"));
        accept(partners.charityRep().token(), project, partners.charity());
        String need = Eventually.answers(201, () -> Platform.as(lead).body(Map.of("projectId", project, "type", "VOLUNTEER_HOURS",
                "quantity", "100", "unit", "hours", "dimension", "HOUSING")).post("/api/v1/needs")).path("id");
        Eventually.answers(201, () -> Platform.as(partners.charityRep().token()).body(Map.of("projectId", project, "type", "VOLUNTEER_HOURS",
                "quantity", "100", "unit", "hours", "needId", need)).post("/api/v1/contributions"));
        Eventually.holds(() -> assertThat(readiness(lead, project).getBoolean("ready")).isTrue());

        String change = propose(lead, project, Map.of("type", "CHANGE_RULE", "payload", Map.of("governanceRule", "CONSENSUS")));
        vote(lead, project, change, partners.city(), "APPROVE").statusCode(200).body("status", is("PASSED"))
                .body("rule", is("LEAD_DECIDES")).body("application.status", is("APPLIED"));
        Platform.as(lead).get("/api/v1/projects/" + project).then().statusCode(200).body("governanceRule", is("CONSENSUS"));

        Platform.as(lead).post("/api/v1/projects/" + project + "/launch").then().statusCode(409)
                .body("type", is("urn:partnership:problem:decision-required"));
        String launch = propose(lead, project, Map.of("type", "LAUNCH"));
        vote(lead, project, launch, partners.city(), "APPROVE").statusCode(200).body("status", is("OPEN"));
        Platform.as(lead).get("/api/v1/projects/" + project).then().statusCode(200).body("status", is("OPEN"));
        Platform.as(partners.charityRep().token()).get("/api/v1/dashboards/projects/" + project).then().statusCode(200)
                .body("openProposals.id", is(List.of(launch))).body("openProposals[0].tally.missing", is(1))
                .body("decisionLog.type", is(List.of("LAUNCH", "CHANGE_RULE")));
    }

    @Test
    @Order(3)
    void aPassedChangeNeedChangesTheNeedInResourcesService() {
        String lead = partners.coordinator().token();
        String project = project(lead, "MAJORITY");
        String admit = propose(lead, project, Map.of("type", "ADMIT_PARTNER", "payload",
                Map.of("partnerId", partners.charity(), "role", "CO_PRODUCER")));
        vote(lead, project, admit, partners.city(), "APPROVE").statusCode(200).body("status", is("PASSED"));
        accept(partners.charityRep().token(), project, partners.charity());
        String need = Eventually.answers(201, () -> Platform.as(lead).body(Map.of("projectId", project, "type", "VOLUNTEER_HOURS",
                "quantity", "100", "unit", "hours", "dimension", "HOUSING")).post("/api/v1/needs")).path("id");

        String change = propose(partners.charityRep().token(), project, Map.of("type", "CHANGE_NEED", "title", "More volunteer hours",
                "payload", Map.of("needId", need, "needAction", "CHANGE", "quantity", "250")));
        vote(lead, project, change, partners.city(), "APPROVE").statusCode(200).body("status", is("OPEN"));
        vote(partners.charityRep().token(), project, change, partners.charity(), "APPROVE").statusCode(200).body("status", is("PASSED"))
                .body("application.status", is("RECORDED"));
        // resources-service applies it from partnership.proposal.decided.v1, with no further call
        Eventually.holds(() -> Platform.as(partners.charityRep().token()).get("/api/v1/needs?projectId=" + project).then().statusCode(200)
                .body("items[0].id", is(need)).body("items[0].quantity", is("250")).body("items[0].status", is("OPEN")));

        String cancel = propose(lead, project, Map.of("type", "CHANGE_NEED", "payload", Map.of("needId", need, "needAction", "CANCEL")));
        vote(lead, project, cancel, partners.city(), "APPROVE").statusCode(200).body("status", is("OPEN"));
        vote(partners.charityRep().token(), project, cancel, partners.charity(), "APPROVE").statusCode(200).body("status", is("PASSED"));
        Eventually.holds(() -> Platform.as(lead).get("/api/v1/needs?projectId=" + project).then().statusCode(200)
                .body("items[0].status", is("CANCELLED")));
    }

    // ---------------------------------------------------------------- helpers

    private String project(String token, String rule) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Governance " + rule, "purpose", "Decided together",
                "dimensions", List.of("HOUSING"), "plannedStart", today.plusDays(30).toString(),
                "plannedEnd", today.plusDays(300).toString()));
        body.put("governanceRule", rule);
        String id = Eventually.answers(201, () -> Platform.as(token).body(body).post("/api/v1/projects")).path("id");
        Platform.as(token).post("/api/v1/projects/" + id + "/open").then().statusCode(200);
        return id;
    }

    private static String propose(String token, String project, Map<String, Object> body) {
        return Platform.as(token).body(body).post("/api/v1/projects/" + project + "/proposals").then().statusCode(201)
                .extract().path("id");
    }

    /** Votes for the caller's partner on the version just read. */
    private static ValidatableResponse vote(String token, String project, String proposal, String partner, String choice) {
        String path = "/api/v1/projects/" + project + "/proposals/" + proposal;
        String etag = Platform.as(token).get(path).then().statusCode(200).extract().header("ETag");
        return Platform.as(token).header("If-Match", etag).body(Map.of("choice", choice, "comment", "our view"))
                .put(path + "/votes/" + partner).then();
    }

    private static void accept(String token, String project, String partner) {
        Platform.as(token).post("/api/v1/projects/" + project + "/participants/" + partner + "/accept").then().statusCode(200);
    }

    private static JsonPath readiness(String token, String project) {
        return Platform.as(token).get("/api/v1/projects/" + project + "/readiness").then().statusCode(200).extract().jsonPath();
    }
}
