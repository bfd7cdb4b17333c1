package org.partnership.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * A third-sector organisation joins the platform: its volunteer registers it, an administrator verifies it, and
 * from the volunteer's next sign-in their token says whom they represent (Keycloak linked by partners-service).
 */
@Order(1)
@ExtendWith(Platform.class)
class PartnerOnboardingIT {

    @Test
    void shouldRegisterVerifyAndLinkANewOrganisation() {
        Platform.User volunteer = Platform.newUser("volunteer");
        Platform.User admin = Platform.newUser("admin", "admin");
        Platform.User auditor = Platform.newUser("auditor", "auditor");
        Platform.User stranger = Platform.newUser("stranger", "partner-rep");

        String id = Platform.as(volunteer.token()).body(organisation("Riverside Youth Club", "YC-" + volunteer.id()))
                .post("/api/v1/partners").then().statusCode(201)
                .body("status", is("PENDING_VERIFICATION")).extract().path("id");

        Platform.as(stranger.token()).get("/api/v1/partners/" + id).then().statusCode(404);
        Platform.as(auditor.token()).get("/api/v1/partners/" + id).then().statusCode(200);
        Platform.as(auditor.token()).body(Map.of("reason", "no")).post("/api/v1/partners/" + id + "/verify").then().statusCode(403);
        Platform.as(volunteer.token()).body(Map.of("reason", "self")).post("/api/v1/partners/" + id + "/verify").then().statusCode(403);

        Platform.as(admin.token()).body(Map.of("reason", "Checked the association register"))
                .post("/api/v1/partners/" + id + "/verify").then().statusCode(200).body("status", is("ACTIVE"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> id.equals(claim(volunteer.token(), "partner_id")));
        String token = volunteer.token();
        Platform.as(token).get("/api/v1/me").then().statusCode(200)
                .body("partner.id", is(id)).body("partner.name", is("Riverside Youth Club")).body("partner.sector", is("COMMUNITY"));

        Platform.as(token).header("If-Match", "\"1\"").body(Map.of("description", "Open five evenings a week"))
                .patch("/api/v1/partners/" + id).then().statusCode(200).header("ETag", "\"2\"");
        Platform.as(token).header("If-Match", "\"1\"").body(Map.of("description", "lost update"))
                .patch("/api/v1/partners/" + id).then().statusCode(412);
        Platform.as(stranger.token()).get("/api/v1/partners/" + id).then().statusCode(200)
                .body("description", is("Open five evenings a week")).body("contactEmail", nullValue());
        Platform.as(stranger.token()).queryParam("capability", "youth-work").get("/api/v1/partners").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void shouldRefuseWhatNeedsAPartnerToCallersWhoseTokenNamesNone() {
        Platform.User coordinator = Platform.newUser("unlinked-coordinator", "coordinator");
        Platform.User rep = Platform.newUser("unlinked-rep", "partner-rep");
        String coordinatorToken = coordinator.token();
        assertThat(claim(coordinatorToken, "partner_id")).isNull();

        Platform.as(coordinatorToken).get("/api/v1/me").then().statusCode(200).body("partner", nullValue());
        Platform.as(coordinatorToken).body(Map.of("title", "Nobody's project", "purpose", "Led by no organisation",
                        "dimensions", List.of("HOUSING"), "plannedStart", java.time.LocalDate.now().plusDays(30).toString(),
                        "plannedEnd", java.time.LocalDate.now().plusDays(90).toString()))
                .post("/api/v1/projects").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("partner_id"));
        Platform.as(rep.token()).get("/api/v1/projects/invitations").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("partner_id"));
    }

    static Map<String, Object> organisation(String name, String registrationNumber) {
        return Map.of("name", name, "legalForm", "Association", "registrationNumber", registrationNumber, "country", "GB",
                "sector", "COMMUNITY", "level", "LOCAL", "serviceDomains", List.of("YOUTH", "EDUCATION"),
                "capabilities", List.of(Map.of("tag", "youth-work", "capacity", "30", "unit", "hours/week")),
                "contactEmail", "hello@youthclub.example.org");
    }

    static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(payload);
        return m.find() ? m.group(1) : null;
    }

}
