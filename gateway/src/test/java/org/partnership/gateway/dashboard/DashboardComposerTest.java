package org.partnership.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Composition in plain Java: the services' answers as they are, and what was unavailable, restricted or cut off. */
class DashboardComposerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Part NOTHING = Part.of(null);

    /**
     * Pledge 8, deliver 3, withdraw 5: resources-service's project commitments say 3 pledged, 3 delivered. The dashboard
     * shows exactly that (it used to total the contributions itself and skip the withdrawn one, showing nothing).
     */
    @Test
    void shouldShowTheServicesTotalsPerPartnerAsTheyAre() {
        JsonNode commitments = json("""
                {"projectId":"p","projectTitle":"P","partners":[{"partnerId":"a","partnerName":"A","contributions":1,
                 "totals":{"byType":[{"type":"GOODS","unit":"boxes","pledged":"3","delivered":"3","remaining":"0"}],"byCurrency":[]},
                 "fulfilmentRatio":"0.375","overdueCount":0,"riskExposure":"0"}]}""");

        ObjectNode dashboard = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), NOTHING, NOTHING,
                NOTHING, Part.of(commitments), Part.of(json("{\"items\":[],\"next\":null}")), Part.of(json("[]")), NOTHING));

        assertThat(dashboard.path("contributionsByPartner")).isEqualTo(commitments.path("partners"));
        assertThat(dashboard.path("overdue")).isEmpty();
        assertThat(dashboard.path("partial").asBoolean(true)).isFalse();
        assertThat(dashboard.path("truncated")).isEmpty();
    }

    @Test
    void shouldShowOnlyOpenRisksAndTakeItemsOutOfPages() {
        JsonNode risks = json("[{\"id\":\"r1\",\"status\":\"OPEN\"},{\"id\":\"r2\",\"status\":\"CLOSED\"}]");
        JsonNode participants = json("{\"items\":[{\"partnerId\":\"a\"}],\"next\":null}");

        ObjectNode dashboard = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), NOTHING,
                Part.of(participants), NOTHING, NOTHING, NOTHING, NOTHING, Part.of(risks)));

        assertThat(dashboard.path("risks").findValuesAsText("id")).containsExactly("r1");
        assertThat(dashboard.path("participants").findValuesAsText("partnerId")).containsExactly("a");
    }

    @Test
    void shouldNameTheListsThatWereCutOff() {
        ObjectNode dashboard = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), NOTHING, NOTHING,
                NOTHING, NOTHING, Part.cutOff(json("[{\"id\":\"c1\"}]")), Part.of(json("[]")), NOTHING));

        assertThat(dashboard.path("truncated")).extracting(JsonNode::asText).containsExactly("overdue");
        assertThat(dashboard.path("overdue")).hasSize(1);
        assertThat(dashboard.path("partial").asBoolean(true)).isFalse();
    }

    @Test
    void shouldMarkMissingPartsAsUnavailable() {
        Part down = Part.unavailableFrom(DashboardSources.RESOURCES);
        ObjectNode dashboard = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), NOTHING, NOTHING,
                down, down, down, down, down));
        assertThat(dashboard.path("partial").asBoolean()).isTrue();
        assertThat(dashboard.path("unavailable")).extracting(JsonNode::asText).containsExactly("resources-service");
        assertThat(dashboard.has("contributionsByPartner")).as("a part that could not be had is left out").isFalse();
        assertThat(dashboard.has("risks")).as("a part that could not be had is left out").isFalse();
        assertThat(dashboard.path("restricted")).isEmpty();
    }

    @Test
    void shouldNameThePartsTheCallerMayNotSeeWithoutCallingTheDashboardPartial() {
        Part refused = Part.refused();
        ObjectNode dashboard = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"),
                Part.of(json("{\"ready\":false}")), Part.of(json("[]")), refused, refused, refused, NOTHING, refused));
        assertThat(dashboard.path("partial").asBoolean()).isFalse();
        assertThat(dashboard.path("unavailable")).isEmpty();
        assertThat(dashboard.path("restricted")).extracting(JsonNode::asText)
                .containsExactly("contributionsByPartner", "needs", "overdue", "risks");
        assertThat(dashboard.has("needs")).as("a restricted part is left out").isFalse();
        assertThat(dashboard.path("readiness").path("ready").asBoolean(true)).isFalse();
    }

    /** Issue #19: what the lead must do, what departed partners still owe, and the integration — each as its service said. */
    @Test
    void shouldShowTheLeadsActionsTheDepartedPartnersPledgesAndTheIntegrationAsTheServicesGaveThem() {
        JsonNode readiness = json("""
                {"ready":false,"criteria":[{"code":"RISKS_ALLOCATED","passed":false,"reason":"r"}],
                 "actions":[{"code":"REALLOCATE_RISK","riskId":"r1","partnerIds":["b"],"detail":"d"}]}""");
        JsonNode departed = json("[{\"id\":\"c1\",\"partnerId\":\"b\",\"status\":\"PLEDGED\"}]");
        JsonNode integration = json("{\"projectId\":\"p\",\"gaps\":[{\"code\":\"SINGLE_LEVEL\"}]}");

        ObjectNode dashboard = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), Part.of(readiness),
                NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, Part.of(integration), Part.of(departed)));

        assertThat(dashboard.path("actionsNeeded")).isEqualTo(readiness.path("actions"));
        assertThat(dashboard.path("departedPledges")).isEqualTo(departed);
        assertThat(dashboard.path("integration")).isEqualTo(integration);

        ObjectNode refused = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), Part.of(readiness),
                NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, Part.unavailableFrom(DashboardSources.PROJECTS), Part.refused()));
        assertThat(refused.has("departedPledges")).isFalse();
        assertThat(refused.has("integration")).isFalse();
        assertThat(refused.path("restricted")).extracting(JsonNode::asText).containsExactly("departedPledges");
        assertThat(refused.path("unavailable")).extracting(JsonNode::asText).containsExactly("projects-service");
    }

    /** Issue #21: the open proposals and the decision log, exactly as projects-service counted and listed them. */
    @Test
    void shouldShowTheOpenProposalsAndTheDecisionLogAsProjectsServiceGaveThem() {
        JsonNode open = json("""
                [{"id":"pr2","type":"LAUNCH","status":"OPEN","tally":{"approve":2,"sectorsWithoutApproval":["MARKET"]},
                  "votes":[{"partnerId":"a","choice":"APPROVE","votedAt":"2026-12-04T10:00:00Z"}]}]""");
        JsonNode log = json("""
                [{"id":"pr2","type":"LAUNCH","status":"OPEN"},
                 {"id":"pr1","type":"ADMIT_PARTNER","status":"PASSED","votes":[{"partnerId":"a","choice":"APPROVE"}]}]""");

        ObjectNode dashboard = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), NOTHING, NOTHING,
                NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, Part.of(open), Part.cutOff(log)));

        assertThat(dashboard.path("openProposals")).isEqualTo(open);
        assertThat(dashboard.path("decisionLog")).isEqualTo(log);
        assertThat(dashboard.path("truncated")).extracting(JsonNode::asText).containsExactly("decisionLog");

        ObjectNode outsider = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), NOTHING, NOTHING,
                NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING, Part.refused(), Part.refused()));
        assertThat(outsider.has("openProposals")).isFalse();
        assertThat(outsider.path("restricted")).extracting(JsonNode::asText).containsExactly("decisionLog", "openProposals");
    }

    @Test
    void shouldComposeThePortfolioAndTheOrganisationsCommitments() {
        JsonNode items = json("[{\"projectId\":\"p\",\"gaps\":[]}]");
        JsonNode commitments = json("{\"partnerId\":\"a\",\"items\":[],\"next\":null}");

        ObjectNode dashboard = DashboardComposer.composePortfolio(Part.cutOff(items), Part.of(commitments));
        assertThat(dashboard.path("portfolio")).isEqualTo(items);
        assertThat(dashboard.path("commitments")).isEqualTo(commitments);
        assertThat(dashboard.path("truncated")).extracting(JsonNode::asText).containsExactly("portfolio");
        assertThat(dashboard.path("partial").asBoolean(true)).isFalse();

        ObjectNode partial = DashboardComposer.composePortfolio(Part.refused(), Part.unavailableFrom(DashboardSources.RESOURCES));
        assertThat(partial.path("restricted")).extracting(JsonNode::asText).containsExactly("portfolio");
        assertThat(partial.path("unavailable")).extracting(JsonNode::asText).containsExactly("resources-service");
        assertThat(partial.path("partial").asBoolean()).isTrue();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
