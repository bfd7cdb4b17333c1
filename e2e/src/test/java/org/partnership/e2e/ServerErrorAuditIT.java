package org.partnership.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnership.stack.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** After everything but the outages (ConsoleOutageIT stops resources-service, the fault injection kills parts): across everything the suite did, no service and not the gateway answered a single 5xx. */
@Order(Integer.MAX_VALUE - 2)
@ExtendWith(Platform.class)
class ServerErrorAuditIT {

    private static final Pattern SERVER_ERRORS =
            Pattern.compile("http_server_requests_seconds_count\\{[^}]*outcome=\"SERVER_ERROR\"[^}]*\\} ([0-9.E]+)");

    @Test
    void shouldHaveAnsweredNoRequestWithA5xx() {
        List<String> errors = new ArrayList<>();
        for (Component service : List.of(Component.GATEWAY, Component.PARTNERS, Component.PROJECTS, Component.RESOURCES)) {
            String metrics = given().baseUri(Platform.stack().url(service)).get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).as(service + " exposes HTTP server metrics").contains("http_server_requests_seconds_count");
            Matcher m = SERVER_ERRORS.matcher(metrics);
            while (m.find()) {
                if (Double.parseDouble(m.group(1)) > 0) {
                    errors.add(service + ": " + m.group());
                }
            }
        }
        assertThat(errors).as("5xx answers during the end-to-end run").isEmpty();
    }
}
