package org.partnership.projects.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.partnership.projects.Fixtures;
import org.partnership.projects.Fixtures.Partnership;
import org.partnership.testsupport.Tokens;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.partnership.projects.Fixtures.PROJECTS;
import static org.partnership.projects.Fixtures.partner;
import static org.partnership.testsupport.Tokens.as;

/** Shared measurement read back: an indicator, its dated targets, its measurements with who recorded them and when. */
@QuarkusTest
class IndicatorResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void shouldReadBackAnIndicatorAndItsMeasurementsThroughTheLocationOfEachCreate() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        String rep = Tokens.partnerRep(p.participants()[0]);
        String soon = TODAY.plusMonths(3).toString();
        String later = TODAY.plusYears(1).toString();

        Response declared = as(p.coordinator()).body(Map.of("name", "People housed", "unit", "people", "baseline", "0",
                        "targets", List.of(Map.of("value", "30", "dueDate", later), Map.of("value", "10", "dueDate", soon))))
                .post(p.path() + "/indicators");
        declared.then().statusCode(201).header("ETag", "\"0\"").body("target", is("30"));
        String indicator = followed(declared, rep).then().statusCode(200).header("ETag", "\"0\"")
                .body("name", is("People housed"))
                .body("target", is("30"))
                .body("targets.value", is(List.of("10", "30")))
                .body("targets.dueDate", is(List.of(soon, later)))
                .body("nextTarget.value", is("10")).body("nextTarget.dueDate", is(soon))
                .body("nextTarget.progressPercent", nullValue()).body("nextTarget.reached", is(false))
                .extract().path("id");
        String path = p.path() + "/indicators/" + indicator;

        Response first = as(rep).body(Map.of("value", "4", "measuredAt", TODAY.minusDays(10).toString())).post(path + "/measurements");
        first.then().statusCode(201).header("Location", containsString(path + "/measurements/"));
        followed(first, p.coordinator()).then().statusCode(200)
                .body("value", is("4"))
                .body("measuredAt", is(TODAY.minusDays(10).toString()))
                .body("recordedBy", notNullValue())
                .body("recordedByName", notNullValue())
                .body("recordedByPartnerId", is(p.participants()[0].toString()))
                .body("recordedByPartnerName", containsString("THIRD_SECTOR partner"))
                .body("recordedAt", notNullValue());
        as(p.coordinator()).body(Map.of("value", "12", "measuredAt", TODAY.toString())).post(path + "/measurements").then().statusCode(201);
        as(p.coordinator()).body(Map.of("value", "2", "measuredAt", TODAY.minusDays(20).toString())).post(path + "/measurements").then().statusCode(201);

        as(rep).get(path).then().statusCode(200).body("latest", is("12")).body("progressPercent", is("40"))
                .body("nextTarget.progressPercent", is("120")).body("nextTarget.reached", is(true))
                .body("nextTarget.latest", is("12")).body("nextTarget.baseline", is("0"));

        // newest measured first, keyset-paginated
        String next = as(rep).queryParam("limit", 2).get(path + "/measurements").then().statusCode(200)
                .body("items.value", is(List.of("12", "4"))).body("next", notNullValue()).extract().path("next");
        as(Tokens.auditor()).queryParam("limit", 2).queryParam("cursor", next).get(path + "/measurements").then().statusCode(200)
                .body("items.value", is(List.of("2"))).body("next", nullValue());
        as(rep).queryParam("cursor", "garbage!").get(path + "/measurements").then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void shouldPageThroughAProjectsIndicatorsOldestDeclaredFirst() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        String rep = Tokens.partnerRep(p.participants()[0]);
        List<String> ids = new java.util.ArrayList<>();
        for (String name : List.of("People housed", "Meals served", "Volunteers trained")) {
            ids.add(as(p.coordinator()).body(Map.of("name", name, "unit", "people", "baseline", "0", "target", "10"))
                    .post(p.path() + "/indicators").then().statusCode(201).extract().path("id"));
        }
        String next = as(rep).queryParam("limit", 2).get(p.path() + "/indicators").then().statusCode(200)
                .body("items.id", is(ids.subList(0, 2))).body("items[0].name", is("People housed"))
                .body("next", notNullValue()).extract().path("next");
        as(Tokens.auditor()).queryParam("limit", 2).queryParam("cursor", next).get(p.path() + "/indicators").then().statusCode(200)
                .body("items.id", is(ids.subList(2, 3))).body("next", nullValue());
        as(rep).queryParam("limit", 0).get(p.path() + "/indicators").then().statusCode(400).body("errors.field", hasItem("limit"));
        as(rep).queryParam("cursor", "garbage!").get(p.path() + "/indicators").then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void shouldLetOnlyTheLeadChangeTargetsWithTheCurrentVersion() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        String indicator = as(p.coordinator()).body(Map.of("name", "Meals", "unit", "meals", "baseline", "0", "target", "100"))
                .post(p.path() + "/indicators").then().statusCode(201).extract().path("id");
        String path = p.path() + "/indicators/" + indicator;
        // without dated targets, the target is due at the project's planned end
        as(p.coordinator()).get(path).then().body("targets.dueDate", is(List.of("2027-08-31")));
        Map<String, Object> change = Map.of("targets", List.of(Map.of("value", "50", "dueDate", "2027-01-31"),
                Map.of("value", "150", "dueDate", "2027-08-31")));

        as(p.coordinator()).body(change).put(path + "/targets").then().statusCode(428);
        as(Tokens.partnerRep(p.participants()[0])).header("If-Match", "\"0\"").body(change).put(path + "/targets").then().statusCode(403);
        as(Tokens.auditor()).header("If-Match", "\"0\"").body(change).put(path + "/targets").then().statusCode(403);
        as(p.coordinator()).header("If-Match", "\"0\"").body(Map.of("targets", List.of(Map.of("value", "0", "dueDate", "2027-01-31"))))
                .put(path + "/targets").then().statusCode(400).body("errors.field", hasItem("targets[0].value"));
        as(p.coordinator()).header("If-Match", "\"0\"").body(change).put(path + "/targets").then().statusCode(200)
                .header("ETag", "\"1\"").body("target", is("150")).body("targets.value", is(List.of("50", "150")));
        as(p.coordinator()).header("If-Match", "\"0\"").body(change).put(path + "/targets").then().statusCode(412);
        as(p.coordinator()).get(path).then().header("ETag", "\"1\"").body("target", is("150"));
    }

    @Test
    void shouldShowIndicatorsOnlyToTheProjectsInsiders() {
        Partnership p = Fixtures.openPartnership("PUBLIC", "THIRD_SECTOR");
        String indicator = as(p.coordinator()).body(Map.of("name", "Meals", "unit", "meals", "baseline", "0", "target", "100"))
                .post(p.path() + "/indicators").then().statusCode(201).extract().path("id");
        String path = p.path() + "/indicators/" + indicator;
        String measurement = URI.create(as(p.coordinator()).body(Map.of("value", "5", "measuredAt", TODAY.toString()))
                .post(path + "/measurements").then().statusCode(201).extract().header("Location")).getPath();
        String stranger = Tokens.partnerRep(partner("MARKET"));

        // an OPEN project's outsiders see its public summary only
        as(stranger).get(path).then().statusCode(403);
        as(stranger).get(path + "/measurements").then().statusCode(403);
        as(stranger).get(measurement).then().statusCode(403);
        as(Tokens.admin()).get(path).then().statusCode(200);
        as(Tokens.admin()).get(measurement).then().statusCode(200).body("value", is("5"));

        // another project's indicator, an unknown one, a malformed id
        Partnership other = Fixtures.openPartnership("PUBLIC");
        as(other.coordinator()).get(other.path() + "/indicators/" + indicator).then().statusCode(404);
        as(p.coordinator()).get(p.path() + "/indicators/" + UUID.randomUUID()).then().statusCode(404);
        as(p.coordinator()).get(path + "/measurements/" + UUID.randomUUID()).then().statusCode(404);
        as(p.coordinator()).get(p.path() + "/indicators/nope").then().statusCode(400).body("errors.field", hasItem("indicatorId"));
        // a cancelled, non-public project: 404 for outsiders
        Fixtures.post(p.coordinator(), p.path() + "/cancel", 200);
        as(stranger).get(path).then().statusCode(404);
    }

    private static Response followed(Response created, String token) {
        String location = created.header("Location");
        return as(token).get(URI.create(location).getPath());
    }
}
