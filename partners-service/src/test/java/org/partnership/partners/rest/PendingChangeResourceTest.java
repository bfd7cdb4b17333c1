package org.partnership.partners.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Tokens;
import org.partnership.testsupport.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.partnership.partners.rest.PartnerResourceTest.as;
import static org.partnership.partners.rest.PartnerResourceTest.body;
import static org.partnership.partners.rest.PartnerResourceTest.json;
import static org.partnership.partners.rest.PartnerResourceTest.register;
import static org.partnership.partners.rest.PartnerResourceTest.verify;

/**
 * The sector rule (issue #19, hole 1): a member's change of name, legal form or sector waits for an administrator,
 * while the values in force stay for everyone, the events and the other services' replicas.
 */
@QuarkusTest
class PendingChangeResourceTest {

    private static final String PARTNERS = "/api/v1/partners";

    @Test
    void shouldKeepTheSectorInForceWhenARepresentativeChangesIt() {
        String user = "sector-" + UUID.randomUUID();
        String owner = Tokens.newcomer(user);
        String id = register(owner, body("SEC-" + UUID.randomUUID()));
        verify(id);

        as(owner).header("If-Match", "\"1\"").body(Map.of("sector", "PUBLIC", "description", "Now a public body, we say"))
                .patch(PARTNERS + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("sector", is("THIRD_SECTOR")).body("status", is("ACTIVE"))
                .body("description", is("Now a public body, we say"))
                .body("pendingChange.sector", is("PUBLIC")).body("pendingChange.proposedBy", is(user))
                .body("pendingChange.proposedAt", notNullValue()).body("pendingChange.name", nullValue());

        as(Tokens.partnerRep(UUID.randomUUID())).get(PARTNERS + "/" + id).then().statusCode(200)
                .body("sector", is("THIRD_SECTOR")).body("pendingChange", nullValue());
        as(Tokens.partnerRep(UUID.randomUUID())).queryParam("sector", "PUBLIC").queryParam("q", "Test Partner").get(PARTNERS)
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        List<String> events = Topics.values("partners.v1", id, 3, Duration.ofSeconds(20));
        assertThat(events).hasSize(3);
        EventContracts.assertProduced(events.get(2));
        assertThat(json(events.get(2)).path("type").asText()).isEqualTo("partnership.partner.updated.v1");
        assertThat(json(events.get(2)).path("data").path("sector").asText()).isEqualTo("THIRD_SECTOR");
    }

    @Test
    void shouldPutAnApprovedChangeInForceOnlyForAnAdministratorWhoReadTheProposal() {
        String owner = Tokens.newcomer("approved-" + UUID.randomUUID());
        String id = register(owner, body("APP-" + UUID.randomUUID()));
        verify(id);
        as(owner).header("If-Match", "\"1\"").body(Map.of("sector", "PUBLIC", "name", "Riverside Council Services"))
                .patch(PARTNERS + "/" + id).then().statusCode(200).body("name", is("Test Partner"))
                .body("pendingChange.name", is("Riverside Council Services"));
        String approve = PARTNERS + "/" + id + "/pending-change/approve";

        as(owner).header("If-Match", "\"2\"").body(Map.of("reason", "self-approval")).post(approve).then().statusCode(403)
                .contentType("application/problem+json");
        as(Tokens.auditor()).header("If-Match", "\"2\"").body(Map.of("reason", "x")).post(approve).then().statusCode(403);
        as(Tokens.admin()).body(Map.of("reason", "checked")).post(approve).then().statusCode(428);
        as(Tokens.admin()).header("If-Match", "\"1\"").body(Map.of("reason", "checked")).post(approve).then().statusCode(412);
        as(Tokens.admin()).header("If-Match", "\"2\"").body(Map.of()).post(approve).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(Tokens.admin()).header("If-Match", "\"2\"").body(Map.of("reason", "Transferred to the council on 1 March"))
                .post(approve).then().statusCode(200).header("ETag", "\"3\"")
                .body("sector", is("PUBLIC")).body("name", is("Riverside Council Services")).body("pendingChange", nullValue());
        as(Tokens.admin()).header("If-Match", "\"3\"").body(Map.of("reason", "again")).post(approve).then().statusCode(409)
                .body("type", is("urn:partnership:problem:no-pending-change"));
        as(Tokens.partnerRep(UUID.randomUUID())).get(PARTNERS + "/" + id).then().body("sector", is("PUBLIC"));

        List<String> events = Topics.values("partners.v1", id, 4, Duration.ofSeconds(20));
        assertThat(events).hasSize(4);
        events.forEach(EventContracts::assertProduced);
        assertThat(json(events.get(2)).path("data").path("sector").asText()).isEqualTo("THIRD_SECTOR");
        assertThat(json(events.get(3)).path("type").asText()).isEqualTo("partnership.partner.updated.v1");
        assertThat(json(events.get(3)).path("data").path("sector").asText()).isEqualTo("PUBLIC");
        assertThat(json(events.get(3)).path("data").path("name").asText()).isEqualTo("Riverside Council Services");
        assertThat(json(events.get(3)).path("data").path("version").asLong()).isEqualTo(3);
        assertThat(json(events.get(3)).path("data").path("reason").asText()).isEqualTo("Transferred to the council on 1 March");
    }

    @Test
    void shouldDiscardARejectedChangeAndTellTheMembersWhy() {
        String owner = Tokens.newcomer("rejected-" + UUID.randomUUID());
        String id = register(owner, body("REJ-" + UUID.randomUUID()));
        verify(id);
        as(owner).header("If-Match", "\"1\"").body(Map.of("legalForm", "Public limited company"))
                .patch(PARTNERS + "/" + id).then().statusCode(200).body("pendingChange.legalForm", is("Public limited company"));
        String reject = PARTNERS + "/" + id + "/pending-change/reject";

        as(owner).body(Map.of("reason", "never mind")).post(reject).then().statusCode(403);
        as(Tokens.partnerRep(UUID.randomUUID())).body(Map.of("reason", "x")).post(reject).then().statusCode(403);
        as(Tokens.admin()).body(Map.of("reason", " ")).post(reject).then().statusCode(400);
        as(Tokens.admin()).body(Map.of("reason", "The register still lists an association")).post(reject).then().statusCode(200)
                .body("legalForm", is("Association")).body("pendingChange", nullValue())
                .body("changeRejection.reason", is("The register still lists an association"));
        as(Tokens.admin()).body(Map.of("reason", "again")).post(reject).then().statusCode(409)
                .body("type", is("urn:partnership:problem:no-pending-change"));
        as(owner).get(PARTNERS + "/" + id).then().body("legalForm", is("Association"))
                .body("changeRejection.reason", is("The register still lists an association"));
        as(Tokens.partnerRep(UUID.randomUUID())).get(PARTNERS + "/" + id).then().body("changeRejection", nullValue());
        // nothing other services know of changed: no event after the proposal's
        assertThat(Topics.values("partners.v1", id, 4, Duration.ofSeconds(3))).hasSize(3);
    }

    @Test
    void shouldKeepAProposalAcrossOtherEditsAndDropWhatIsSetBack() {
        String owner = Tokens.newcomer("revised-" + UUID.randomUUID());
        String id = register(owner, body("REV-" + UUID.randomUUID()));
        as(owner).header("If-Match", "\"0\"").body(Map.of("sector", "MARKET", "name", "Test Partner Ltd"))
                .patch(PARTNERS + "/" + id).then().statusCode(200).body("pendingChange.sector", is("MARKET"));
        as(owner).header("If-Match", "\"1\"").body(Map.of("website", "https://ltd.example.org"))
                .patch(PARTNERS + "/" + id).then().statusCode(200)
                .body("pendingChange.sector", is("MARKET")).body("pendingChange.name", is("Test Partner Ltd"));
        as(owner).header("If-Match", "\"2\"").body(Map.of("sector", "THIRD_SECTOR"))
                .patch(PARTNERS + "/" + id).then().statusCode(200)
                .body("pendingChange.sector", nullValue()).body("pendingChange.name", is("Test Partner Ltd"));
        as(owner).header("If-Match", "\"3\"").body(Map.of("name", "Test Partner"))
                .patch(PARTNERS + "/" + id).then().statusCode(200).body("pendingChange", nullValue());
    }

    @Test
    void shouldApplyAnAdministratorsChangeAtOnce() {
        String owner = Tokens.newcomer("corrected-" + UUID.randomUUID());
        String id = register(owner, body("COR-" + UUID.randomUUID()));
        verify(id);
        as(owner).header("If-Match", "\"1\"").body(Map.of("sector", "PUBLIC", "name", "Test Partner Council"))
                .patch(PARTNERS + "/" + id).then().statusCode(200);

        as(Tokens.admin()).header("If-Match", "\"2\"").body(Map.of("sector", "PUBLIC", "legalForm", "Local authority"))
                .patch(PARTNERS + "/" + id).then().statusCode(200)
                .body("sector", is("PUBLIC")).body("legalForm", is("Local authority"))
                .body("pendingChange.sector", nullValue()).body("pendingChange.name", is("Test Partner Council"));

        List<String> events = Topics.values("partners.v1", id, 4, Duration.ofSeconds(20));
        assertThat(events).hasSize(4);
        assertThat(json(events.get(3)).path("data").path("sector").asText()).isEqualTo("PUBLIC");
    }
}
