package org.partnership.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Composition rules in plain Java: totals per partner in decimals, open risks, overdue and partial items. */
class DashboardComposerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldTotalContributionsPerPartnerByTypeAndCurrencyInDecimals() throws Exception {
        List<JsonNode> contributions = List.of(
                json("{\"partnerId\":\"b\",\"type\":\"FUNDING\",\"unit\":\"GBP\",\"quantity\":\"1000.10\",\"delivered\":\"250.05\",\"status\":\"PARTIALLY_DELIVERED\",\"valuation\":{\"amount\":\"1000.10\",\"currency\":\"GBP\"},\"overdue\":true}"),
                json("{\"partnerId\":\"b\",\"type\":\"FUNDING\",\"unit\":\"GBP\",\"quantity\":\"0.20\",\"delivered\":\"0\",\"status\":\"PLEDGED\",\"valuation\":{\"amount\":\"0.20\",\"currency\":\"GBP\"}}"),
                json("{\"partnerId\":\"a\",\"type\":\"VOLUNTEER_HOURS\",\"unit\":\"hours\",\"quantity\":\"40\",\"delivered\":\"40\",\"status\":\"FULFILLED\"}"),
                json("{\"partnerId\":\"a\",\"type\":\"VOLUNTEER_HOURS\",\"unit\":\"hours\",\"quantity\":\"99\",\"delivered\":\"0\",\"status\":\"WITHDRAWN\"}"));
        JsonNode risks = json("{\"items\":[{\"id\":\"r1\",\"status\":\"OPEN\"},{\"id\":\"r2\",\"status\":\"CLOSED\"}],\"next\":null}");

        ObjectNode dashboard = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), null, null, null,
                contributions, risks, List.of(), List.of()));

        assertThat(dashboard.path("partial").asBoolean()).isFalse();
        JsonNode byPartner = dashboard.path("contributionsByPartner");
        assertThat(byPartner).hasSize(2);
        assertThat(byPartner.get(0).path("partnerId").asText()).isEqualTo("a");
        assertThat(byPartner.get(0).path("contributions").asInt()).isEqualTo(1);
        assertThat(byPartner.get(0).path("byType").get(0).path("pledged").asText()).isEqualTo("40");
        assertThat(byPartner.get(1).path("byType").get(0).path("pledged").asText()).isEqualTo("1000.30");
        assertThat(byPartner.get(1).path("byCurrency").get(0).path("pledged").asText()).isEqualTo("1000.30");
        assertThat(byPartner.get(1).path("byCurrency").get(0).path("delivered").asText()).isEqualTo("250.05");
        assertThat(dashboard.path("overdue")).hasSize(1);
        assertThat(dashboard.path("partiallyDelivered")).hasSize(1);
        assertThat(dashboard.path("risks")).hasSize(1);
        assertThat(dashboard.path("risks").get(0).path("id").asText()).isEqualTo("r1");
    }

    @Test
    void shouldValueDeliveriesInEachCurrencysOwnMinorUnits() throws Exception {
        List<JsonNode> contributions = List.of(
                json("{\"partnerId\":\"m\",\"type\":\"FUNDING\",\"unit\":\"JPY\",\"quantity\":\"3\",\"delivered\":\"1\",\"status\":\"PARTIALLY_DELIVERED\",\"valuation\":{\"amount\":\"1000\",\"currency\":\"JPY\"}}"),
                json("{\"partnerId\":\"m\",\"type\":\"FUNDING\",\"unit\":\"KWD\",\"quantity\":\"3\",\"delivered\":\"1\",\"status\":\"PARTIALLY_DELIVERED\",\"valuation\":{\"amount\":\"10.000\",\"currency\":\"KWD\"}}"),
                json("{\"partnerId\":\"m\",\"type\":\"FUNDING\",\"unit\":\"EUR\",\"quantity\":\"3\",\"delivered\":\"1\",\"status\":\"PARTIALLY_DELIVERED\",\"valuation\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}}"));

        JsonNode byCurrency = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), null, null, null,
                contributions, null, List.of(), List.of())).path("contributionsByPartner").get(0).path("byCurrency");

        assertThat(byCurrency.findValuesAsText("currency")).containsExactly("EUR", "JPY", "KWD");
        assertThat(byCurrency.findValuesAsText("delivered")).containsExactly("3.33", "333", "3.333");
    }

    @Test
    void shouldMarkMissingPartsAsUnavailable() {
        ObjectNode dashboard = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), null, null, null,
                null, null, List.of("resources-service", "resources-service"), List.of()));
        assertThat(dashboard.path("partial").asBoolean()).isTrue();
        assertThat(dashboard.path("unavailable")).hasSize(1);
        assertThat(dashboard.path("contributionsByPartner").isNull()).isTrue();
        assertThat(dashboard.path("restricted")).isEmpty();
    }

    @Test
    void shouldNameThePartsTheCallerMayNotSeeWithoutCallingTheDashboardPartial() {
        ObjectNode dashboard = DashboardComposer.compose(new DashboardComposer.Parts(json("{\"id\":\"p\"}"), json("{\"ready\":false}"),
                json("[]"), null, null, null, List.of(), List.of("risks", "needs", "contributionsByPartner", "overdue")));
        assertThat(dashboard.path("partial").asBoolean()).isFalse();
        assertThat(dashboard.path("unavailable")).isEmpty();
        assertThat(dashboard.path("restricted")).extracting(JsonNode::asText)
                .containsExactly("contributionsByPartner", "needs", "overdue", "risks");
        assertThat(dashboard.path("needs").isNull()).isTrue();
        assertThat(dashboard.path("readiness").path("ready").asBoolean(true)).isFalse();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
