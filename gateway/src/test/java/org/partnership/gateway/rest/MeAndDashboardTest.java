package org.partnership.gateway.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.testsupport.Tokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The gateway's own endpoints, with the projects upstream answering and the resources upstream down. */
@QuarkusTest
class MeAndDashboardTest {

    @Test
    void shouldTellWhoTheCallerIsWithTheirPartnerFromPartnersService() {
        UUID partner = UUID.randomUUID();
        var token = Tokens.user("tom").roles("partner-rep").partner(partner).sign();

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("username", is("tom"))
                .body("roles", contains("partner-rep"))
                .body("partner.id", is(partner.toString()))
                .body("partner.name", is("Stub " + partner.toString().substring(0, 8)))
                .body("partner.sector", is("THIRD_SECTOR"));
    }

    @Test
    void shouldTellAnAdministratorTheyRepresentNoPartner() {
        given().auth().oauth2(Tokens.admin()).get("/api/v1/me").then().statusCode(200)
                .body("roles", contains("admin")).body("$", hasKey("partner")).body("partner", nullValue());
    }

    @Test
    void shouldRefuseAnonymousCallersOfItsOwnEndpoints() {
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/dashboards/projects/" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(Tokens.user("x").forged().sign()).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void shouldShowAPartialDashboardNamingTheServiceThatIsDown() {
        UUID project = UUID.randomUUID();
        given().auth().oauth2(Tokens.coordinator(UUID.randomUUID())).get("/api/v1/dashboards/projects/" + project)
                .then().statusCode(200)
                .body("project.id", is(project.toString()))
                .body("readiness.path", is("/api/v1/projects/" + project + "/readiness"))
                .body("partial", is(true))
                .body("unavailable", containsInAnyOrder("resources-service"))
                .body("restricted", empty())
                .body("$", not(hasKey("needs")))
                .body("$", not(hasKey("contributionsByPartner")))
                .body("$", not(hasKey("risks")))
                .body("$", not(hasKey("departedPledges")))
                .body("integration.path", is("/api/v1/projects/" + project + "/integration"))
                .body("openProposals", empty())
                .body("decisionLog", empty());
    }

    @Test
    void shouldFollowTheParticipantsPagesAndNameAListLongerThanItFollowsTruncated() {
        String coordinator = Tokens.coordinator(UUID.randomUUID());
        UUID project = UUID.fromString("0" + UUID.randomUUID().toString().substring(1));
        given().auth().oauth2(coordinator).get("/api/v1/dashboards/projects/" + project).then().statusCode(200)
                .body("participants.partnerId", contains("page-1", "page-2", "page-3"))
                .body("truncated", not(hasItem("participants")));
        UUID endless = UUID.fromString("ffffffff" + UUID.randomUUID().toString().substring(8));
        given().auth().oauth2(coordinator).get("/api/v1/dashboards/projects/" + endless).then().statusCode(200)
                .body("participants", hasSize(10))
                .body("participants[9].partnerId", is("page-10"))
                .body("truncated", hasItem("participants"));
    }

    @Test
    void shouldComposeThePortfolioDashboardFromTheServicesAndLeaveOutWhatACallerWithoutPartnerHasNot() {
        given().auth().oauth2(Tokens.coordinator(UUID.randomUUID())).get("/api/v1/dashboards/portfolio").then().statusCode(200)
                .body("portfolio", empty())
                .body("partial", is(true))
                .body("unavailable", contains("resources-service"))
                .body("$", not(hasKey("commitments")));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/dashboards/portfolio").then().statusCode(200)
                .body("partial", is(false))
                .body("restricted", contains("commitments", "portfolio"));
        given().get("/api/v1/dashboards/portfolio").then().statusCode(401);
    }

    @Test
    void shouldAnswerAMalformedProjectIdWith400() {
        given().auth().oauth2(Tokens.coordinator(UUID.randomUUID())).get("/api/v1/dashboards/projects/nope")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
