package org.partnership.e2e;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** A project as its coordinator sets it up, for suites that need one and are about something else. */
final class Projects {

    private Projects() {
    }

    /** A new OPEN project led by the coordinator's organisation (waits until its verification has reached projects-service). */
    static String createAndOpen(String token, String title, List<String> dimensions) {
        LocalDate today = LocalDate.now();
        Map<String, Object> body = Map.of("title", title, "purpose", "A joint project of the city and its partners: " + title,
                "dimensions", dimensions, "plannedStart", today.plusDays(30).toString(), "plannedEnd", today.plusDays(395).toString());
        String id = Eventually.answers(201, () -> Platform.as(token).body(body).post("/api/v1/projects")).path("id");
        Platform.as(token).post("/api/v1/projects/" + id + "/open").then().statusCode(200).body("status", is("OPEN"));
        return id;
    }

    static void invite(String token, String project, String partner, String role) {
        Eventually.answers(201, () -> Platform.as(token).body(Map.of("partnerId", partner, "role", role,
                "message", "Would you join us?")).post("/api/v1/projects/" + project + "/participants"));
    }

    /** The need's id. */
    static String declareNeed(String token, String project, String type, String quantity, String unit, String dimension) {
        return Eventually.answers(201, () -> Platform.as(token).body(Map.of("projectId", project, "type", type, "quantity", quantity,
                "unit", unit, "dimension", dimension, "description", type + " for " + project)).post("/api/v1/needs")).path("id");
    }

    /** Accepts the invitation, then waits until the project's resources are open to the partner (replicated through events). */
    static void accept(String token, String project, String partner) {
        Platform.as(token).post("/api/v1/projects/" + project + "/participants/" + partner + "/accept").then().statusCode(200);
        Eventually.answers(200, () -> Platform.as(token).queryParam("projectId", project).get("/api/v1/needs"))
                .then().body("items", notNullValue());
    }
}
