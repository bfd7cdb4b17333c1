package org.partnership.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, through the gateway with real tokens: one row per endpoint and caller, with the status they must
 * get. Errors are problem+json; no data crosses partners; auditors change nothing; foreign and tampered tokens fail.
 */
@Order(2)
@ExtendWith(Platform.class)
class SecurityMatrixIT {

    enum Caller { ANONYMOUS, OTHER_REALM, TAMPERED, MEMBER, OTHER_REP, AUDITOR, ADMIN }

    record Row(String method, String path, Caller caller, int expected, Object body) {
    }

    private static final Map<Caller, String> TOKENS = new java.util.EnumMap<>(Caller.class);
    private static String pending;
    private static String active;

    @BeforeAll
    static void partnersAndCallers() {
        Platform.User member = Platform.newUser("member", "partner-rep");
        Platform.User admin = Platform.newUser("admin", "admin");
        active = Platform.as(member.token()).body(PartnerOnboardingIT.organisation("Matrix Org", "MX-" + member.id()))
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
        Platform.as(admin.token()).body(Map.of("reason", "ok")).post("/api/v1/partners/" + active + "/verify").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> active.equals(PartnerOnboardingIT.claim(member.token(), "partner_id")));
        Platform.User other = Platform.newUser("other", "partner-rep");
        pending = Platform.as(other.token()).body(PartnerOnboardingIT.organisation("Pending Org", "PD-" + other.id()))
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");

        TOKENS.put(Caller.MEMBER, member.token());
        TOKENS.put(Caller.OTHER_REP, Platform.newUser("outsider", "partner-rep").token());
        TOKENS.put(Caller.AUDITOR, Platform.newUser("auditor", "auditor").token());
        TOKENS.put(Caller.ADMIN, admin.token());
        TOKENS.put(Caller.OTHER_REALM, given().baseUri(Platform.stack().keycloakUrl()).formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token"));
        String valid = admin.token();
        String[] parts = valid.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"admin\"", "\"admix\"");
        TOKENS.put(Caller.TAMPERED, parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2]);
    }

    @Test
    void shouldAnswerEveryCallerAsTheRulesSay() {
        Map<String, Object> reason = Map.of("reason", "matrix");
        List<Row> rows = new ArrayList<>();
        for (Caller c : List.of(Caller.ANONYMOUS, Caller.OTHER_REALM, Caller.TAMPERED)) {
            rows.add(new Row("GET", "/api/v1/partners", c, 401, null));
            rows.add(new Row("GET", "/api/v1/me", c, 401, null));
            rows.add(new Row("GET", "/api/v1/projects", c, 401, null));
            rows.add(new Row("GET", "/api/v1/contributions", c, 401, null));
            rows.add(new Row("POST", "/api/v1/partners/" + active + "/suspend", c, 401, reason));
        }
        rows.addAll(List.of(
                new Row("GET", "/api/v1/partners", Caller.OTHER_REP, 200, null),
                new Row("GET", "/api/v1/partners?status=PENDING_VERIFICATION", Caller.OTHER_REP, 403, null),
                new Row("GET", "/api/v1/partners?status=PENDING_VERIFICATION", Caller.AUDITOR, 200, null),
                new Row("GET", "/api/v1/partners/" + pending, Caller.OTHER_REP, 404, null),
                new Row("GET", "/api/v1/partners/" + pending, Caller.MEMBER, 404, null),
                new Row("GET", "/api/v1/partners/" + pending, Caller.AUDITOR, 200, null),
                new Row("GET", "/api/v1/partners/" + pending, Caller.ADMIN, 200, null),
                new Row("GET", "/api/v1/partners/" + active + "/members", Caller.OTHER_REP, 404, null),
                new Row("GET", "/api/v1/partners/" + active + "/members", Caller.MEMBER, 200, null),
                new Row("GET", "/api/v1/partners/" + active + "/members", Caller.AUDITOR, 200, null),
                new Row("PATCH", "/api/v1/partners/" + active, Caller.OTHER_REP, 403, Map.of("name", "Hijack")),
                new Row("PATCH", "/api/v1/partners/" + active, Caller.AUDITOR, 403, Map.of("name", "Hijack")),
                new Row("PATCH", "/api/v1/partners/" + active, Caller.ADMIN, 403, Map.of("name", "Hijack")),
                new Row("PATCH", "/api/v1/partners/" + pending, Caller.MEMBER, 404, Map.of("name", "Hijack")),
                new Row("POST", "/api/v1/partners/" + active + "/suspend", Caller.MEMBER, 403, reason),
                new Row("POST", "/api/v1/partners/" + active + "/suspend", Caller.OTHER_REP, 403, reason),
                new Row("POST", "/api/v1/partners/" + active + "/suspend", Caller.AUDITOR, 403, reason),
                new Row("POST", "/api/v1/partners/" + pending + "/verify", Caller.OTHER_REP, 403, reason),
                new Row("POST", "/api/v1/partners", Caller.AUDITOR, 403, PartnerOnboardingIT.organisation("Audit Org", "AU-" + UUID.randomUUID())),
                new Row("POST", "/api/v1/partners", Caller.MEMBER, 409, PartnerOnboardingIT.organisation("Second Org", "SE-" + UUID.randomUUID())),
                new Row("GET", "/api/v1/me", Caller.AUDITOR, 200, null),
                new Row("GET", "/api/v1/dashboards/projects/" + UUID.randomUUID(), Caller.OTHER_REP, 404, null),
                new Row("GET", "/api/v1/dashboards/projects/not-a-uuid", Caller.OTHER_REP, 400, null)));

        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            var request = given().baseUri(Platform.stack().gatewayUrl()).contentType(ContentType.JSON).header("If-Match", "\"1\"");
            if (row.caller() != Caller.ANONYMOUS) {
                request.auth().oauth2(TOKENS.get(row.caller()));
            }
            if (row.body() != null) {
                request.body(row.body());
            }
            var response = request.request(row.method(), row.path()).then().extract();
            if (response.statusCode() != row.expected()) {
                wrong.add(row + " got " + response.statusCode() + " " + response.asString());
            } else if (row.expected() >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                wrong.add(row + " answered without a problem body: " + response.contentType());
            }
        }
        assertThat(wrong).as("rows answered otherwise than the rules say").isEmpty();
        Platform.as(TOKENS.get(Caller.ADMIN)).get("/api/v1/partners/" + active).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.is("Matrix Org")).body("status", org.hamcrest.Matchers.is("ACTIVE"));
    }
}
