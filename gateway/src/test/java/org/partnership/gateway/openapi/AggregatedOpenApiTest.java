package org.partnership.gateway.openapi;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** One public API description: the gateway's operations and every reachable service's, without a token. */
@QuarkusTest
class AggregatedOpenApiTest {

    @Test
    void shouldMergeTheServicesDescriptionsUnderTheirPublicPaths() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", notNullValue())
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/me"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/dashboards/projects/{id}"))
                .body("paths.'/api/v1/stub'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/PartnersProblem"))
                .body("components.schemas.Problem.type", is("object"))
                .body("components.schemas.PartnersProblem.type", is("string"))
                .body("tags.name", hasItem("Stub"))
                .body("info.x-unavailable-services", containsInAnyOrder("resources"));
    }

    @Test
    void shouldServeYamlByDefault() {
        given().get("/q/openapi").then().statusCode(200).contentType(containsString("yaml")).body(containsString("/api/v1/me"));
    }
}
