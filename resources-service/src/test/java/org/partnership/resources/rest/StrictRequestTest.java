package org.partnership.resources.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.resources.Fixtures;
import org.partnership.resources.Fixtures.World;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.partnership.testsupport.Tokens.as;

/**
 * A request that is not exactly well-formed is a 400 problem and changes nothing: trailing garbage after the JSON,
 * a fraction where a whole number belongs, a page size that is not a number (http-support StrictJson, ProblemMappers).
 */
@QuarkusTest
class StrictRequestTest {

    @Test
    void shouldRefuseABodyWithAnythingAfterTheJsonValueAndPledgeNothing() throws Exception {
        World w = Fixtures.world();
        String pledge = new ObjectMapper().writeValueAsString(Map.of("projectId", w.project().toString(), "type", "EQUIPMENT",
                "quantity", "3", "unit", "laptops"));

        as(w.aToken()).body(pledge + "}{").post(ContributionResourceTest.CONTRIBUTIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:malformed-json"));
        as(w.aToken()).body(pledge + pledge).post(ContributionResourceTest.CONTRIBUTIONS).then().statusCode(400);
        as(w.aToken()).queryParam("projectId", w.project().toString()).get(ContributionResourceTest.CONTRIBUTIONS)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldRefuseAFractionalLikelihoodInsteadOfTruncatingIt() {
        World w = Fixtures.world();
        Map<String, Object> risk = new HashMap<>(RiskResourceTest.risk(w.project(), w.a()));
        risk.put("likelihood", 2.5);

        as(w.aToken()).body(risk).post(RiskResourceTest.RISKS)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("likelihood"));
        as(w.aToken()).queryParam("projectId", w.project().toString()).get(RiskResourceTest.RISKS)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldAnswerAPageSizeThatIsNotANumberWith400NamingIt() {
        World w = Fixtures.world();
        for (String path : new String[] {ContributionResourceTest.CONTRIBUTIONS, "/api/v1/commitments"}) {
            for (String limit : new String[] {"abc", "99999999999"}) {
                as(w.aToken()).queryParam("limit", limit).get(path)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("type", is("urn:partnership:problem:validation")).body("errors.field", hasItem("limit"));
            }
        }
    }
}
