package org.partnership.projects.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.partnership.projects.Fixtures;
import org.partnership.projects.Fixtures.Partnership;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Tokens;
import org.partnership.testsupport.Topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.partnership.projects.Fixtures.PROJECTS;
import static org.partnership.projects.Fixtures.partner;
import static org.partnership.projects.Fixtures.post;
import static org.partnership.testsupport.EventContracts.json;
import static org.partnership.testsupport.Tokens.as;

/** The projects API over HTTP with real tokens, PostgreSQL and Kafka: the lifecycle, launch readiness and every refusal. */
@QuarkusTest
class ProjectResourceTest {

    static final List<String> ALL_CRITERIA = List.of("MIN_ACCEPTED_PARTICIPANTS", "CROSS_SECTOR", "PARTICIPANTS_ACTIVE",
            "NEEDS_COVERED", "RISKS_ALLOCATED");

    // ---------------------------------------------------------------- lifecycle

    @Test
    void shouldRunTheWholeLifecycleFromDraftToCompleted() {
        UUID lead = partner("PUBLIC");
        UUID charity = partner("THIRD_SECTOR");
        UUID company = partner("MARKET");
        String coordinator = Tokens.coordinator(lead);

        String id = as(coordinator).body(Fixtures.projectBody("Housing First " + lead)).post(PROJECTS)
                .then().statusCode(201)
                .header("Location", containsString(PROJECTS + "/"))
                .header("ETag", "\"0\"")
                .body("status", is("DRAFT"))
                .body("leadPartnerId", is(lead.toString()))
                .body("requiredCoveragePercent", is(100))
                .body("governanceRule", is("LEAD_DECIDES"))
                .body("dimensions", contains("HOUSING", "EMPLOYMENT")) // the coordinator's order
                .body("participants", hasSize(1))
                .body("participants[0].role", is("LEAD"))
                .body("participants[0].status", is("ACCEPTED"))
                .body("participants[0].sector", is("PUBLIC"))
                .extract().path("id");
        String path = PROJECTS + "/" + id;

        as(coordinator).post(path + "/open").then().statusCode(200).body("status", is("OPEN")).header("ETag", "\"1\"");
        invite(coordinator, id, charity, "CO_PRODUCER");
        invite(coordinator, id, company, "FUNDER");

        as(Tokens.partnerRep(charity)).get(PROJECTS + "/invitations").then().statusCode(200)
                .body("items.projectId", hasItem(id))
                .body("items.find { it.projectId == '%s' }.role".formatted(id), is("CO_PRODUCER"))
                .body("items.find { it.projectId == '%s' }.message".formatted(id), is("Join us"));
        as(Tokens.partnerRep(charity)).post(path + "/participants/" + charity + "/accept").then().statusCode(200)
                .body("participants.find { it.partnerId == '%s' }.status".formatted(charity), is("ACCEPTED"));
        as(Tokens.partnerRep(company)).post(path + "/participants/" + company + "/accept").then().statusCode(200);
        as(Tokens.partnerRep(charity)).get(PROJECTS + "/invitations").then().statusCode(200)
                .body("items.projectId", not(hasItem(id)));

        as(coordinator).get(path + "/readiness").then().statusCode(200)
                .body("ready", is(false))
                .body("criteria.code", is(ALL_CRITERIA))
                .body("criteria.findAll { !it.passed }.code", is(List.of("NEEDS_COVERED")));

        Fixtures.coveredAndAllocated(UUID.fromString(id), 1);
        as(Tokens.partnerRep(charity)).get(path + "/readiness").then().statusCode(200)
                .body("ready", is(true))
                .body("criteria.passed", everyItem(is(true)))
                .body("criteria.reason", everyItem(notNullValue()));

        as(coordinator).post(path + "/launch").then().statusCode(200).body("status", is("ACTIVE"));
        as(coordinator).post(path + "/complete").then().statusCode(200).body("status", is("COMPLETED"))
                .header("ETag", "\"7\"");

        as(Tokens.partnerRep(company)).queryParam("mine", true).get(PROJECTS).then().statusCode(200)
                .body("items.id", hasItem(id));

        List<String> events = Topics.values("projects.v1", id, 8, Duration.ofSeconds(30));
        assertThat(events).hasSize(8);
        events.forEach(EventContracts::assertProduced);
        // who: the coordinator's token, its partner and roles (#22)
        assertThat(json(events.get(0)).path("actor").path("username").asText()).startsWith("coordinator-");
        assertThat(json(events.get(0)).path("actor").path("partnerId").asText()).isNotBlank();
        assertThat(json(events.get(0)).path("actor").path("roles").toString()).contains("coordinator");
        assertThat(json(events.get(0)).has("causationid")).isFalse();
        assertThat(events).extracting(e -> json(e).path("type").asText()).containsExactly(
                "partnership.project.created.v1", "partnership.project.opened.v1", "partnership.participant.invited.v1",
                "partnership.participant.invited.v1", "partnership.participant.accepted.v1", "partnership.participant.accepted.v1",
                "partnership.project.launched.v1", "partnership.project.completed.v1");
        assertThat(events).extracting(e -> json(e).path("data").path("version").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(json(events.get(2)).path("data").path("partnerId").asText()).isEqualTo(charity.toString());
        assertThat(json(events.get(2)).path("data").path("role").asText()).isEqualTo("CO_PRODUCER");
        assertThat(json(events.get(7)).path("data").path("participants")).hasSize(3);
    }

    @Test
    void shouldAnswerEveryIllegalTransitionWith409NamingTheCurrentState() {
        UUID lead = partner("PUBLIC");
        String coordinator = Tokens.coordinator(lead);
        String draft = PROJECTS + "/" + Fixtures.createProject(lead);
        refused(coordinator, draft, "DRAFT", "launch", "complete");

        post(coordinator, draft + "/open", 200);
        refused(coordinator, draft, "OPEN", "open", "complete");

        post(coordinator, draft + "/cancel", 200);
        refused(coordinator, draft, "CANCELLED", "open", "launch", "complete", "cancel");

        Partnership active = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        Fixtures.coveredAndAllocated(active.id(), 1);
        post(active.coordinator(), active.path() + "/launch", 200);
        refused(active.coordinator(), active.path(), "ACTIVE", "open", "launch");

        post(active.coordinator(), active.path() + "/complete", 200);
        refused(active.coordinator(), active.path(), "COMPLETED", "open", "launch", "complete", "cancel");

        String cancelledFromDraft = PROJECTS + "/" + Fixtures.createProject(lead);
        as(coordinator).post(cancelledFromDraft + "/cancel").then().statusCode(200).body("status", is("CANCELLED"));
    }

    // ---------------------------------------------------------------- launch readiness

    @Test
    void shouldRefuseToLaunchASingleSectorPartnership() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "PUBLIC");
        Fixtures.coveredAndAllocated(p.id(), 1);
        launchRefusedWith(p, "CROSS_SECTOR");
    }

    @Test
    void shouldRefuseToLaunchWithUnallocatedRisks() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        Fixtures.sendAndAwait("resources.v1", p.id().toString(), Fixtures.summaryEvent(p.id(), 1, List.of("100"), 2,
                Map.of("Funding gap in year 2", "60")), Fixtures.RESOURCES_CONSUMER);
        launchRefusedWith(p, "RISKS_ALLOCATED");
        as(p.coordinator()).get(p.path() + "/readiness").then()
                .body("criteria.find { it.code == 'RISKS_ALLOCATED' }.reason", containsString("Funding gap in year 2"));
    }

    @Test
    void shouldRefuseToLaunchWithUncoveredNeeds() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "MARKET");
        Fixtures.sendAndAwait("resources.v1", p.id().toString(), Fixtures.summaryEvent(p.id(), 1, List.of("100", "30"), 0, Map.of()),
                Fixtures.RESOURCES_CONSUMER);
        launchRefusedWith(p, "NEEDS_COVERED");
        as(p.coordinator()).get(p.path() + "/readiness").then()
                .body("criteria.find { it.code == 'NEEDS_COVERED' }.reason", containsString("1 of 2 needs"));
    }

    @Test
    void shouldRefuseToLaunchWithASuspendedParticipant() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        Fixtures.coveredAndAllocated(p.id(), 1);
        UUID charity = p.participants()[0];

        Topics.send("partners.v1", charity.toString(), Fixtures.partnerEvent("suspended", charity, "Suspended Charity",
                "THIRD_SECTOR", "SUSPENDED", 2));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                as(p.coordinator()).get(p.path()).then().statusCode(200)
                        .body("participants.find { it.partnerId == '%s' }.partnerStatus".formatted(charity), is("SUSPENDED")));
        as(p.coordinator()).get(p.path()).then()
                .body("participants.find { it.partnerId == '%s' }.partnerName".formatted(charity), is("Suspended Charity"))
                .body("flags.code", hasItem("PARTICIPANT_SUSPENDED"));
        launchRefusedWith(p, "PARTICIPANTS_ACTIVE");
    }

    // ---------------------------------------------------------------- participants

    @Test
    void shouldNotLetAnyoneAnswerAnotherPartnersInvitation() {
        UUID lead = partner("PUBLIC");
        UUID invitee = partner("THIRD_SECTOR");
        UUID outsider = partner("MARKET");
        String coordinator = Tokens.coordinator(lead);
        String id = Fixtures.createProject(lead);
        String path = PROJECTS + "/" + id;
        invite(coordinator, id, invitee, "ADVISOR");

        as(Tokens.partnerRep(outsider)).post(path + "/participants/" + invitee + "/accept").then().statusCode(404)
                .contentType("application/problem+json");
        post(coordinator, path + "/open", 200);
        as(Tokens.partnerRep(outsider)).post(path + "/participants/" + invitee + "/accept").then().statusCode(403)
                .contentType("application/problem+json");
        as(coordinator).post(path + "/participants/" + invitee + "/accept").then().statusCode(403);
        as(Tokens.auditor()).post(path + "/participants/" + invitee + "/accept").then().statusCode(403);
        as(Tokens.partnerRep(invitee)).post(path + "/participants/" + outsider + "/accept").then().statusCode(403);

        as(coordinator).get(path).then().statusCode(200)
                .body("participants.find { it.partnerId == '%s' }.status".formatted(invitee), is("INVITED"));

        as(Tokens.partnerRep(invitee)).post(path + "/participants/" + invitee + "/decline").then().statusCode(200)
                .body("participants.find { it.partnerId == '%s' }.status".formatted(invitee), is("DECLINED"));
        as(Tokens.partnerRep(invitee)).post(path + "/participants/" + invitee + "/accept").then().statusCode(409)
                .body("detail", containsString("DECLINED"));
    }

    @Test
    void shouldInviteOnlyActivePartnersOnce() {
        UUID lead = partner("PUBLIC");
        String coordinator = Tokens.coordinator(lead);
        String id = Fixtures.createProject(lead);
        UUID pending = UUID.randomUUID();
        Fixtures.publishPartner("registered", pending, "Pending Partner", "MARKET", "PENDING_VERIFICATION", 0);
        UUID active = partner("MARKET");

        as(coordinator).body(Map.of("partnerId", UUID.randomUUID().toString(), "role", "FUNDER"))
                .post(PROJECTS + "/" + id + "/participants").then().statusCode(409).body("type", containsString("partner-unknown"));
        as(coordinator).body(Map.of("partnerId", pending.toString(), "role", "FUNDER"))
                .post(PROJECTS + "/" + id + "/participants").then().statusCode(409)
                .body("detail", containsString("PENDING_VERIFICATION"));
        as(coordinator).body(Map.of("partnerId", active.toString(), "role", "LEAD"))
                .post(PROJECTS + "/" + id + "/participants").then().statusCode(400).body("errors.field", hasItem("role"));
        as(coordinator).body(Map.of("partnerId", "not-a-uuid", "role", "FUNDER"))
                .post(PROJECTS + "/" + id + "/participants").then().statusCode(400).body("errors.field", hasItem("partnerId"));
        invite(coordinator, id, active, "FUNDER");
        as(coordinator).body(Map.of("partnerId", active.toString(), "role", "FUNDER"))
                .post(PROJECTS + "/" + id + "/participants").then().statusCode(409).body("detail", containsString("INVITED"));
        as(coordinator).body(Map.of("partnerId", lead.toString(), "role", "FUNDER"))
                .post(PROJECTS + "/" + id + "/participants").then().statusCode(409);
        as(Tokens.partnerRep(active)).body(Map.of("partnerId", lead.toString(), "role", "FUNDER"))
                .post(PROJECTS + "/" + id + "/participants").then().statusCode(403);
    }

    @Test
    void shouldRecordAWithdrawalAfterLaunchAndFlagTheProject() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR", "MARKET");
        Fixtures.coveredAndAllocated(p.id(), 1);
        post(p.coordinator(), p.path() + "/launch", 200);
        UUID company = p.participants()[1];

        as(p.coordinator()).post(p.path() + "/participants/" + company + "/withdraw").then().statusCode(403);
        as(p.coordinator()).post(p.path() + "/participants/" + p.lead() + "/withdraw").then().statusCode(409)
                .body("type", containsString("lead-cannot-withdraw"));
        as(Tokens.partnerRep(company)).post(p.path() + "/participants/" + company + "/withdraw").then().statusCode(200)
                .body("participants.find { it.partnerId == '%s' }.status".formatted(company), is("WITHDRAWN"))
                .body("participants.find { it.partnerId == '%s' }.withdrawnAfterLaunch".formatted(company), is(true))
                .body("flags.code", hasItem("PARTICIPANT_WITHDREW_AFTER_LAUNCH"))
                .body("status", is("ACTIVE"));
        as(Tokens.partnerRep(company)).post(p.path() + "/participants/" + company + "/withdraw").then().statusCode(409);
    }

    // ---------------------------------------------------------------- creation and authorisation

    @Test
    void shouldLetOnlyCoordinatorsCreateProjectsForTheirOwnPartner() {
        UUID someone = partner("THIRD_SECTOR");
        Map<String, Object> body = Fixtures.projectBody("Not allowed");
        as(Tokens.partnerRep(someone)).body(body).post(PROJECTS).then().statusCode(403).contentType("application/problem+json");
        as(Tokens.user("coordinator-without-partner").roles("coordinator").sign()).body(body).post(PROJECTS)
                .then().statusCode(403).body("detail", containsString("partner_id"));
        as(Tokens.auditor()).body(body).post(PROJECTS).then().statusCode(403);
        as(Tokens.coordinator(UUID.randomUUID())).body(body).post(PROJECTS).then().statusCode(409);
        Map<String, Object> sneaky = new HashMap<>(body);
        sneaky.put("leadPartnerId", someone.toString());
        as(Tokens.coordinator(partner("PUBLIC"))).body(sneaky).post(PROJECTS).then().statusCode(400)
                .body("errors.field", hasItem("leadPartnerId"));
    }

    @Test
    void shouldCreateOneProjectForRepeatsOfTheSameIdempotencyKey() {
        UUID lead = partner("PUBLIC");
        String coordinator = Tokens.coordinator(lead);
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> body = Fixtures.projectBody("Idempotent " + key);

        ExtractableResponse<Response> first = as(coordinator).header("Idempotency-Key", key).body(body).post(PROJECTS)
                .then().statusCode(201).extract();
        ExtractableResponse<Response> again = as(coordinator).header("Idempotency-Key", key).body(body).post(PROJECTS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertThat(again.path("id").toString()).isEqualTo(first.path("id").toString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo("\"0\"");

        Map<String, Object> different = new HashMap<>(body);
        different.put("title", "Something else");
        as(coordinator).header("Idempotency-Key", key).body(different).post(PROJECTS)
                .then().statusCode(422).contentType("application/problem+json");

        as(coordinator).queryParam("mine", true).queryParam("limit", 100).get(PROJECTS).then().statusCode(200)
                .body("items.findAll { it.title == '%s' }".formatted(body.get("title")), hasSize(1));
    }

    @Test
    void shouldRefuseRequestsWithoutAValidToken() {
        given().contentType(ContentType.JSON).body(Fixtures.projectBody("x")).post(PROJECTS)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().get(PROJECTS).then().statusCode(401);
        as(Tokens.user("mallory").roles("auditor").forged().sign()).get(PROJECTS).then().statusCode(401);
        as("not-a-jwt").get(PROJECTS + "/invitations").then().statusCode(401);
    }

    @Test
    void shouldListEveryInvalidFieldAndCreateNothing() {
        String coordinator = Tokens.coordinator(partner("PUBLIC"));
        Map<String, Object> invalid = new HashMap<>(Fixtures.projectBody(" "));
        invalid.put("dimensions", List.of());
        invalid.remove("plannedStart");
        invalid.put("requiredCoveragePercent", 101);
        as(coordinator).body(invalid).post(PROJECTS).then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:validation"))
                .body("errors.field", hasItems("title", "dimensions", "plannedStart", "requiredCoveragePercent"));

        Map<String, Object> backwards = new HashMap<>(Fixtures.projectBody("Backwards"));
        backwards.put("plannedEnd", "2026-01-01");
        as(coordinator).body(backwards).post(PROJECTS).then().statusCode(400).body("errors.field", hasItem("plannedEnd"));
        Map<String, Object> voting = new HashMap<>(Fixtures.projectBody("Voting"));
        voting.put("governanceRule", "DICTATORSHIP");
        as(coordinator).body(voting).post(PROJECTS).then().statusCode(400).body("errors.field", hasItem("governanceRule"));
        Map<String, Object> unknownDimension = new HashMap<>(Fixtures.projectBody("Unknown"));
        unknownDimension.put("dimensions", List.of("SPACE_TRAVEL"));
        as(coordinator).body(unknownDimension).post(PROJECTS).then().statusCode(400).body("errors.field", hasItem("dimensions[0]"));
        as(coordinator).body("{\"title\": ").post(PROJECTS).then().statusCode(400).body("type", is("urn:partnership:problem:malformed-json"));

        as(coordinator).get(PROJECTS + "/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("id"));
        as(coordinator).get(PROJECTS + "/" + UUID.randomUUID()).then().statusCode(404);
        as(coordinator).queryParam("limit", 0).get(PROJECTS).then().statusCode(400).body("errors.field", hasItem("limit"));
        as(coordinator).queryParam("status", "DREAMING").get(PROJECTS).then().statusCode(400).body("errors.field", hasItem("status"));
        as(coordinator).queryParam("cursor", "garbage!").get(PROJECTS).then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void shouldChangeThePlanOnlyWithTheCurrentVersion() {
        UUID lead = partner("PUBLIC");
        String coordinator = Tokens.coordinator(lead);
        String path = PROJECTS + "/" + Fixtures.createProject(lead);

        as(coordinator).body(Map.of("title", "Renamed")).patch(path).then().statusCode(428).contentType("application/problem+json");
        as(coordinator).header("If-Match", "\"0\"").body(Map.of("title", "Renamed", "requiredCoveragePercent", 80, "purpose", "Homes first.\nSupport after."))
                .patch(path).then().statusCode(200).header("ETag", "\"1\"").body("title", is("Renamed")).body("requiredCoveragePercent", is(80))
                .body("purpose", is("Homes first.\nSupport after."))
                .body("dimensions", containsInAnyOrder("HOUSING", "EMPLOYMENT"));
        as(coordinator).header("If-Match", "\"0\"").body(Map.of("title", "Lost update")).patch(path)
                .then().statusCode(412).contentType("application/problem+json");
        as(coordinator).header("If-Match", "\"1\"").body(Map.of("plannedEnd", "2020-01-01")).patch(path)
                .then().statusCode(400).body("errors.field", hasItem("plannedEnd"));
        as(coordinator).header("If-Match", "\"1\"").body(Map.of("title", " \n\t ", "purpose", "")).patch(path)
                .then().statusCode(400).body("errors.field", hasItems("title", "purpose"));
        as(coordinator).header("If-Match", "\"1\"").body(Map.of("status", "ACTIVE")).patch(path)
                .then().statusCode(400).body("errors.field", hasItem("status"));
        as(coordinator).header("If-Match", "\"0\"").post(path + "/open").then().statusCode(412);
        as(Tokens.partnerRep(partner("MARKET"))).header("If-Match", "\"1\"").body(Map.of("title", "Hijacked")).patch(path)
                .then().statusCode(404);
        as(coordinator).get(path).then().statusCode(200).header("ETag", "\"1\"").body("title", is("Renamed"));
    }

    // ---------------------------------------------------------------- visibility

    @Test
    void shouldShowNonParticipantsOnlyThePublicSummaryOfOpenProjects() {
        UUID lead = partner("PUBLIC");
        String coordinator = Tokens.coordinator(lead);
        String id = Fixtures.createProject(lead);
        String path = PROJECTS + "/" + id;
        String stranger = Tokens.partnerRep(partner("COMMUNITY"));

        as(stranger).get(path).then().statusCode(404);
        as(stranger).get(path + "/readiness").then().statusCode(404);
        post(coordinator, path + "/open", 200);

        as(stranger).get(path).then().statusCode(200)
                .body("visibility", is("SUMMARY"))
                .body("title", notNullValue())
                .body("participants", nullValue())
                .body("flags", nullValue());
        as(stranger).get(path + "/readiness").then().statusCode(403);
        as(stranger).get(path + "/participants").then().statusCode(403);
        as(stranger).get(path + "/indicators").then().statusCode(403);
        as(stranger).post(path + "/open").then().statusCode(403);
        as(stranger).queryParam("status", "OPEN").queryParam("limit", 100).get(PROJECTS).then().statusCode(200)
                .body("items.status", everyItem(is("OPEN")));
        as(stranger).queryParam("status", "DRAFT").get(PROJECTS).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(coordinator).get(path).then().body("visibility", is("FULL")).body("participants", hasSize(1));
    }

    @Test
    void shouldLetAuditorsReadEverythingButChangeNothing() {
        UUID lead = partner("PUBLIC");
        String id = Fixtures.createProject(lead);
        String path = PROJECTS + "/" + id;
        String auditor = Tokens.auditor();

        as(auditor).get(path).then().statusCode(200).body("visibility", is("FULL")).body("status", is("DRAFT"));
        as(auditor).get(path + "/readiness").then().statusCode(200).body("ready", is(false));
        as(auditor).get(path + "/participants").then().statusCode(200).body("items.role", hasItem("LEAD"));
        as(auditor).queryParam("status", "DRAFT").queryParam("limit", 100).get(PROJECTS).then().statusCode(200);
        as(auditor).post(path + "/open").then().statusCode(403).body("detail", containsString("role does not allow"));
        as(auditor).header("If-Match", "\"0\"").body(Map.of("title", "Audited")).patch(path).then().statusCode(403);
        as(auditor).body(Map.of("partnerId", partner("MARKET").toString(), "role", "FUNDER")).post(path + "/participants")
                .then().statusCode(403);
        as(auditor).body(Map.of("name", "x", "unit", "y", "baseline", "0", "target", "1")).post(path + "/indicators")
                .then().statusCode(403);
        as(auditor).get(path).then().body("status", is("DRAFT")).header("ETag", "\"0\"");
    }

    @Test
    void shouldPageThroughMyProjects() {
        UUID lead = partner("PUBLIC");
        String coordinator = Tokens.coordinator(lead);
        String a = Fixtures.createProject(lead);
        String b = Fixtures.createProject(lead);
        String c = Fixtures.createProject(lead);

        String next = as(coordinator).queryParam("mine", true).queryParam("limit", 2).get(PROJECTS).then().statusCode(200)
                .body("items.id", is(List.of(c, b))).body("next", notNullValue()).extract().path("next");
        as(coordinator).queryParam("mine", true).queryParam("limit", 2).queryParam("cursor", next).get(PROJECTS).then()
                .statusCode(200).body("items.id", is(List.of(a))).body("next", nullValue());
        as(coordinator).queryParam("mine", true).queryParam("dimension", "JUSTICE").get(PROJECTS).then()
                .statusCode(200).body("items", hasSize(0));
        // a filter that is neither true nor false is refused, not read as false (which would list everything)
        as(coordinator).queryParam("mine", "yes").get(PROJECTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("mine"));
    }

    // ---------------------------------------------------------------- indicators and events

    @Test
    void shouldMeasureIndicatorsAndPublishEveryEventTypeAsAValidContract() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        UUID decliner = partner("MARKET");
        invite(p.coordinator(), p.id().toString(), decliner, "SERVICE_PROVIDER");
        post(Tokens.partnerRep(decliner), p.path() + "/participants/" + decliner + "/decline", 200);
        as(p.coordinator()).header("If-Match", "\"5\"").body(Map.of("purpose", "A sharper purpose")).patch(p.path())
                .then().statusCode(200);

        String indicator = as(p.coordinator()).body(Map.of("name", "People housed", "unit", "people", "baseline", "0", "target", "30"))
                .post(p.path() + "/indicators").then().statusCode(201)
                .body("latest", nullValue()).body("progressPercent", nullValue()).body("target", is("30"))
                .extract().path("id");
        as(p.coordinator()).body(Map.of("name", "Same", "unit", "x", "baseline", "5", "target", "5"))
                .post(p.path() + "/indicators").then().statusCode(400).body("errors.field", hasItem("target"));
        Fixtures.coveredAndAllocated(p.id(), 1);
        post(p.coordinator(), p.path() + "/launch", 200);
        as(Tokens.partnerRep(p.participants()[0])).body(Map.of("value", "12", "measuredAt", "2026-10-01"))
                .post(p.path() + "/indicators/" + indicator + "/measurements").then().statusCode(201)
                .body("latest", is("12")).body("progressPercent", is("40"));
        as(p.coordinator()).body(Map.of("value", "3", "measuredAt", "2026-01-01"))
                .post(p.path() + "/indicators/" + indicator + "/measurements").then().statusCode(201)
                .body("latest", is("12"));
        as(p.coordinator()).body(Map.of("value", "abc", "measuredAt", "2026-01-01"))
                .post(p.path() + "/indicators/" + indicator + "/measurements").then().statusCode(400).body("errors.field", hasItem("value"));
        as(p.coordinator()).body(Map.of("value", "1", "measuredAt", "2026-01-01"))
                .post(p.path() + "/indicators/" + UUID.randomUUID() + "/measurements").then().statusCode(404);
        as(Tokens.partnerRep(p.participants()[0])).get(p.path() + "/indicators").then().statusCode(200)
                .body("items[0].name", is("People housed")).body("items[0].progressPercent", is("40"));
        post(Tokens.partnerRep(p.participants()[0]), p.path() + "/participants/" + p.participants()[0] + "/withdraw", 200);
        post(p.coordinator(), p.path() + "/complete", 200);

        Partnership cancelled = Fixtures.openPartnership("PUBLIC");
        post(cancelled.coordinator(), cancelled.path() + "/cancel", 200);

        List<String> events = new java.util.ArrayList<>(Topics.values("projects.v1", p.id().toString(), 12, Duration.ofSeconds(30)));
        events.addAll(Topics.values("projects.v1", cancelled.id().toString(), 3, Duration.ofSeconds(30)));
        events.forEach(EventContracts::assertProduced);
        assertThat(events).extracting(e -> json(e).path("type").asText()).contains(
                "partnership.project.created.v1", "partnership.project.updated.v1", "partnership.project.opened.v1",
                "partnership.project.launched.v1", "partnership.project.completed.v1", "partnership.project.cancelled.v1",
                "partnership.participant.invited.v1", "partnership.participant.accepted.v1",
                "partnership.participant.declined.v1", "partnership.participant.withdrew.v1",
                "partnership.indicator.measured.v1");
        assertThat(events).filteredOn(e -> json(e).path("type").asText().equals("partnership.indicator.measured.v1"))
                .extracting(e -> json(e).path("data").path("value").asText()).containsExactly("12", "3");
    }

    // ---------------------------------------------------------------- helpers

    private static void invite(String coordinator, String projectId, UUID partner, String role) {
        as(coordinator).body(Map.of("partnerId", partner.toString(), "role", role, "message", "Join us"))
                .post(PROJECTS + "/" + projectId + "/participants").then().statusCode(201)
                .body("participants.find { it.partnerId == '%s' }.status".formatted(partner), is("INVITED"));
    }

    private static void refused(String token, String path, String current, String... actions) {
        for (String action : actions) {
            as(token).post(path + "/" + action).then().statusCode(409).contentType("application/problem+json")
                    .body("type", is("urn:partnership:problem:illegal-transition"))
                    .body("detail", containsString("is " + current));
        }
    }

    private static void launchRefusedWith(Partnership p, String... failing) {
        as(p.coordinator()).get(p.path() + "/readiness").then().statusCode(200)
                .body("ready", is(false))
                .body("criteria.code", is(ALL_CRITERIA))
                .body("criteria.findAll { !it.passed }.code", is(List.of(failing)));
        as(p.coordinator()).post(p.path() + "/launch").then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:launch-not-ready"))
                .body("criteria.code", is(List.of(failing)))
                .body("criteria.passed", everyItem(is(false)))
                .body("errors.field", is(List.of(failing)));
        as(p.coordinator()).get(p.path()).then().body("status", is("OPEN"));
    }
}
