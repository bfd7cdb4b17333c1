package org.partnership.partners.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.testsupport.Tokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/** A request that is not exactly well-formed is a 400 problem and changes nothing (http-support StrictJson, ProblemMappers). */
@QuarkusTest
class StrictRequestTest {

    private static final String PARTNERS = "/api/v1/partners";

    @Test
    void shouldRefuseABodyWithAnythingAfterTheJsonValueAndRegisterNothing() throws Exception {
        String number = "REG-" + UUID.randomUUID();
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(PartnerResourceTest.body(number));

        PartnerResourceTest.as(Tokens.newcomer("trailing-" + number)).body(json + "}{").post(PARTNERS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:malformed-json"));
        PartnerResourceTest.as(Tokens.newcomer("trailing2-" + number)).body(json + " {\"name\": \"second\"}").post(PARTNERS)
                .then().statusCode(400).contentType("application/problem+json");
        PartnerResourceTest.as(Tokens.admin()).queryParam("q", number).get(PARTNERS)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldAnswerAPageSizeThatIsNotANumberWith400NamingIt() {
        for (String limit : new String[] {"abc", "99999999999", "1.5"}) {
            given().auth().oauth2(Tokens.admin()).queryParam("limit", limit).get(PARTNERS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", is("urn:partnership:problem:validation"))
                    .body("errors.field", hasItem("limit"));
        }
    }
}
