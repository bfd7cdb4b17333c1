package org.partnership.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The operational endpoints of the gateway skeleton: health, metrics and the API description. */
@QuarkusTest
class HealthTest {

    @Test
    void shouldBeReady() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void shouldBeLive() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        given().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void shouldDescribeTheApiWithTheOidcBearerScheme() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo("Partnership platform API"))
                .body("components.securitySchemes.oidc.type", equalTo("http"))
                .body("components.securitySchemes.oidc.scheme", equalTo("bearer"));
    }
}
