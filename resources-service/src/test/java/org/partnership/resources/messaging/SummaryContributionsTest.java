package org.partnership.resources.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.resources.Fixtures;
import org.partnership.resources.Fixtures.World;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnership.testsupport.Tokens.as;

/**
 * Issue #19, hole 7: the resources summary says what each partner contributes per dimension (of the need it answers),
 * so projects-service can build the integration matrix without asking.
 */
@QuarkusTest
class SummaryContributionsTest {

    @Test
    void shouldSummariseEachPartnersContributionsPerDimensionTypeAndUnit() {
        World w = Fixtures.world();
        String housing = need(w, "VOLUNTEER_HOURS", "HOUSING");
        String employment = need(w, "FUNDING", "EMPLOYMENT");
        pledge(w.aToken(), w, "VOLUNTEER_HOURS", "100", "hours", housing);
        pledge(w.aToken(), w, "VOLUNTEER_HOURS", "50", "hours", housing);
        pledge(w.bToken(), w, "FUNDING", "5000", "EUR", employment);
        pledge(w.bToken(), w, "EQUIPMENT", "3", "laptops", null);
        String withdrawn = pledge(w.leadToken(), w, "VOLUNTEER_HOURS", "10", "hours", housing);
        as(w.leadToken()).body(Map.of("reason", "changed plans")).post("/api/v1/contributions/" + withdrawn + "/withdraw")
                .then().statusCode(200);

        JsonNode contributions = Fixtures.currentSummary(w.project()).path("data").path("contributions");
        List<String> rows = new ArrayList<>();
        contributions.forEach(c -> rows.add(String.join(" ", c.path("partnerId").asText(), c.path("dimension").isNull()
                ? "-" : c.path("dimension").asText(), c.path("type").asText(), c.path("unit").asText(), c.path("count").asText(),
                c.path("pledged").asText(), c.path("delivered").asText())));
        assertThat(rows).containsExactlyInAnyOrder(
                w.a() + " HOUSING VOLUNTEER_HOURS hours 2 150 0",
                w.b() + " EMPLOYMENT FUNDING EUR 1 5000 0",
                w.b() + " - EQUIPMENT laptops 1 3 0");
    }

    static String need(World w, String type, String dimension) {
        Map<String, Object> body = new HashMap<>(Map.of("projectId", w.project().toString(), "type", type, "quantity", "1000",
                "unit", "FUNDING".equals(type) ? "EUR" : "hours", "dimension", dimension));
        return as(w.leadToken()).body(body).post("/api/v1/needs").then().statusCode(201).extract().path("id");
    }

    static String pledge(String token, World w, String type, String quantity, String unit, String needId) {
        Map<String, Object> body = Fixtures.pledge(w.project(), type, quantity, unit);
        if (needId != null) {
            body.put("needId", needId);
        }
        return as(token).body(body).post("/api/v1/contributions").then().statusCode(201).extract().path("id");
    }
}
