package org.partnership.gateway.openapi;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
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
                .body("paths.'/api/v1/partners/stub'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/PartnersProblem"))
                .body("components.schemas.Problem.type", is("object"))
                .body("components.schemas.PartnersProblem.type", is("string"))
                .body("paths.'/api/v1/partners/stub'.get.operationId", is("partnersMe"))
                .body("paths.'/api/v1/me'.get.operationId", is("me"))
                .body("paths.'/api/v1/partners/stub'.get.security[0]", org.hamcrest.Matchers.hasKey("oidc"))
                .body("paths", not(org.hamcrest.Matchers.hasKey("/internal/stub")))
                .body("components.schemas", not(org.hamcrest.Matchers.hasKey("Unused")))
                .body("components.schemas", not(org.hamcrest.Matchers.hasKey("ProjectsProblem")))
                .body("servers[0].url", is("/"))
                .body("tags.name", hasItem("Stub"))
                .body("info.x-unavailable-services", containsInAnyOrder("audit", "notifications", "resources"));
    }

    @Test
    void shouldServeYamlByDefault() {
        given().get("/q/openapi").then().statusCode(200).contentType(containsString("yaml")).body(containsString("/api/v1/me"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200).contentType(containsString("json"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/me"));
    }

    @Test
    void shouldServeSwaggerUiOnTheAggregatedDescription() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("html"))
                .body(containsString("/q/openapi?format=json"));
    }
}
