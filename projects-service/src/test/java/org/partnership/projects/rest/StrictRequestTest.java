package org.partnership.projects.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.projects.Fixtures;
import org.partnership.testsupport.Tokens;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.partnership.projects.Fixtures.PROJECTS;
import static org.partnership.testsupport.Tokens.as;

/**
 * A request that is not exactly well-formed is a 400 problem and changes nothing: trailing garbage after the JSON,
 * a fraction where a whole number belongs, a page size that is not a number (http-support StrictJson, ProblemMappers).
 */
@QuarkusTest
class StrictRequestTest {

    @Test
    void shouldRefuseABodyWithAnythingAfterTheJsonValueAndCreateNothing() throws Exception {
        UUID lead = Fixtures.partner("PUBLIC");
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Fixtures.projectBody("Trailing " + lead));

        as(Tokens.coordinator(lead)).body(json + "}{").post(PROJECTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:malformed-json"));
        as(Tokens.coordinator(lead)).body(json + json).post(PROJECTS).then().statusCode(400);
        as(Tokens.coordinator(lead)).queryParam("mine", true).get(PROJECTS).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldRefuseAFractionWhereAWholeNumberBelongsInsteadOfTruncatingIt() {
        UUID lead = Fixtures.partner("PUBLIC");
        Map<String, Object> body = new HashMap<>(Fixtures.projectBody("Fraction " + lead));
        body.put("requiredCoveragePercent", 80.5);

        as(Tokens.coordinator(lead)).body(body).post(PROJECTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("requiredCoveragePercent"));
        as(Tokens.coordinator(lead)).queryParam("mine", true).get(PROJECTS).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldAnswerAPageSizeThatIsNotANumberWith400NamingIt() {
        String token = Tokens.partnerRep(UUID.randomUUID());
        for (String path : new String[] {PROJECTS, PROJECTS + "/invitations"}) {
            for (String limit : new String[] {"abc", "99999999999"}) {
                as(token).queryParam("limit", limit).get(path)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("type", is("urn:partnership:problem:validation")).body("errors.field", hasItem("limit"));
            }
        }
    }
}
