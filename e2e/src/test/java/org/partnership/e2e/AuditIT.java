package org.partnership.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22's acceptance on the real stack: every state-changing request of a journey (two organisations registered
 * and verified, a project created, opened, a need declared, a partner invited and accepting) appears exactly once in
 * the audit trail, with the Keycloak user who made it as actor, their partner, and the X-Request-Id the client sent as
 * correlation id; the administrator's verification of a partner names that administrator; participants read their
 * project's trail, and the chain verifies.
 */
@ExtendWith(Platform.class)
class AuditIT {

    static final String AUDIT = "/api/v1/audit";

    /** One state-changing request: who made it, what it did, under which request id, and the partner it names. */
    record Made(String requestId, Platform.User user, String action, String actorPartner) {
    }

    private final List<Made> made = new ArrayList<>();

    private Response call(Platform.User user, String partner, String action, int status, java.util.function.Function<io.restassured.specification.RequestSpecification, Response> request) {
        String requestId = "audit-it-" + UUID.randomUUID();
        Response response = request.apply(Platform.as(user.token()).header("X-Request-Id", requestId));
        response.then().statusCode(status);
        made.add(new Made(requestId, user, action, partner));
        return response;
    }

    /** The same request (one X-Request-Id) until it gets {@code status}: refused attempts change and record nothing. */
    private Response eventually(Platform.User user, String partner, String action, int status,
            java.util.function.Function<io.restassured.specification.RequestSpecification, Response> request) {
        String requestId = "audit-it-" + UUID.randomUUID();
        String token = user.token();
        Response response = Eventually.answers(status, () -> request.apply(Platform.as(token).header("X-Request-Id", requestId)));
        made.add(new Made(requestId, user, action, partner));
        return response;
    }

    @Test
    void shouldRecordEveryChangeOnceWithItsUserPartnerAndRequestId() {
        Platform.User admin = Platform.newUser("admin", "admin");
        Platform.User carla = Platform.newUser("coordinator", "coordinator", "partner-rep");
        Platform.User tom = Platform.newUser("foodbank", "partner-rep");
        Platform.User auditor = Platform.newUser("auditor", "auditor");
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        String city = call(carla, null, "partnership.partner.registered.v1", 201, r -> r.body(registration("City of Records " + suffix,
                "PUBLIC", "LA-" + suffix)).post("/api/v1/partners")).path("id");
        call(admin, null, "partnership.partner.verified.v1", 200, r -> r.body(Map.of("reason", "Checked the register"))
                .post("/api/v1/partners/" + city + "/verify"));
        String bank = call(tom, null, "partnership.partner.registered.v1", 201, r -> r.body(registration("Food Bank of Records " + suffix,
                "THIRD_SECTOR", "FB-" + suffix)).post("/api/v1/partners")).path("id");
        call(admin, null, "partnership.partner.verified.v1", 200, r -> r.body(Map.of("reason", "Checked the register"))
                .post("/api/v1/partners/" + bank + "/verify"));
        Eventually.holds(() -> assertThat(PartnerOnboardingIT.claim(carla.token(), "partner_id")).isEqualTo(city));
        Eventually.holds(() -> assertThat(PartnerOnboardingIT.claim(tom.token(), "partner_id")).isEqualTo(bank));

        LocalDate today = LocalDate.now();
        Map<String, Object> project = Map.of("title", "Records " + suffix, "purpose", "A project whose every change is recorded",
                "dimensions", List.of("WELFARE"), "plannedStart", today.plusDays(30).toString(), "plannedEnd", today.plusDays(395).toString());
        // projects-service learns of the verification through events: attempts it refuses first change and record nothing
        String p = eventually(carla, city, "partnership.project.created.v1", 201, r -> r.body(project).post("/api/v1/projects")).path("id");
        call(carla, city, "partnership.project.opened.v1", 200, r -> r.post("/api/v1/projects/" + p + "/open"));
        call(carla, city, "partnership.participant.invited.v1", 201, r -> r.body(Map.of("partnerId", bank, "role", "SERVICE_PROVIDER",
                "message", "Join us")).post("/api/v1/projects/" + p + "/participants"));
        call(tom, bank, "partnership.participant.accepted.v1", 200, r -> r.post("/api/v1/projects/" + p + "/participants/" + bank + "/accept"));
        eventually(carla, city, "partnership.need.declared.v1", 201, r -> r.body(Map.of("projectId", p, "type", "VOLUNTEER_HOURS",
                "quantity", "10", "unit", "hours", "dimension", "WELFARE")).post("/api/v1/needs"));

        for (Made m : made) {
            Eventually.holds(() -> {
                JsonPath page = Platform.as(auditor.token()).queryParam("correlationId", m.requestId()).queryParam("limit", 100)
                        .get(AUDIT).then().statusCode(200).extract().jsonPath();
                // the request's own change once; whatever else it caused in the same request (e.g. a need's resources
                // summary) is by the same user, and what services did in reaction to it is by system:<consumer>
                List<Map<String, Object>> own = page.getList("items.findAll { it.action == '" + m.action() + "' }");
                assertThat(own).as("entries of request %s (%s)", m.requestId(), m.action()).hasSize(1);
                assertThat(page.getList("items.findAll { !it.actor.sub.startsWith('system:') }.actor.username", String.class))
                        .as("people behind request %s", m.requestId()).containsOnly(m.user().username());
                Map<String, Object> entry = own.get(0);
                assertThat(entry.get("action")).isEqualTo(m.action());
                assertThat(entry.get("correlationId")).isEqualTo(m.requestId());
                @SuppressWarnings("unchecked")
                Map<String, Object> actor = (Map<String, Object>) entry.get("actor");
                assertThat(actor.get("username")).isEqualTo(m.user().username());
                assertThat(actor.get("sub")).isEqualTo(m.user().id());
                assertThat(actor.get("partnerId")).isEqualTo(m.actorPartner());
            });
        }
        // the administrator's verification of the city names that administrator
        JsonPath verified = Platform.as(auditor.token()).queryParam("partnerId", city).queryParam("type", "partnership.partner.verified.v1")
                .get(AUDIT).then().statusCode(200).extract().jsonPath();
        assertThat(verified.getList("items")).hasSize(1);
        assertThat(verified.getString("items[0].actor.username")).isEqualTo(admin.username());
        assertThat(verified.getList("items[0].actor.roles", String.class)).contains("admin");
        assertThat(verified.getString("items[0].partnerId")).isEqualTo(city);

        // participants read their project's trail; the chain verifies
        Eventually.holds(() -> assertThat(Platform.as(tom.token()).queryParam("projectId", p).get(AUDIT).then().statusCode(200)
                .extract().jsonPath().getList("items.action", String.class)).contains("partnership.project.created.v1",
                "partnership.participant.accepted.v1"));
        Platform.as(auditor.token()).get(AUDIT + "/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.is(true));
        Platform.as(tom.token()).get(AUDIT + "/verify").then().statusCode(403);
    }

    private static Map<String, Object> registration(String name, String sector, String number) {
        return Map.of("name", name, "legalForm", "Association", "registrationNumber", number, "country", "GB", "sector", sector,
                "level", "LOCAL", "serviceDomains", List.of("WELFARE"), "contactEmail", "office@" + number.toLowerCase() + ".example.org");
    }
}
