package org.partnership.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts a project's dashboard together from what the services answered (plain JSON in their published shapes):
 * contribution totals per partner, by type and unit and by currency (decimal arithmetic), open risks, overdue and
 * partially delivered contributions. A part a service could not give is null and its service named in
 * {@code unavailable} (the dashboard is then {@code partial}); a part the service refused the caller is null and named in
 * {@code restricted}.
 */
public final class DashboardComposer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DashboardComposer() {
    }

    /**
     * What the services answered; null for what could not be had.
     *
     * @param unavailable the services that did not answer
     * @param restricted  the dashboard fields the services refused this caller
     */
    public record Parts(JsonNode project, JsonNode readiness, JsonNode participants, JsonNode needs, List<JsonNode> contributions,
                        JsonNode risks, List<String> unavailable, List<String> restricted) {
    }

    public static ObjectNode compose(Parts parts) {
        ObjectNode dashboard = JSON.objectNode();
        dashboard.set("project", parts.project());
        dashboard.set("readiness", parts.readiness());
        dashboard.set("participants", items(parts.participants()));
        dashboard.set("needs", items(parts.needs()));
        if (parts.contributions() == null) {
            dashboard.putNull("contributionsByPartner");
            dashboard.putNull("overdue");
            dashboard.putNull("partiallyDelivered");
        } else {
            dashboard.set("contributionsByPartner", byPartner(parts.contributions()));
            dashboard.set("overdue", select(parts.contributions(), c -> c.path("overdue").asBoolean(false)));
            dashboard.set("partiallyDelivered", select(parts.contributions(), c -> "PARTIALLY_DELIVERED".equals(c.path("status").asText())));
        }
        JsonNode risks = items(parts.risks());
        dashboard.set("risks", risks == null ? null : select(list(risks), r -> "OPEN".equals(r.path("status").asText())));
        dashboard.put("partial", !parts.unavailable().isEmpty());
        ArrayNode unavailable = dashboard.putArray("unavailable");
        parts.unavailable().stream().distinct().sorted().forEach(unavailable::add);
        ArrayNode restricted = dashboard.putArray("restricted");
        parts.restricted().stream().distinct().sorted().forEach(restricted::add);
        return dashboard;
    }

    /** A list answer may be a bare array or a page {@code {items, next}}. */
    public static JsonNode items(JsonNode answer) {
        if (answer == null || answer.isNull()) {
            return null;
        }
        return answer.has("items") ? answer.get("items") : answer;
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        if (array != null) {
            array.forEach(list::add);
        }
        return list;
    }

    private static ArrayNode select(List<JsonNode> nodes, java.util.function.Predicate<JsonNode> keep) {
        ArrayNode selected = JSON.arrayNode();
        nodes.stream().filter(keep).forEach(selected::add);
        return selected;
    }

    private static ArrayNode byPartner(List<JsonNode> contributions) {
        Map<String, Totals> partners = new TreeMap<>();
        for (JsonNode c : contributions) {
            if ("WITHDRAWN".equals(c.path("status").asText())) {
                continue;
            }
            partners.computeIfAbsent(c.path("partnerId").asText(), Totals::new).add(c);
        }
        ArrayNode result = JSON.arrayNode();
        partners.values().forEach(t -> result.add(t.toJson()));
        return result;
    }

    private static final class Totals {
        private final String partnerId;
        private int count;
        private final Map<String, BigDecimal[]> byTypeAndUnit = new TreeMap<>();
        private final Map<String, BigDecimal[]> byCurrency = new TreeMap<>();

        Totals(String partnerId) {
            this.partnerId = partnerId;
        }

        void add(JsonNode c) {
            count++;
            BigDecimal quantity = decimal(c.path("quantity"));
            BigDecimal delivered = decimal(c.path("delivered"));
            accumulate(byTypeAndUnit, c.path("type").asText() + "\u0000" + c.path("unit").asText(), quantity, delivered);
            JsonNode valuation = c.path("valuation");
            if (valuation.isObject() && valuation.hasNonNull("amount") && valuation.hasNonNull("currency")) {
                BigDecimal amount = decimal(valuation.path("amount"));
                String currency = valuation.path("currency").asText();
                BigDecimal deliveredValue = quantity.signum() == 0 ? BigDecimal.ZERO
                        : amount.multiply(delivered).divide(quantity, minorUnits(currency), java.math.RoundingMode.HALF_EVEN);
                accumulate(byCurrency, currency, amount, deliveredValue);
            }
        }

        /** The currency's minor units (2 for EUR, 0 for JPY, 3 for KWD); 2 for a code Java does not know. */
        private static int minorUnits(String currency) {
            try {
                int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
                return digits < 0 ? 2 : digits;
            } catch (IllegalArgumentException unknown) {
                return 2;
            }
        }

        private static void accumulate(Map<String, BigDecimal[]> totals, String key, BigDecimal pledged, BigDecimal delivered) {
            BigDecimal[] t = totals.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            t[0] = t[0].add(pledged);
            t[1] = t[1].add(delivered);
        }

        ObjectNode toJson() {
            ObjectNode node = JSON.objectNode().put("partnerId", partnerId).put("contributions", count);
            ArrayNode types = node.putArray("byType");
            byTypeAndUnit.forEach((key, t) -> {
                String[] typeAndUnit = key.split("\u0000", -1);
                types.addObject().put("type", typeAndUnit[0]).put("unit", typeAndUnit[1])
                        .put("pledged", t[0].toPlainString()).put("delivered", t[1].toPlainString());
            });
            ArrayNode currencies = node.putArray("byCurrency");
            byCurrency.forEach((currency, t) -> currencies.addObject().put("currency", currency)
                    .put("pledged", t[0].toPlainString()).put("delivered", t[1].toPlainString()));
            return node;
        }
    }

    private static BigDecimal decimal(JsonNode value) {
        try {
            return value.isMissingNode() || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
