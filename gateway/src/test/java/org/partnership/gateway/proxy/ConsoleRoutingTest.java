package org.partnership.gateway.proxy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** The console's pages go through the gateway (no token: the console signs users in) with its security headers. */
@QuarkusTest
class ConsoleRoutingTest {

    @Test
    void shouldRouteConsolePagesAndAssetsWithSecurityHeaders() {
        for (String path : new String[] {"/", "/console", "/console/projects/new", "/_static/htmx.org/2.0.2/dist/htmx.min.js"}) {
            Response page = given().redirects().follow(false).header("Cookie", "q_session=opaque").get(path);
            page.then().statusCode(200).body("path", is(path)).body("headers.cookie", is("q_session=opaque"));
            assertThat(page.headers().getValues("Content-Security-Policy")).as(path).containsExactly(ConsoleRoutes.CSP);
            assertThat(page.headers().getValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(ConsoleRoutes.CSP).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void shouldStillRequireATokenOnTheApi() {
        given().get("/api/v1/partners").then().statusCode(401);
    }
}
