package org.partnership.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnership.e2e.Organisations.Registration;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * What an organisation's own people may change and what waits for an administrator (issue #19): a representative's
 * change of the organisation's sector stays a proposal, for partners-service and the other services alike, until an
 * administrator approves it; its representatives add colleagues, linked in Keycloak, and hand over, but an
 * organisation always keeps one member.
 */
@Order(1)
@ExtendWith(Platform.class)
class PartnerGovernanceIT {

    @Test
    void shouldNotLetARepresentativesSectorChangeTakeEffectUntilAnAdministratorApprovesIt() {
        Platform.User admin = Platform.newUser("admin", "admin");
        Platform.User coordinator = Platform.newUser("sector-coordinator", "coordinator");
        Platform.User rep = Platform.newUser("sector-rep", "partner-rep");
        String city = Organisations.joinVerified(coordinator, admin,
                new Registration("Sector Rule Town", "Municipality", "PUBLIC", "LOCAL", List.of("WELFARE")));
        String charity = Organisations.joinVerified(rep, admin,
                new Registration("Sector Rule Charity", "Registered charity", "THIRD_SECTOR", "LOCAL", List.of("WELFARE")));
        String project = projectInviting(coordinator.token(), charity);
        String participant = "participants.find { it.partnerId == '" + charity + "' }.sector";

        String etag = Platform.as(rep.token()).get("/api/v1/partners/" + charity).then().statusCode(200).extract().header("ETag");
        etag = Platform.as(rep.token()).header("If-Match", etag)
                .body(Map.of("sector", "PUBLIC", "description", "We say we are public now"))
                .patch("/api/v1/partners/" + charity).then().statusCode(200)
                .body("sector", is("THIRD_SECTOR")).body("status", is("ACTIVE"))
                .body("description", is("We say we are public now"))
                .body("pendingChange.sector", is("PUBLIC")).body("pendingChange.proposedBy", is(rep.username()))
                .extract().header("ETag");

        // the change the representative could make took effect everywhere; the sector did not
        Platform.User stranger = Platform.newUser("sector-stranger", "partner-rep");
        Eventually.holds(() -> Platform.as(stranger.token()).get("/api/v1/partners/" + charity).then().statusCode(200)
                .body("description", is("We say we are public now")).body("sector", is("THIRD_SECTOR"))
                .body("pendingChange", nullValue()));
        Platform.as(coordinator.token()).get("/api/v1/projects/" + project).then().statusCode(200)
                .body(participant, is("THIRD_SECTOR"));
        Platform.as(rep.token()).header("If-Match", etag).body(Map.of("reason", "self-approval"))
                .post("/api/v1/partners/" + charity + "/pending-change/approve").then().statusCode(403);

        Platform.as(admin.token()).header("If-Match", etag).body(Map.of("reason", "The charity became a council service on 1 March"))
                .post("/api/v1/partners/" + charity + "/pending-change/approve").then().statusCode(200)
                .body("sector", is("PUBLIC")).body("pendingChange", nullValue());
        Platform.as(stranger.token()).get("/api/v1/partners/" + charity).then().statusCode(200).body("sector", is("PUBLIC"));
        Eventually.holds(() -> Platform.as(coordinator.token()).get("/api/v1/projects/" + project).then()
                .statusCode(200).body(participant, is("PUBLIC")));
        Platform.as(coordinator.token()).get("/api/v1/partners/" + city).then().statusCode(200).body("sector", is("PUBLIC"));
    }

    @Test
    void shouldLetARepresentativeAddAColleagueWhoThenActsForTheOrganisationButNeverRemoveTheLastMember() {
        Platform.User admin = Platform.newUser("admin", "admin");
        Platform.User auditor = Platform.newUser("auditor", "auditor");
        Platform.User rep = Platform.newUser("founder", "partner-rep");
        Platform.User colleague = Platform.newUser("colleague", "partner-rep");
        Platform.User otherRep = Platform.newUser("other-founder", "partner-rep");
        String charity = Organisations.joinVerified(rep, admin,
                new Registration("Handover Charity", "Registered charity", "THIRD_SECTOR", "LOCAL", List.of("WELFARE")));
        Organisations.joinVerified(otherRep, admin,
                new Registration("Other Charity", "Registered charity", "THIRD_SECTOR", "LOCAL", List.of("HEALTH")));
        String members = "/api/v1/partners/" + charity + "/members";
        assertThat(PartnerOnboardingIT.claim(colleague.token(), "partner_id")).isNull();

        Platform.as(auditor.token()).body(Map.of("user", colleague.username())).post(members).then().statusCode(403);
        Platform.as(otherRep.token()).body(Map.of("user", colleague.username())).post(members).then().statusCode(403);
        Platform.as(rep.token()).body(Map.of("user", otherRep.username())).post(members).then().statusCode(409)
                .body("type", is("urn:partnership:problem:already-member"));
        Platform.as(rep.token()).body(Map.of("user", "nobody-" + colleague.id())).post(members).then().statusCode(422);
        Platform.as(rep.token()).header("Idempotency-Key", "add-" + colleague.id()).body(Map.of("user", colleague.username()))
                .post(members).then().statusCode(201).body("userId", is(colleague.id())).body("username", is(colleague.username()));

        // partners-service links the colleague in Keycloak: their next sign-in names the organisation
        Eventually.holds(() -> assertThat(PartnerOnboardingIT.claim(colleague.token(), "partner_id")).isEqualTo(charity));
        String token = colleague.token();
        Platform.as(token).get("/api/v1/me").then().statusCode(200).body("partner.id", is(charity));
        Platform.as(token).get("/api/v1/projects/invitations").then().statusCode(200);
        String etag = Platform.as(token).get("/api/v1/partners/" + charity).then().statusCode(200).extract().header("ETag");
        Platform.as(token).header("If-Match", etag).body(Map.of("description", "Run by two people now"))
                .patch("/api/v1/partners/" + charity).then().statusCode(200).body("description", is("Run by two people now"));
        Platform.as(token).get(members).then().statusCode(200)
                .body("items.username", containsInAnyOrder(rep.username(), colleague.username())).body("next", nullValue());

        // the founder hands over and leaves: unlinked in Keycloak; the colleague, now alone, cannot leave
        Platform.as(token).delete(members + "/" + rep.id()).then().statusCode(204);
        Eventually.holds(() -> assertThat(PartnerOnboardingIT.claim(rep.token(), "partner_id")).isNull());
        Platform.as(rep.token()).get("/api/v1/me").then().statusCode(200).body("partner", nullValue());
        Platform.as(token).delete(members + "/" + colleague.id()).then().statusCode(409)
                .contentType("application/problem+json").body("type", is("urn:partnership:problem:last-member"));
        Platform.as(admin.token()).delete(members + "/" + colleague.id()).then().statusCode(409);
        Platform.as(admin.token()).get(members).then().statusCode(200).body("items.username", containsInAnyOrder(colleague.username()));
    }

    /** A DRAFT project of the coordinator's municipality that invites the partner. */
    private static String projectInviting(String token, String partner) {
        LocalDate today = LocalDate.now();
        Map<String, Object> body = Map.of("title", "Sector rule project", "purpose", "Watches a partner's sector",
                "dimensions", List.of("WELFARE"), "plannedStart", today.plusDays(30).toString(),
                "plannedEnd", today.plusDays(90).toString());
        String project = Eventually.answers(201, () -> Platform.as(token).body(body).post("/api/v1/projects")).then()
                .extract().path("id");
        Eventually.answers(201, () -> Platform.as(token)
                .body(Map.of("partnerId", partner, "role", "SERVICE_PROVIDER", "message", "Join us"))
                .post("/api/v1/projects/" + project + "/participants"));
        return project;
    }
}
