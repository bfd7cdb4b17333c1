package org.partnership.partners.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.partners.client.RealmUsers;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Tokens;
import org.partnership.testsupport.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.partnership.partners.rest.PartnerResourceTest.as;
import static org.partnership.partners.rest.PartnerResourceTest.body;
import static org.partnership.partners.rest.PartnerResourceTest.json;
import static org.partnership.partners.rest.PartnerResourceTest.register;
import static org.partnership.partners.rest.PartnerResourceTest.verify;

/**
 * Member management (issue #19, hole 5): members and administrators add colleagues who then act for the partner,
 * and remove members, never the last; every change is an event. The realm's users come from {@link RealmUsers}.
 */
@QuarkusTest
class MemberResourceTest {

    private static final String PARTNERS = "/api/v1/partners";

    @Test
    void shouldLetAMemberAddAColleagueWhoThenActsForThePartner() {
        String user = "founder-" + UUID.randomUUID();
        String owner = Tokens.newcomer(user);
        String id = register(owner, body("MEM-" + UUID.randomUUID()));
        verify(id);
        String colleague = "colleague-" + UUID.randomUUID();
        String colleagueId = Tokens.user(colleague).subject();
        RealmUsers.add(colleague, colleagueId);
        String key = UUID.randomUUID().toString();

        String first = as(owner).header("Idempotency-Key", key).body(Map.of("user", colleague)).post(PARTNERS + "/" + id + "/members")
                .then().statusCode(201).header("Location", endsWith(PARTNERS + "/" + id + "/members/" + colleagueId))
                .body("userId", is(colleagueId)).body("username", is(colleague)).extract().asString();
        String again = as(owner).header("Idempotency-Key", key).body(Map.of("user", colleague)).post(PARTNERS + "/" + id + "/members")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().asString();
        assertThat(again).isEqualTo(first);

        as(owner).get(PARTNERS + "/" + id + "/members").then().statusCode(200).body("items.username", containsInAnyOrder(user, colleague))
                .body("next", nullValue());
        as(owner).get(PARTNERS + "/" + id + "/members/" + colleagueId).then().statusCode(200).body("username", is(colleague));
        // the colleague acts for the partner (here before Keycloak's claim reaches their token: from their membership)
        as(Tokens.newcomer(colleague)).header("If-Match", "\"1\"").body(Map.of("description", "Edited by the colleague"))
                .patch(PARTNERS + "/" + id).then().statusCode(200).body("description", is("Edited by the colleague"));
        as(Tokens.newcomer(colleague)).get(PARTNERS + "/" + id + "/members").then().statusCode(200);

        List<String> events = Topics.values("partners.v1", id, 4, Duration.ofSeconds(20));
        assertThat(events).hasSize(4);
        events.forEach(EventContracts::assertProduced);
        assertThat(json(events.get(2)).path("type").asText()).isEqualTo("partnership.partner.member-added.v1");
        assertThat(json(events.get(2)).path("data").path("userId").asText()).isEqualTo(colleagueId);
        assertThat(json(events.get(2)).path("data").path("username").asText()).isEqualTo(colleague);
        assertThat(json(events.get(2)).path("data").path("by").asText()).isEqualTo(Tokens.user(user).subject());
        assertThat(json(events.get(2)).path("data").path("byUsername").asText()).isEqualTo(user);
        // the colleague's address as their account has it, for notifications-service
        assertThat(json(events.get(2)).path("data").path("email").asText()).isEqualTo(colleague + "@example.org");
    }

    @Test
    void shouldPageThroughAPartnersMembersEarliestJoinedFirst() {
        String founder = "pager-" + UUID.randomUUID();
        String owner = Tokens.newcomer(founder);
        String id = register(owner, body("PAG-" + UUID.randomUUID()));
        String members = PARTNERS + "/" + id + "/members";
        List<String> joined = new java.util.ArrayList<>(List.of(founder));
        for (int i = 0; i < 2; i++) {
            String colleague = "paged-" + i + "-" + UUID.randomUUID();
            RealmUsers.add(colleague, Tokens.user(colleague).subject());
            as(owner).body(Map.of("user", colleague)).post(members).then().statusCode(201);
            joined.add(colleague);
        }

        String next = as(owner).queryParam("limit", 2).get(members).then().statusCode(200)
                .body("items.username", is(joined.subList(0, 2))).body("next", notNullValue()).extract().path("next");
        as(Tokens.auditor()).queryParam("limit", 2).queryParam("cursor", next).get(members).then().statusCode(200)
                .body("items.username", is(joined.subList(2, 3))).body("next", nullValue());
        as(owner).queryParam("limit", 101).get(members).then().statusCode(400).body("errors.field", hasItem("limit"));
        as(owner).queryParam("cursor", "garbage!").get(members).then().statusCode(400).body("errors.field", hasItem("cursor"));
        as(owner).queryParam("cursor", org.partnership.http.Page.cursor("not-a-time", "x")).get(members).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void shouldFindTheColleagueByEmailAndRefuseUnknownUsersAndSecondPartners() {
        String owner = Tokens.newcomer("finder-" + UUID.randomUUID());
        String id = register(owner, body("FIN-" + UUID.randomUUID()));
        String colleague = "mailed-" + UUID.randomUUID();
        RealmUsers.add(colleague, Tokens.user(colleague).subject());
        String members = PARTNERS + "/" + id + "/members";

        as(owner).body(Map.of("user", colleague.toUpperCase() + "@example.org")).post(members).then().statusCode(201)
                .body("username", is(colleague));
        as(owner).body(Map.of("user", colleague)).post(members).then().statusCode(409)
                .body("type", is("urn:partnership:problem:already-member")).body("detail", containsString("already a member"));
        as(owner).body(Map.of("user", "nobody-" + UUID.randomUUID())).post(members).then().statusCode(422)
                .contentType("application/problem+json").body("type", is("urn:partnership:problem:unknown-user"));
        as(owner).body(Map.of("user", " ")).post(members).then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("user"));

        String otherFounder = "other-founder-" + UUID.randomUUID();
        register(Tokens.newcomer(otherFounder), body("OTH-" + UUID.randomUUID()));
        RealmUsers.add(otherFounder, Tokens.user(otherFounder).subject());
        as(owner).body(Map.of("user", otherFounder)).post(members).then().statusCode(409)
                .body("detail", containsString("already represents another partner"));
        String linked = "linked-" + UUID.randomUUID();
        RealmUsers.add(linked, Tokens.user(linked).subject(), UUID.randomUUID());
        as(owner).body(Map.of("user", linked)).post(members).then().statusCode(409)
                .body("type", is("urn:partnership:problem:already-member"));
        as(owner).get(members).then().statusCode(200).body("items.size()", is(2));
    }

    @Test
    void shouldRemoveMembersButNeverTheLastOne() {
        String user = "leaver-" + UUID.randomUUID();
        String owner = Tokens.newcomer(user);
        String ownerId = Tokens.user(user).subject();
        String id = register(owner, body("LEA-" + UUID.randomUUID()));
        verify(id);
        String colleague = "stayer-" + UUID.randomUUID();
        String colleagueId = Tokens.user(colleague).subject();
        RealmUsers.add(colleague, colleagueId);
        String members = PARTNERS + "/" + id + "/members";

        as(owner).delete(members + "/" + ownerId).then().statusCode(409).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:last-member"));
        as(owner).body(Map.of("user", colleague)).post(members).then().statusCode(201);
        as(owner).delete(members + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", is("urn:partnership:problem:member-not-found"));
        // the founder hands over and leaves
        as(owner).delete(members + "/" + ownerId).then().statusCode(204);
        as(owner).header("If-Match", "\"1\"").body(Map.of("description", "still here?")).patch(PARTNERS + "/" + id)
                .then().statusCode(403);
        as(owner).get(members).then().statusCode(404);
        as(Tokens.newcomer(colleague)).get(members).then().statusCode(200).body("items.username", containsInAnyOrder(colleague));
        as(Tokens.newcomer(colleague)).delete(members + "/" + colleagueId).then().statusCode(409)
                .body("detail", containsString("last member"));
        as(Tokens.admin()).delete(members + "/" + colleagueId).then().statusCode(409);

        List<String> events = Topics.values("partners.v1", id, 4, Duration.ofSeconds(20));
        assertThat(events).hasSize(4);
        events.forEach(EventContracts::assertProduced);
        assertThat(json(events.get(3)).path("type").asText()).isEqualTo("partnership.partner.member-removed.v1");
        assertThat(json(events.get(3)).path("data").path("userId").asText()).isEqualTo(ownerId);
        assertThat(json(events.get(3)).path("data").path("by").asText()).isEqualTo(ownerId);
    }

    @Test
    void shouldLetAdministratorsManageMembersAndNobodyElse() {
        String user = "managed-" + UUID.randomUUID();
        String owner = Tokens.newcomer(user);
        String id = register(owner, body("MAN-" + UUID.randomUUID()));
        String colleague = "appointed-" + UUID.randomUUID();
        String colleagueId = Tokens.user(colleague).subject();
        RealmUsers.add(colleague, colleagueId);
        String members = PARTNERS + "/" + id + "/members";
        String outsider = Tokens.partnerRep(UUID.randomUUID());

        as(outsider).body(Map.of("user", colleague)).post(members).then().statusCode(404);
        as(outsider).get(members).then().statusCode(404);
        verify(id);
        as(outsider).body(Map.of("user", colleague)).post(members).then().statusCode(403).contentType("application/problem+json");
        as(outsider).get(members).then().statusCode(404);
        as(outsider).delete(members + "/" + Tokens.user(user).subject()).then().statusCode(403);
        as(Tokens.auditor()).body(Map.of("user", colleague)).post(members).then().statusCode(403);
        as(Tokens.auditor()).body(Map.of("user", "")).post(members).then().statusCode(403);
        as(Tokens.auditor()).delete(members + "/" + Tokens.user(user).subject()).then().statusCode(403);
        as(Tokens.auditor()).get(members).then().statusCode(200).body("items.username", containsInAnyOrder(user));

        as(Tokens.admin()).body(Map.of("user", colleague)).post(members).then().statusCode(201);
        as(Tokens.admin()).delete(members + "/" + Tokens.user(user).subject()).then().statusCode(204);
        as(Tokens.admin()).get(members).then().statusCode(200).body("items.username", containsInAnyOrder(colleague));
        List<String> events = Topics.values("partners.v1", id, 4, Duration.ofSeconds(20));
        assertThat(json(events.get(2)).path("data").path("byUsername").asText()).isEqualTo("admin");
    }
}
