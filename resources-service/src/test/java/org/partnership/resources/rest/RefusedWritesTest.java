package org.partnership.resources.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.resources.Fixtures;
import org.partnership.resources.Fixtures.World;
import org.partnership.testsupport.Tokens;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.partnership.testsupport.Tokens.as;

/** Refused changes count per user and reason in the service's metrics (http-support's RefusedWrites, #22). */
@QuarkusTest
class RefusedWritesTest {

    @Test
    void shouldCountRefusedChangesPerUserAndReasonButNotReads() {
        World w = Fixtures.world();
        double forbidden = count("auditor", "403", "forbidden");
        double anonymous = count("anonymous", "401", "unauthenticated");

        as(Tokens.auditor()).body(Map.of()).post("/api/v1/needs").then().statusCode(403);
        as(Tokens.auditor()).body(Map.of()).post("/api/v1/needs").then().statusCode(403);
        given().contentType("application/json").body("{}").post("/api/v1/needs").then().statusCode(401);
        as(Tokens.auditor()).get("/api/v1/needs?projectId=" + w.project()).then().statusCode(200);

        assertThat(count("auditor", "403", "forbidden")).isEqualTo(forbidden + 2);
        assertThat(count("anonymous", "401", "unauthenticated")).isEqualTo(anonymous + 1);
    }

    private static double count(String user, String status, String reason) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^http_refused_writes_total\\{([^}]*)} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        while (m.find()) {
            String tags = m.group(1);
            if (tags.contains("user=\"" + user + "\"") && tags.contains("status=\"" + status + "\"") && tags.contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
