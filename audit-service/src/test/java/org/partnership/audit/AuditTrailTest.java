package org.partnership.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The trail built from the real broker's topics, read through the API with test-signed tokens. */
@QuarkusTest
class AuditTrailTest {

    static final String AUDIT = "/api/v1/audit";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * A project led by {@code lead} with {@code member} and {@code peer} accepted, a pledge by {@code member} (withdrawn
     * later), and an unrelated partner's verification.
     */
    record World(UUID project, UUID lead, UUID member, UUID peer, UUID outsider, String correlation, List<ObjectNode> events) {
    }

    static World world() {
        UUID project = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID peer = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        String correlation = "req-" + UUID.randomUUID();
        ObjectNode coordinator = Events.user("carla-" + lead, lead, "coordinator", "partner-rep");
        ObjectNode rep = Events.user("tom-" + member, member, "partner-rep");
        List<ObjectNode> events = new ArrayList<>();
        events.add(Events.event("partnership.participant.accepted.v1", "/projects-service", project.toString(), rep, correlation, d -> {
            d.put("projectId", project.toString()).put("leadPartnerId", lead.toString()).put("partnerId", member.toString());
            ArrayNode participants = d.putArray("participants");
            participants.addObject().put("partnerId", lead.toString()).put("role", "LEAD").put("status", "ACCEPTED");
            participants.addObject().put("partnerId", member.toString()).put("role", "CO_PRODUCER").put("status", "ACCEPTED");
            participants.addObject().put("partnerId", peer.toString()).put("role", "FUNDER").put("status", "ACCEPTED");
        }));
        UUID contribution = UUID.randomUUID();
        events.add(Events.event("partnership.contribution.pledged.v1", "/resources-service", contribution.toString(), rep, correlation + "-2",
                d -> d.put("contributionId", contribution.toString()).put("projectId", project.toString()).put("partnerId", member.toString())));
        events.add(Events.event("partnership.contribution.withdrawn.v1", "/resources-service", contribution.toString(), rep, correlation + "-3",
                d -> d.put("contributionId", contribution.toString()).put("projectId", project.toString()).put("partnerId", member.toString())
                        .put("quantity", "80").put("status", "WITHDRAWN").put("version", 1)));
        events.add(Events.event("partnership.partner.verified.v1", "/partners-service", outsider.toString(),
                Events.user("ada-" + outsider, null, "admin"), correlation + "-4", d -> d.put("partnerId", outsider.toString())));
        events.forEach(e -> Events.send(topicOf(e), e));
        await().atMost(PATIENCE).until(() -> events.stream().allMatch(e -> Database.longValue(
                "select count(*) from audit_entry where event_id = cast(? as uuid)", e.path("id").asText()) == 1));
        return new World(project, lead, member, peer, outsider, correlation, events);
    }

    static String topicOf(ObjectNode event) {
        return switch (event.path("source").asText()) {
            case "/partners-service" -> "partners.v1";
            case "/projects-service" -> "projects.v1";
            default -> "resources.v1";
        };
    }

    @Test
    void shouldRecordEachEventOnceWithItsActorObjectProjectPartnerCorrelationAndChanges() {
        World w = world();
        ObjectNode pledged = w.events().get(1);
        // the same event delivered again, through the broker: no second entry
        Events.send("resources.v1", pledged);
        ObjectNode marker = Events.event("partnership.contribution.pledged.v1", "/resources-service", pledged.path("subject").asText(),
                Events.user("marker", w.member(), "partner-rep"), "marker", d -> d.put("contributionId", pledged.path("subject").asText()));
        Events.send("resources.v1", marker);
        await().atMost(PATIENCE).until(() -> Database.longValue("select count(*) from audit_entry where event_id = cast(? as uuid)",
                marker.path("id").asText()) == 1);
        assertThat(Database.longValue("select count(*) from audit_entry where event_id = cast(? as uuid)", pledged.path("id").asText())).isEqualTo(1);

        as(Tokens.auditor()).queryParam("correlationId", w.correlation()).get(AUDIT).then().statusCode(200)
                .body("items", hasSize(1))
                .body("next", nullValue())
                .body("items[0].eventId", is(w.events().get(0).path("id").asText()))
                .body("items[0].action", is("partnership.participant.accepted.v1"))
                .body("items[0].object.type", is("participant"))
                .body("items[0].object.id", is(w.project().toString()))
                .body("items[0].projectId", is(w.project().toString()))
                .body("items[0].partnerId", is(w.member().toString()))
                .body("items[0].actor.username", is("tom-" + w.member()))
                .body("items[0].actor.partnerId", is(w.member().toString()))
                .body("items[0].actor.roles", is(List.of("partner-rep")))
                .body("items[0].correlationId", is(w.correlation()))
                .body("items[0].hash", notNullValue())
                .body("items[0].prevHash", notNullValue());
        // the withdrawal's changed fields, before -> after, from the pledge's snapshot
        as(Tokens.auditor()).queryParam("correlationId", w.correlation() + "-3").get(AUDIT).then().statusCode(200)
                .body("items[0].object.type", is("contribution"))
                .body("items[0].changes.status.before", is("PLEDGED"))
                .body("items[0].changes.status.after", is("WITHDRAWN"))
                .body("items[0].changes.quantity.before", is("120"))
                .body("items[0].changes.quantity.after", is("80"))
                .body("items[0].changes.version", nullValue());
    }

    @Test
    void shouldFilterAndPageNewestFirst() {
        World w = world();
        as(Tokens.admin()).queryParam("projectId", w.project()).get(AUDIT).then().statusCode(200)
                .body("items", hasSize(3)).body("items.projectId", everyItem(is(w.project().toString())));
        // newest first: in the order recorded (one topic's events in their order; topics interleave as they arrive)
        List<String> actions = as(Tokens.admin()).queryParam("projectId", w.project()).get(AUDIT).then().extract().path("items.action");
        assertThat(actions.indexOf("partnership.contribution.withdrawn.v1")).isLessThan(actions.indexOf("partnership.contribution.pledged.v1"));
        as(Tokens.admin()).queryParam("actor", "ada-" + w.outsider()).get(AUDIT).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].action", is("partnership.partner.verified.v1"));
        as(Tokens.admin()).queryParam("projectId", w.project()).queryParam("type", "partnership.contribution.pledged.v1").get(AUDIT)
                .then().statusCode(200).body("items", hasSize(1));
        as(Tokens.admin()).queryParam("partnerId", w.outsider()).get(AUDIT).then().statusCode(200).body("items", hasSize(1));
        as(Tokens.admin()).queryParam("projectId", w.project()).queryParam("from", Instant.now().plusSeconds(3600).toString()).get(AUDIT)
                .then().statusCode(200).body("items", hasSize(0));
        as(Tokens.admin()).queryParam("projectId", w.project()).queryParam("to", Instant.now().plusSeconds(3600).toString()).get(AUDIT)
                .then().statusCode(200).body("items", hasSize(3));

        // keyset pages of one: the three entries, each once, newest first
        List<Integer> seqs = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(Tokens.admin()).queryParam("projectId", w.project()).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(AUDIT).then().statusCode(200).body("items", hasSize(1)).extract().response();
            seqs.add(page.path("items[0].seq"));
            cursor = page.path("next");
        } while (cursor != null);
        assertThat(seqs).hasSize(3).isSortedAccordingTo((a, b) -> Integer.compare(b, a));

        as(Tokens.admin()).queryParam("from", "yesterday").get(AUDIT).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("from"));
        as(Tokens.admin()).queryParam("projectId", "nope").get(AUDIT).then().statusCode(400).body("errors[0].field", is("projectId"));
        as(Tokens.admin()).queryParam("cursor", "garbage").get(AUDIT).then().statusCode(400).body("errors[0].field", is("cursor"));
    }

    @Test
    void shouldShowParticipantsTheirProjectAndMembersTheirOrganisationOnly() {
        World w = world();
        // the lead (a participant) sees the project's entries, not the unrelated partner's verification
        as(Tokens.coordinator(w.lead())).get(AUDIT + "?limit=100").then().statusCode(200)
                .body("items.projectId", hasItem(w.project().toString()))
                .body("items.partnerId", not(hasItem(w.outsider().toString())));
        as(Tokens.coordinator(w.lead())).queryParam("partnerId", w.outsider()).get(AUDIT).then().statusCode(200).body("items", hasSize(0));
        // a partner's contributions: the lead and that partner see them, another participant only the rest of the project
        List<String> contribution = List.of("partnership.contribution.pledged.v1", "partnership.contribution.withdrawn.v1");
        as(Tokens.coordinator(w.lead())).queryParam("projectId", w.project()).get(AUDIT).then().statusCode(200)
                .body("items.action", hasItems(contribution.toArray()));
        as(Tokens.partnerRep(w.member())).queryParam("projectId", w.project()).get(AUDIT).then().statusCode(200)
                .body("items.action", hasItems(contribution.toArray()));
        as(Tokens.partnerRep(w.peer())).queryParam("projectId", w.project()).get(AUDIT).then().statusCode(200)
                .body("items.action", is(List.of("partnership.participant.accepted.v1")));
        as(Tokens.partnerRep(w.peer())).accept("text/csv").queryParam("projectId", w.project()).get(AUDIT + "/export").then()
                .statusCode(200).body(not(containsString("partnership.contribution.")));
        // the outsider's member sees its own organisation's verification, nothing of the project
        as(Tokens.partnerRep(w.outsider())).get(AUDIT + "?limit=100").then().statusCode(200)
                .body("items.partnerId", hasItem(w.outsider().toString()))
                .body("items.projectId", not(hasItem(w.project().toString())));
        // a partner of none of it sees none of it; a user without a partner sees nothing at all
        as(Tokens.partnerRep(UUID.randomUUID())).queryParam("projectId", w.project()).get(AUDIT).then().statusCode(200).body("items", hasSize(0));
        as(Tokens.user("nobody").roles("partner-rep").sign()).get(AUDIT).then().statusCode(200).body("items", hasSize(0));
        // auditors and administrators see everything
        as(Tokens.auditor()).queryParam("partnerId", w.outsider()).get(AUDIT).then().statusCode(200).body("items", hasSize(1));
        // the verification is theirs only; no token, no trail
        as(Tokens.partnerRep(w.member())).get(AUDIT + "/verify").then().statusCode(403).contentType("application/problem+json");
        given().get(AUDIT).then().statusCode(401).contentType("application/problem+json");
        as(Tokens.newcomer("someone")).get(AUDIT).then().statusCode(403);
    }

    @Test
    void shouldExportTheSameEntriesAsCsv() {
        World w = world();
        String csv = as(Tokens.auditor()).accept("text/csv").queryParam("projectId", w.project()).get(AUDIT + "/export")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("audit.csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("seq,eventId,time,action");
        assertThat(lines).hasSize(4);
        assertThat(String.join("\n", lines)).contains("partnership.contribution.withdrawn.v1").contains("tom-" + w.member())
                .contains(w.correlation() + ",").contains("partnership.participant.accepted.v1");
        as(Tokens.partnerRep(UUID.randomUUID())).accept("text/csv").queryParam("projectId", w.project()).get(AUDIT + "/export")
                .then().statusCode(200).body(is(lines[0] + "\r\n"));
    }

    @Test
    void shouldNameTheFirstBrokenLinkWhenAnEntryIsEditedInTheDatabase() {
        World w = world();
        as(Tokens.auditor()).get(AUDIT + "/verify").then().statusCode(200).body("valid", is(true)).body("firstBroken", nullValue());
        long seq = Database.longValue("select seq from audit_entry where event_id = cast(? as uuid)", w.events().get(1).path("id").asText());

        // the table refuses changes and deletions...
        assertThatThrownBy(() -> Events.execute("update audit_entry set actor_username = 'mallory' where seq = " + seq))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Events.execute("delete from audit_entry where seq = " + seq)).hasStackTraceContaining("append-only");
        // ...but its owner can switch that off: the chain still shows the edit
        Events.execute("alter table audit_entry disable trigger audit_entry_append_only",
                "update audit_entry set actor_username = 'mallory' where seq = " + seq,
                "alter table audit_entry enable trigger audit_entry_append_only");
        try {
            as(Tokens.admin()).get(AUDIT + "/verify").then().statusCode(200)
                    .body("valid", is(false))
                    .body("firstBroken.seq", is((int) seq))
                    .body("firstBroken.eventId", is(w.events().get(1).path("id").asText()))
                    .body("firstBroken.reason", containsString("changed"))
                    .body("lastSeq", is((int) seq - 1));
        } finally {
            Events.execute("alter table audit_entry disable trigger audit_entry_append_only",
                    "update audit_entry set actor_username = 'tom-" + w.member() + "' where seq = " + seq,
                    "alter table audit_entry enable trigger audit_entry_append_only");
        }
        as(Tokens.auditor()).get(AUDIT + "/verify").then().statusCode(200).body("valid", is(true));
    }

    @Test
    void shouldDescribeTheApiWithProblems() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/audit'.get.responses.'200'", notNullValue())
                .body("paths.'/api/v1/audit'.get.responses.'403'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/v1/audit/verify'.get.responses.'200'", notNullValue())
                .body("paths.'/api/v1/audit/export'.get.responses.'200'.content.'text/csv'", notNullValue())
                .body("paths.'/api/v1/audit'.post", nullValue())
                .body("paths.'/api/v1/audit'.delete", nullValue());
        given().get("/q/health/ready").then().statusCode(200);
    }

    static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
