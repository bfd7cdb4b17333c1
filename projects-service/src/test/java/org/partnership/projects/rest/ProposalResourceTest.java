package org.partnership.projects.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.partnership.projects.Fixtures;
import org.partnership.projects.Fixtures.Partnership;
import org.partnership.projects.service.ProposalDeadlineJob;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Tokens;
import org.partnership.testsupport.Topics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.partnership.projects.Fixtures.PROJECTS;
import static org.partnership.testsupport.EventContracts.json;
import static org.partnership.testsupport.Tokens.as;

/**
 * Co-governance over HTTP with real tokens, PostgreSQL and Kafka (issue #21): proposing, voting under each rule, the
 * decisions applying themselves, every 409, the deadline job and who may do what.
 */
@QuarkusTest
class ProposalResourceTest {

    static final String AWAITING = "/api/v1/proposals";

    @Inject
    ProposalDeadlineJob deadlines;

    // ---------------------------------------------------------------- the cross-sector launch

    @Test
    void shouldLaunchACrossSectorProjectOnlyOnceEverySectorApproved() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR", "MARKET");
        UUID charity = p.participants()[0];
        UUID company = p.participants()[1];
        Fixtures.coveredAndAllocated(p.id(), 1);
        rule(p, "CROSS_SECTOR_MAJORITY");

        as(p.coordinator()).get(p.path() + "/readiness").then().statusCode(200).body("ready", is(false))
                .body("criteria.findAll { !it.passed }.code", contains("LAUNCH_DECISION_APPROVED"));
        as(p.coordinator()).post(p.path() + "/launch").then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:decision-required"))
                .body("detail", containsString("open a LAUNCH proposal"));

        ExtractableResponse<Response> opened = as(Tokens.partnerRep(charity)).header("Idempotency-Key", "launch-" + p.id())
                .body(Map.of("type", "LAUNCH", "title", "Launch in January")).post(p.path() + "/proposals")
                .then().statusCode(201).header("ETag", "\"0\"").header("Location", containsString(p.path() + "/proposals/"))
                .body("status", is("OPEN")).body("rule", is("CROSS_SECTOR_MAJORITY")).body("type", is("LAUNCH"))
                .body("proposedByPartnerId", is(charity.toString()))
                .body("tally.eligible", is(3)).body("tally.missing", is(3)).body("tally.approvalsNeeded", is(2))
                .body("tally.sectors", contains("MARKET", "PUBLIC", "THIRD_SECTOR")).body("votes", hasSize(0))
                .extract();
        String proposal = p.path() + "/proposals/" + opened.path("id");
        as(Tokens.partnerRep(charity)).header("Idempotency-Key", "launch-" + p.id())
                .body(Map.of("type", "LAUNCH", "title", "Launch in January")).post(p.path() + "/proposals")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", is((String) opened.path("id")));
        as(p.coordinator()).body(Map.of("type", "LAUNCH")).post(p.path() + "/proposals").then().statusCode(409)
                .body("type", is("urn:partnership:problem:proposal-already-open"))
                .body("detail", containsString((String) opened.path("id")));

        vote(p.coordinator(), proposal, p.lead(), "\"0\"", "APPROVE").statusCode(200).body("status", is("OPEN"));
        vote(Tokens.partnerRep(charity), proposal, charity, "\"1\"", "APPROVE").statusCode(200)
                .body("status", is("OPEN")).body("tally.approve", is(2)).body("tally.sectorsWithoutApproval", contains("MARKET"))
                .body("tally.passing", is(false)).body("tally.reason", containsString("no approval yet from MARKET"));
        as(p.coordinator()).get(p.path()).then().body("status", is("OPEN"));
        as(Tokens.partnerRep(company)).queryParam("awaiting", "me").get(AWAITING).then().statusCode(200)
                .body("items.id", hasItem((String) opened.path("id")))
                .body("items.find { it.id == '%s' }.projectTitle".formatted((String) opened.path("id")), containsString("Project"));
        as(Tokens.partnerRep(charity)).queryParam("awaiting", "me").get(AWAITING).then().statusCode(200)
                .body("items.id", not(hasItem((String) opened.path("id"))));

        // the market partner's approval completes every sector: the launch passes and applies itself
        vote(Tokens.partnerRep(company), proposal, company, "\"2\"", "APPROVE").statusCode(200)
                .body("status", is("PASSED")).body("application.status", is("APPLIED")).body("tally.passing", is(true))
                .body("votes.partnerId", contains(p.lead().toString(), charity.toString(), company.toString()))
                .body("votes.counted", contains(true, true, true));
        as(p.coordinator()).get(p.path()).then().body("status", is("ACTIVE"));
        as(p.coordinator()).get(p.path() + "/readiness").then()
                .body("criteria.find { it.code == 'LAUNCH_DECISION_APPROVED' }.passed", is(true));
        vote(Tokens.partnerRep(company), proposal, company, "\"3\"", "REJECT").statusCode(409)
                .body("type", is("urn:partnership:problem:proposal-closed"));

        List<String> events = Topics.values("projects.v1", p.id().toString(), 13, Duration.ofSeconds(30));
        events.forEach(EventContracts::assertProduced);
        assertThat(events).extracting(e -> json(e).path("type").asText()).endsWith("partnership.proposal.opened.v1",
                "partnership.proposal.voted.v1", "partnership.proposal.voted.v1", "partnership.proposal.voted.v1",
                "partnership.project.launched.v1", "partnership.proposal.decided.v1");
        JsonNode decided = json(events.get(events.size() - 1)).path("data");
        assertThat(decided.path("status").asText()).isEqualTo("PASSED");
        assertThat(decided.path("application").path("status").asText()).isEqualTo("APPLIED");
        assertThat(decided.path("tally").path("sectorsApproving")).hasSize(3);
    }

    @Test
    void shouldRecordAPassedLaunchThatIsNotReadyAndApplyItLaterWithoutANewVote() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        UUID charity = p.participants()[0];
        rule(p, "MAJORITY");
        String proposal = open(p.coordinator(), p, Map.of("type", "LAUNCH"));

        vote(p.coordinator(), proposal, p.lead(), "\"0\"", "APPROVE").body("status", is("OPEN"));
        vote(Tokens.partnerRep(charity), proposal, charity, "\"1\"", "APPROVE").statusCode(200)
                .body("status", is("PASSED")).body("application.status", is("NOT_APPLIED"))
                .body("application.failing.code", contains("NEEDS_COVERED"))
                .body("application.detail", containsString("/apply"));
        as(p.coordinator()).get(p.path()).then().body("status", is("OPEN"));
        as(p.coordinator()).get(p.path() + "/readiness").then()
                .body("criteria.findAll { !it.passed }.code", contains("NEEDS_COVERED"));

        as(Tokens.partnerRep(charity)).post(proposal + "/apply").then().statusCode(200)
                .body("application.status", is("NOT_APPLIED"));
        Fixtures.coveredAndAllocated(p.id(), 1);
        as(Tokens.partnerRep(charity)).post(proposal + "/apply").then().statusCode(200)
                .body("application.status", is("APPLIED")).body("application.failing", nullValue());
        as(p.coordinator()).get(p.path()).then().body("status", is("ACTIVE"));
        as(Tokens.partnerRep(charity)).post(proposal + "/apply").then().statusCode(409)
                .body("type", is("urn:partnership:problem:proposal-not-applicable"));
    }

    @Test
    void shouldOpenOneOfSeveralIdenticalProposalsSentAtTheSameMomentAndRefuseTheOthersWith409() throws Exception {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        int callers = 6;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < callers; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return as(p.coordinator()).body(Map.of("type", "LAUNCH", "title", "Launch now"))
                        .post(p.path() + "/proposals").then().extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).as("one opened, the others refused as a conflict, none failed").containsOnly(201, 409)
                .filteredOn(s -> s == 201).hasSize(1);
        as(p.coordinator()).queryParam("status", "OPEN").get(p.path() + "/proposals").then().statusCode(200).body("items", hasSize(1));
    }

    // ---------------------------------------------------------------- changing the rule

    @Test
    void shouldChangeTheRuleByProposalAfterWhichTheLeadAloneCanNoLongerDecide() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        Fixtures.coveredAndAllocated(p.id(), 1);
        String proposal = open(p.coordinator(), p, Map.of("type", "CHANGE_RULE", "payload", Map.of("governanceRule", "CONSENSUS")));
        as(p.coordinator()).body(Map.of("type", "CHANGE_RULE", "payload", Map.of("governanceRule", "MAJORITY")))
                .post(p.path() + "/proposals").then().statusCode(409).body("type", is("urn:partnership:problem:proposal-already-open"));

        // under LEAD_DECIDES the lead's vote decides, the others' are recorded
        vote(Tokens.partnerRep(p.participants()[0]), proposal, p.participants()[0], "\"0\"", "REJECT").body("status", is("OPEN"));
        vote(p.coordinator(), proposal, p.lead(), "\"1\"", "APPROVE").statusCode(200)
                .body("status", is("PASSED")).body("rule", is("LEAD_DECIDES")).body("application.status", is("APPLIED"));
        as(p.coordinator()).get(p.path()).then().body("governanceRule", is("CONSENSUS"));

        as(p.coordinator()).post(p.path() + "/launch").then().statusCode(409)
                .body("type", is("urn:partnership:problem:decision-required")).body("detail", containsString("CONSENSUS"));
        as(p.coordinator()).post(p.path() + "/cancel").then().statusCode(409).body("detail", containsString("CANCEL proposal"));
        as(p.coordinator()).body(Map.of("partnerId", Fixtures.partner("MARKET").toString(), "role", "FUNDER"))
                .post(p.path() + "/participants").then().statusCode(409).body("detail", containsString("ADMIT_PARTNER proposal"));
        String etag = as(p.coordinator()).get(p.path()).then().extract().header("ETag");
        as(p.coordinator()).header("If-Match", etag).body(Map.of("governanceRule", "LEAD_DECIDES")).patch(p.path())
                .then().statusCode(409).body("detail", containsString("CHANGE_RULE proposal"));
        as(p.coordinator()).header("If-Match", etag).body(Map.of("title", "Still changeable by the lead")).patch(p.path())
                .then().statusCode(200);
    }

    @Test
    void shouldAdmitAndRemovePartnersByDecision() {
        UUID lead = Fixtures.partner("PUBLIC");
        String coordinator = Tokens.coordinator(lead);
        Map<String, Object> body = new HashMap<>(Fixtures.projectBody("Decided together"));
        body.put("governanceRule", "CROSS_SECTOR_MAJORITY");
        String id = as(coordinator).body(body).post(PROJECTS).then().statusCode(201)
                .body("governanceRule", is("CROSS_SECTOR_MAJORITY")).extract().path("id");
        Partnership p = new Partnership(UUID.fromString(id), lead, coordinator, new UUID[0]);
        Fixtures.post(coordinator, p.path() + "/open", 200);
        UUID charity = Fixtures.partner("THIRD_SECTOR");

        String admit = open(coordinator, p, Map.of("type", "ADMIT_PARTNER", "payload",
                Map.of("partnerId", charity.toString(), "role", "CO_PRODUCER", "message", "Join us")));
        vote(coordinator, admit, lead, "\"0\"", "APPROVE").body("status", is("PASSED")).body("application.status", is("APPLIED"))
                .body("payload.partnerId", is(charity.toString()));
        ParticipantResourceTest.participantStatus(coordinator, p.path(), charity, "INVITED");
        Fixtures.post(Tokens.partnerRep(charity), p.path() + "/participants/" + charity + "/accept", 200);

        String remove = open(Tokens.partnerRep(charity), p, Map.of("type", "REMOVE_PARTNER", "payload", Map.of("partnerId", charity.toString())));
        vote(coordinator, remove, lead, "\"0\"", "APPROVE").body("status", is("OPEN")).body("tally.sectorsWithoutApproval", contains("THIRD_SECTOR"));
        vote(Tokens.partnerRep(charity), remove, charity, "\"1\"", "APPROVE").body("status", is("PASSED"))
                .body("application.status", is("APPLIED"));
        ParticipantResourceTest.participantStatus(coordinator, p.path(), charity, "WITHDRAWN");
        as(coordinator).body(Map.of("type", "REMOVE_PARTNER", "payload", Map.of("partnerId", lead.toString())))
                .post(p.path() + "/proposals").then().statusCode(409);
    }

    // ---------------------------------------------------------------- who counts

    @Test
    void shouldVoidTheVotesOfAPartnerThatWithdrawsAndCountAgain() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR", "MARKET");
        UUID charity = p.participants()[0];
        UUID company = p.participants()[1];
        rule(p, "CONSENSUS");
        String proposal = open(p.coordinator(), p, Map.of("type", "RESOLUTION", "payload", Map.of("text", "We meet monthly")));

        vote(p.coordinator(), proposal, p.lead(), "\"0\"", "APPROVE").body("status", is("OPEN"));
        vote(Tokens.partnerRep(company), proposal, company, "\"1\"", "APPROVE").body("status", is("OPEN")).body("tally.missing", is(1));
        Fixtures.post(Tokens.partnerRep(company), p.path() + "/participants/" + company + "/withdraw", 200);
        as(p.coordinator()).get(proposal).then().statusCode(200).body("status", is("OPEN"))
                .body("tally.eligible", is(2)).body("tally.approve", is(1))
                .body("votes.find { it.partnerId == '%s' }.counted".formatted(company), is(false))
                .body("votes.find { it.partnerId == '%s' }.voidedReason".formatted(company), containsString("left the project"));

        // the last partner who had not voted leaves: everyone left has approved
        Fixtures.post(Tokens.partnerRep(charity), p.path() + "/participants/" + charity + "/withdraw", 200);
        as(p.coordinator()).get(proposal).then().statusCode(200).body("status", is("PASSED"))
                .body("application.status", is("RECORDED")).body("tally.eligible", is(1));
    }

    @Test
    void shouldNeitherCountNorAwaitASuspendedPartner() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR", "MARKET");
        UUID charity = p.participants()[0];
        UUID company = p.participants()[1];
        rule(p, "MAJORITY");
        Fixtures.publishPartner("suspended", company, "Suspended Company", "MARKET", "SUSPENDED", 2);
        String proposal = open(p.coordinator(), p, Map.of("type", "RESOLUTION", "payload", Map.of("text", "Quarterly reports")));

        vote(Tokens.partnerRep(company), proposal, company, "\"0\"", "REJECT").statusCode(409)
                .body("type", is("urn:partnership:problem:partner-not-active")).body("detail", containsString("SUSPENDED"));
        as(Tokens.partnerRep(company)).body(Map.of("type", "RESOLUTION", "payload", Map.of("text", "x")))
                .post(p.path() + "/proposals").then().statusCode(409).body("type", is("urn:partnership:problem:partner-not-active"));
        vote(p.coordinator(), proposal, p.lead(), "\"0\"", "APPROVE").body("status", is("OPEN")).body("tally.eligible", is(2));
        vote(Tokens.partnerRep(charity), proposal, charity, "\"1\"", "APPROVE").body("status", is("PASSED"));
    }

    // ---------------------------------------------------------------- the deadline

    @Test
    void shouldCloseProposalsAtTheirDeadlineOnceEvenWhenRunTwice() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR", "MARKET");
        UUID charity = p.participants()[0];
        rule(p, "MAJORITY");
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        String quiet = open(p.coordinator(), p, Map.of("type", "RESOLUTION", "deadline", deadline.toString(), "payload", Map.of("text", "A")));
        String split = open(p.coordinator(), p, Map.of("type", "RESOLUTION", "deadline", deadline.toString(), "payload", Map.of("text", "B")));
        vote(p.coordinator(), quiet, p.lead(), "\"0\"", "APPROVE").body("status", is("OPEN"));
        vote(p.coordinator(), split, p.lead(), "\"0\"", "APPROVE").body("status", is("OPEN"));
        vote(Tokens.partnerRep(charity), split, charity, "\"1\"", "REJECT").body("status", is("OPEN"));

        QuarkusMock.installMockForType(Clock.fixed(deadline.plusSeconds(30), ZoneOffset.UTC), Clock.class);
        vote(Tokens.partnerRep(charity), quiet, charity, "\"1\"", "APPROVE").statusCode(409)
                .body("type", is("urn:partnership:problem:proposal-closed")).body("detail", containsString("deadline"));
        assertThat(await(deadlines)).isGreaterThanOrEqualTo(2);
        assertThat(await(deadlines)).isZero();

        as(p.coordinator()).get(quiet).then().body("status", is("EXPIRED")).body("tally.quorum", is(false))
                .body("tally.reason", containsString("without a quorum"));
        as(p.coordinator()).get(split).then().body("status", is("REJECTED")).body("tally.quorum", is(true));
        List<String> events = Topics.values("projects.v1", p.id().toString(), 14, Duration.ofSeconds(30));
        events.forEach(EventContracts::assertProduced);
        assertThat(events).extracting(e -> json(e).path("type").asText())
                .containsOnlyOnce("partnership.proposal.expired.v1", "partnership.proposal.decided.v1");
        // closed at the deadline by the job, as the system (#22)
        assertThat(events).filteredOn(e -> json(e).path("type").asText().equals("partnership.proposal.expired.v1"))
                .extracting(e -> json(e).path("actor").path("sub").asText()).containsExactly("system:proposal-deadline");
    }

    // ---------------------------------------------------------------- refusals and authorisation

    @Test
    void shouldLetOnlyAcceptedParticipantsRepresentativesProposeAndVote() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR", "MARKET");
        UUID charity = p.participants()[0];
        UUID company = p.participants()[1];
        String proposal = open(p.coordinator(), p, Map.of("type", "RESOLUTION", "payload", Map.of("text", "Open books")));
        UUID outsider = Fixtures.partner("COMMUNITY");
        UUID invited = Fixtures.partner("COMMUNITY");
        ParticipantResourceTest.invite(p.coordinator(), p.path(), invited);

        // a partner outside the project sees the OPEN project's summary only
        as(Tokens.partnerRep(outsider)).get(p.path() + "/proposals").then().statusCode(403).contentType("application/problem+json");
        as(Tokens.partnerRep(outsider)).get(proposal).then().statusCode(403);
        as(Tokens.partnerRep(outsider)).body(Map.of("type", "RESOLUTION", "payload", Map.of("text", "x")))
                .post(p.path() + "/proposals").then().statusCode(403);
        vote(Tokens.partnerRep(outsider), proposal, outsider, "\"0\"", "APPROVE").statusCode(409)
                .body("type", is("urn:partnership:problem:not-a-participant"));
        // invited, not accepted: not a participant yet
        vote(Tokens.partnerRep(invited), proposal, invited, "\"0\"", "APPROVE").statusCode(409)
                .body("type", is("urn:partnership:problem:not-a-participant")).body("detail", containsString("INVITED"));
        as(Tokens.partnerRep(invited)).body(Map.of("type", "RESOLUTION", "payload", Map.of("text", "x")))
                .post(p.path() + "/proposals").then().statusCode(409).body("type", is("urn:partnership:problem:not-a-participant"));
        // nobody votes for another partner
        vote(Tokens.partnerRep(charity), proposal, company, "\"0\"", "APPROVE").statusCode(403)
                .body("detail", containsString("only representatives of partner " + company));
        // auditors read everything and change nothing
        as(Tokens.auditor()).get(p.path() + "/proposals").then().statusCode(200).body("items", hasSize(1));
        as(Tokens.auditor()).get(proposal).then().statusCode(200);
        as(Tokens.auditor()).body(Map.of("type", "RESOLUTION", "payload", Map.of("text", "x"))).post(p.path() + "/proposals")
                .then().statusCode(403);
        vote(Tokens.auditor(), proposal, company, "\"0\"", "APPROVE").statusCode(403);
        // a project the caller cannot see at all
        Fixtures.coveredAndAllocated(p.id(), 1);
        Fixtures.post(p.coordinator(), p.path() + "/launch", 200);
        as(Tokens.partnerRep(outsider)).get(p.path() + "/proposals").then().statusCode(404);
        vote(Tokens.partnerRep(outsider), proposal, outsider, "\"0\"", "APPROVE").statusCode(404);
        as(Tokens.partnerRep(outsider)).queryParam("awaiting", "me").get(AWAITING).then().statusCode(200).body("items", hasSize(0));
        as(Tokens.auditor()).queryParam("awaiting", "me").get(AWAITING).then().statusCode(403);

        // votes need If-Match: missing 428, stale 412
        as(Tokens.partnerRep(charity)).body(Map.of("choice", "APPROVE")).put(proposal + "/votes/" + charity).then().statusCode(428);
        vote(Tokens.partnerRep(charity), proposal, charity, "\"7\"", "APPROVE").statusCode(412);
        vote(Tokens.partnerRep(charity), proposal, charity, "\"0\"", "ABSTAIN").statusCode(200).header("ETag", "\"1\"")
                .body("votes[0].choice", is("ABSTAIN"));
        vote(Tokens.partnerRep(charity), proposal, charity, "\"1\"", "APPROVE").statusCode(200)
                .body("votes[0].choice", is("APPROVE")).body("votes[0].changes", is(1));
    }

    @Test
    void shouldRefuseInvalidProposalsAndVotesWith400And409() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        String path = p.path() + "/proposals";
        as(p.coordinator()).body(Map.of("type", "LAUNCH", "deadline", Instant.now().plus(Duration.ofDays(91)).toString())).post(path)
                .then().statusCode(400).body("errors.field", hasItem("deadline"));
        as(p.coordinator()).body(Map.of("type", "LAUNCH", "deadline", Instant.now().minusSeconds(60).toString())).post(path)
                .then().statusCode(400).body("errors.field", hasItem("deadline"));
        as(p.coordinator()).body(Map.of("type", "ADMIT_PARTNER")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("payload.partnerId"));
        as(p.coordinator()).body(Map.of("type", "CHANGE_NEED", "payload", Map.of("needId", UUID.randomUUID().toString(), "needAction", "CHANGE")))
                .post(path).then().statusCode(400).body("errors.field", hasItem("payload.quantity"));
        as(p.coordinator()).body(Map.of("type", "DICTATE")).post(path).then().statusCode(400);
        as(p.coordinator()).body(Map.of("type", "LAUNCH", "status", "PASSED")).post(path).then().statusCode(400);
        as(p.coordinator()).body(Map.of("type", "COMPLETE")).post(path).then().statusCode(409)
                .body("type", is("urn:partnership:problem:illegal-transition"));
        as(p.coordinator()).body(Map.of("type", "CHANGE_RULE", "payload", Map.of("governanceRule", "LEAD_DECIDES"))).post(path)
                .then().statusCode(409).body("type", is("urn:partnership:problem:same-rule"));
        as(p.coordinator()).queryParam("awaiting", "you").get(AWAITING).then().statusCode(400).body("errors.field", hasItem("awaiting"));
        as(p.coordinator()).get(path + "/" + UUID.randomUUID()).then().statusCode(404);
        as(p.coordinator()).get(path + "/not-a-uuid").then().statusCode(400);
        String proposal = open(p.coordinator(), p, Map.of("type", "RESOLUTION", "payload", Map.of("text", "x")));
        as(p.coordinator()).header("If-Match", "\"0\"").body(Map.of("choice", "MAYBE")).put(proposal + "/votes/" + p.lead())
                .then().statusCode(400);
        as(p.coordinator()).queryParam("status", "OPEN").get(path).then().statusCode(200).body("items.id", contains(proposal.substring(proposal.lastIndexOf('/') + 1)))
                .body("next", nullValue());
        as(p.coordinator()).queryParam("status", "MAYBE").get(path).then().statusCode(400);
    }

    // ---------------------------------------------------------------- helpers

    /** The lead changes the rule directly (possible under LEAD_DECIDES). */
    static void rule(Partnership p, String rule) {
        String etag = as(p.coordinator()).get(p.path()).then().statusCode(200).extract().header("ETag");
        as(p.coordinator()).header("If-Match", etag).body(Map.of("governanceRule", rule)).patch(p.path())
                .then().statusCode(200).body("governanceRule", is(rule));
    }

    /** Opens a proposal; returns its path. */
    static String open(String token, Partnership p, Map<String, Object> body) {
        String id = as(token).body(body).post(p.path() + "/proposals").then().statusCode(201).extract().path("id");
        return p.path() + "/proposals/" + id;
    }

    static io.restassured.response.ValidatableResponse vote(String token, String proposal, UUID partner, String ifMatch, String choice) {
        return as(token).header("If-Match", ifMatch).body(Map.of("choice", choice, "comment", "my view"))
                .put(proposal + "/votes/" + partner).then();
    }

    static int await(ProposalDeadlineJob job) {
        try {
            return VertxContextSupport.subscribeAndAwait(job::run);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
