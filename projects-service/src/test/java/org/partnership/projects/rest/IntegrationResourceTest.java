package org.partnership.projects.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.partnership.projects.Fixtures;
import org.partnership.projects.Fixtures.Partnership;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Tokens;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.partnership.projects.Fixtures.PROJECTS;
import static org.partnership.projects.Fixtures.RESOURCES_CONSUMER;
import static org.partnership.testsupport.Tokens.as;

/**
 * Issue #19: horizontal and vertical integration (hole 7) — the matrix, levels and gaps of a project, its visibility,
 * and a coordinator's portfolio; and (hole 3) readiness asking the lead to reallocate a departed partner's risk shares.
 */
@QuarkusTest
class IntegrationResourceTest {

    @Test
    void shouldShowTheSectorsByDimensionsMatrixTheLevelsAndTheGaps() {
        Partnership p = partnership();
        UUID charity = p.participants()[0];
        UUID market = p.participants()[1];
        ObjectNode summary = summary(p.id(), 1);
        contribution(summary, charity, "HOUSING", "VOLUNTEER_HOURS", "hours", 2, "100", "20");
        contribution(summary, market, "HOUSING", "FUNDING", "EUR", 1, "5000", "0");
        contribution(summary, p.lead(), "EMPLOYMENT", "STAFF_HOURS", "hours", 1, "40", "0");
        contribution(summary, p.lead(), null, "IN_KIND", "boxes", 1, "10", "0");
        send(p.id(), summary);

        JsonPath body = as(p.coordinator()).get(p.path() + "/integration").then().statusCode(200).extract().jsonPath();
        assertThat(body.getList("dimensions", String.class)).containsExactly("HOUSING", "EMPLOYMENT");
        assertThat(body.getList("sectors", String.class)).containsExactly("MARKET", "PUBLIC", "THIRD_SECTOR");
        assertThat(body.getList("matrix.collect { it.sector + '/' + it.dimension }", String.class)).containsExactly(
                "MARKET/HOUSING", "MARKET/EMPLOYMENT", "PUBLIC/HOUSING", "PUBLIC/EMPLOYMENT", "THIRD_SECTOR/HOUSING",
                "THIRD_SECTOR/EMPLOYMENT");
        assertThat(body.getList("matrix.find { it.sector == 'THIRD_SECTOR' && it.dimension == 'HOUSING' }.partners.partnerId", String.class))
                .containsExactly(charity.toString());
        assertThat(body.getMap("matrix.find { it.sector == 'THIRD_SECTOR' && it.dimension == 'HOUSING' }.contributions[0]"))
                .containsEntry("type", "VOLUNTEER_HOURS").containsEntry("contributions", 2).containsEntry("pledged", "100")
                .containsEntry("delivered", "20");
        assertThat(body.getList("matrix.find { it.sector == 'MARKET' && it.dimension == 'EMPLOYMENT' }.partners")).isEmpty();
        assertThat(body.getList("levels.level", String.class)).containsExactly("LOCAL", "NATIONAL");
        assertThat(body.getList("integratedDimensions", String.class)).containsExactly("HOUSING");
        assertThat(body.getBoolean("horizontallyIntegrated")).isFalse();
        assertThat(body.getBoolean("verticallyIntegrated")).isTrue();
        assertThat(body.getList("gaps.code", String.class)).containsExactly("DIMENSION_SINGLE_SECTOR");
        assertThat(body.getString("gaps[0].dimension")).isEqualTo("EMPLOYMENT");
        assertThat(body.getList("participants.find { it.partnerId == '" + p.lead() + "' }.dimensions", String.class))
                .containsExactly("EMPLOYMENT");
    }

    @Test
    void shouldNameEveryDimensionUncoveredAndASingleLevelBeforeAnyPledge() {
        Partnership p = partnership();
        as(Tokens.partnerRep(p.participants()[0])).get(p.path() + "/integration").then().statusCode(200)
                .body("gaps.code", is(List.of("DIMENSION_UNCOVERED", "DIMENSION_UNCOVERED")))
                .body("matrix.size()", is(6)).body("horizontallyIntegrated", is(false))
                .body("verticallyIntegrated", is(true));
        Partnership local = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        as(local.coordinator()).get(local.path() + "/integration").then().statusCode(200)
                .body("gaps.code", hasItem("SINGLE_LEVEL")).body("verticallyIntegrated", is(false))
                .body("levels.level", is(List.of("LOCAL")));
    }

    @Test
    void shouldShowTheIntegrationOnlyToThoseWhoSeeTheWholeProject() {
        Partnership p = partnership();
        as(Tokens.auditor()).get(p.path() + "/integration").then().statusCode(200).body("projectId", is(p.id().toString()));
        as(Tokens.admin()).get(p.path() + "/integration").then().statusCode(200);
        UUID stranger = Fixtures.partner("MARKET");
        as(Tokens.partnerRep(stranger)).get(p.path()).then().statusCode(200).body("visibility", is("SUMMARY"));
        as(Tokens.partnerRep(stranger)).get(p.path() + "/integration").then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.coordinator(stranger)).get(PROJECTS + "/" + UUID.randomUUID() + "/integration").then().statusCode(404);
        as(Tokens.auditor()).get(PROJECTS + "/not-a-uuid/integration").then().statusCode(400);
        given().get(p.path() + "/integration").then().statusCode(401);
    }

    @Test
    void shouldPageTheCoordinatorsPortfolioAcrossItsOwnProjectsOnly() {
        Partnership p = partnership();
        String second = Fixtures.createProject(p.lead());
        Partnership other = Fixtures.openPartnership("PUBLIC", "MARKET");

        JsonPath first = as(p.coordinator()).get(PROJECTS + "/portfolio?limit=1").then().statusCode(200)
                .body("items.size()", is(1)).body("next", notNullValue()).extract().jsonPath();
        assertThat(first.getString("items[0].projectId")).isEqualTo(second);
        assertThat(first.getString("items[0].role")).isEqualTo("LEAD");
        JsonPath rest = as(p.coordinator()).get(PROJECTS + "/portfolio?limit=1&cursor=" + first.getString("next")).then()
                .statusCode(200).body("next", nullValue()).extract().jsonPath();
        assertThat(rest.getString("items[0].projectId")).isEqualTo(p.id().toString());
        assertThat(rest.getList("items[0].sectors", String.class)).containsExactly("MARKET", "PUBLIC", "THIRD_SECTOR");
        assertThat(rest.getList("items[0].levels", String.class)).containsExactly("LOCAL", "NATIONAL");
        assertThat(rest.getList("items[0].gaps.code", String.class)).containsExactly("DIMENSION_UNCOVERED", "DIMENSION_UNCOVERED");
        as(other.coordinator()).get(PROJECTS + "/portfolio").then().statusCode(200)
                .body("items.projectId", is(List.of(other.id().toString())));

        as(Tokens.partnerRep(p.participants()[0])).get(PROJECTS + "/portfolio").then().statusCode(403);
        as(Tokens.auditor()).get(PROJECTS + "/portfolio").then().statusCode(403);
        as(Tokens.user("lonely").roles("coordinator").sign()).get(PROJECTS + "/portfolio").then().statusCode(403);
        as(p.coordinator()).get(PROJECTS + "/portfolio?limit=0").then().statusCode(400);
        as(p.coordinator()).get(PROJECTS + "/portfolio?cursor=garbage").then().statusCode(400);
        given().get(PROJECTS + "/portfolio").then().statusCode(401);
    }

    @Test
    void shouldAskTheLeadToReallocateTheRiskSharesOfAPartnerThatLeft() {
        Partnership p = partnership();
        UUID market = p.participants()[1];
        UUID risk = UUID.randomUUID();
        ObjectNode summary = summary(p.id(), 1);
        summary.put("openRisks", 1);
        ((ArrayNode) summary.get("unallocatedOpenRisks")).addObject().put("riskId", risk.toString())
                .put("title", "Funding gap in year 2").put("allocatedPercent", "60");
        ObjectNode reallocation = summary.putArray("reallocationNeeded").addObject().put("riskId", risk.toString())
                .put("title", "Funding gap in year 2").put("status", "OPEN").put("allocatedPercent", "60");
        reallocation.putArray("released").addObject().put("partnerId", market.toString()).put("sharePercent", "40");
        send(p.id(), summary);

        as(p.coordinator()).get(p.path() + "/readiness").then().statusCode(200)
                .body("ready", is(false))
                .body("criteria.find { it.code == 'RISKS_ALLOCATED' }.passed", is(false))
                .body("criteria.find { it.code == 'RISKS_ALLOCATED' }.reason", org.hamcrest.Matchers.containsString(
                        "lost the shares of partners that left the project and must be allocated again by the lead"))
                .body("actions.code", is(List.of("REALLOCATE_RISK")))
                .body("actions[0].riskId", is(risk.toString()))
                .body("actions[0].partnerIds", is(List.of(market.toString())))
                .body("actions[0].detail", is("\"Funding gap in year 2\" is 60 % allocated: 40 % released when a partner left the "
                        + "project; the lead must allocate it again"));

        send(p.id(), summary(p.id(), 2));
        as(p.coordinator()).get(p.path() + "/readiness").then().statusCode(200).body("actions.size()", is(0))
                .body("criteria.find { it.code == 'RISKS_ALLOCATED' }.passed", is(true));
    }

    /** An OPEN project (HOUSING, EMPLOYMENT) led by a LOCAL public partner, with a LOCAL charity and a NATIONAL company. */
    static Partnership partnership() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR", "MARKET");
        UUID market = p.participants()[1];
        Fixtures.sendAndAwait("partners.v1", market.toString(), partnerAt(market, "MARKET", "NATIONAL"), Fixtures.PARTNERS_CONSUMER);
        return p;
    }

    static String partnerAt(UUID id, String sector, String level) {
        ObjectNode data = EventContracts.exampleData("partnership.partner.updated.v1");
        data.put("partnerId", id.toString()).put("name", "Partner " + id).put("sector", sector).put("status", "ACTIVE")
                .put("level", level).put("version", 2);
        return EventContracts.validEvent("partnership.partner.updated.v1", "/partners-service", id.toString(), data);
    }

    static ObjectNode summary(UUID project, long sequence) {
        ObjectNode data = Fixtures.JSON_MAPPER.createObjectNode().put("projectId", project.toString()).put("sequence", sequence);
        data.putArray("needs");
        data.put("openRisks", 0);
        data.putArray("unallocatedOpenRisks");
        data.putArray("reallocationNeeded");
        data.putArray("contributions");
        return data;
    }

    static void contribution(ObjectNode summary, UUID partner, String dimension, String type, String unit, int count,
            String pledged, String delivered) {
        ObjectNode c = ((ArrayNode) summary.get("contributions")).addObject().put("partnerId", partner.toString());
        if (dimension == null) {
            c.putNull("dimension");
        } else {
            c.put("dimension", dimension);
        }
        c.put("type", type).put("unit", unit).put("count", count).put("pledged", pledged).put("delivered", delivered);
    }

    static void send(UUID project, ObjectNode data) {
        String event = EventContracts.validEvent("partnership.project.resources-summarised.v1", "/resources-service", project.toString(), data);
        Fixtures.sendAndAwait("resources.v1", project.toString(), event, RESOURCES_CONSUMER);
    }
}
