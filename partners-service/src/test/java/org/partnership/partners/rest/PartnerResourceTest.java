package org.partnership.partners.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Tokens;
import org.partnership.testsupport.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The partners API over HTTP with real tokens, PostgreSQL and Kafka: happy paths and every refusal. */
@QuarkusTest
class PartnerResourceTest {

    private static final String PARTNERS = "/api/v1/partners";

    // ---------------------------------------------------------------- registration

    @Test
    void shouldRegisterAPartnerPendingVerificationWithTheCallerAsFirstMember() {
        String user = "newcomer-" + UUID.randomUUID();
        String token = Tokens.newcomer(user);

        String id = as(token).body(body("REG-" + UUID.randomUUID())).post(PARTNERS)
                .then().statusCode(201)
                .header("Location", containsString(PARTNERS + "/"))
                .header("ETag", "\"0\"")
                .body("status", is("PENDING_VERIFICATION"))
                .body("contactEmail", is("team@example.org"))
                .body("serviceDomains", containsInAnyOrder("HOUSING", "EMPLOYMENT"))
                .body("capabilities[0].capacity", is("40"))
                .extract().path("id");

        as(token).get(PARTNERS + "/" + id + "/members").then().statusCode(200)
                .body("items.username", hasItem(user));
        List<String> events = Topics.values("partners.v1", id, 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(EventContracts.assertProduced(events.get(0)).path("username").asText()).isEqualTo(user);
        assertThat(json(events.get(0)).path("type").asText()).isEqualTo("partnership.partner.registered.v1");
        assertThat(json(events.get(0)).path("data").path("status").asText()).isEqualTo("PENDING_VERIFICATION");
        // the registering user is its first member: consumers know the members from the events alone
        assertThat(json(events.get(0)).path("data").path("registeredBy").path("username").asText()).isEqualTo(user);
        assertThat(json(events.get(0)).path("data").path("registeredBy").path("userId").asText()).isEqualTo(Tokens.user(user).subject());
    }

    @Test
    void shouldRefuseRequestsWithoutAValidToken() {
        given().contentType(ContentType.JSON).body(body("X-1")).post(PARTNERS)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", is(401));
        for (String bad : List.of(Tokens.user("mallory").roles("admin").forged().sign(),
                Tokens.user("late").roles("admin").issuedAgo(Duration.ofHours(2), Duration.ofMinutes(5)).sign(),
                Tokens.user("elsewhere").roles("admin").issuer("https://evil.example/realms/partnership").sign(),
                Tokens.user("wrong-aud").roles("admin").audience("another-api").sign(),
                Tokens.user("none").roles("admin").unsigned(),
                "not-a-jwt")) {
            as(bad).get(PARTNERS).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void shouldListEveryInvalidFieldAndChangeNothing() {
        Map<String, Object> invalid = new HashMap<>(body("REG-" + UUID.randomUUID()));
        invalid.put("name", " ");
        invalid.put("country", "Germany");
        invalid.remove("sector");
        invalid.put("serviceDomains", List.of());
        invalid.put("website", "javascript:alert(1)");
        invalid.put("contactEmail", "not-an-email");
        invalid.put("capabilities", List.of(Map.of("tag", "", "capacity", "-3")));

        as(Tokens.newcomer("invalid-" + UUID.randomUUID())).body(invalid).post(PARTNERS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:validation"))
                .body("errors.field", hasItems("name", "country", "sector", "serviceDomains", "website", "contactEmail",
                        "capabilities[0].tag", "capabilities[0].capacity"));
        as(Tokens.admin()).queryParam("q", invalid.get("registrationNumber")).get(PARTNERS)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldRejectServerOwnedAndUnknownFields() {
        Map<String, Object> sneaky = new HashMap<>(body("REG-" + UUID.randomUUID()));
        sneaky.put("status", "ACTIVE");
        as(Tokens.newcomer("sneaky-" + UUID.randomUUID())).body(sneaky).post(PARTNERS)
                .then().statusCode(400).body("errors.field", hasItem("status"));
        sneaky.remove("status");
        sneaky.put("id", UUID.randomUUID().toString());
        as(Tokens.newcomer("sneaky-" + UUID.randomUUID())).body(sneaky).post(PARTNERS)
                .then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    void shouldAnswerMalformedJsonAndWrongTypesWithAProblem() {
        as(Tokens.newcomer("broken")).body("{\"name\": ").post(PARTNERS)
                .then().statusCode(400).contentType("application/problem+json").body("type", is("urn:partnership:problem:malformed-json"));
        Map<String, Object> wrongType = new HashMap<>(body("REG-" + UUID.randomUUID()));
        wrongType.put("sector", "GOVERNMENT");
        as(Tokens.newcomer("typo")).body(wrongType).post(PARTNERS)
                .then().statusCode(400).body("errors.field", hasItem("sector"));
    }

    @Test
    void shouldRegisterOncePerIdempotencyKeyAndReplayTheFirstResponse() {
        String token = Tokens.newcomer("retrying-" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>(body("IDEM-" + key));
        body.put("name", "Retrying " + key);

        var first = as(token).header("Idempotency-Key", key).body(body).post(PARTNERS)
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract();
        var again = as(token).header("Idempotency-Key", key).body(body).post(PARTNERS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract();

        assertThat(again.path("id").toString()).isEqualTo(first.path("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo("\"0\"").isEqualTo(first.header("ETag"));
        assertThat(again.body().asString()).isEqualTo(first.body().asString());
        as(Tokens.admin()).queryParam("status", "PENDING_VERIFICATION").queryParam("q", key).get(PARTNERS)
                .then().statusCode(200).body("items", hasSize(1));
        // without the key the same request is a second registration, refused
        as(token).body(body).post(PARTNERS).then().statusCode(409);
    }

    @Test
    void shouldRefuseAnIdempotencyKeyReusedForAnotherRequestAndRegisterNothing() {
        String token = Tokens.admin();
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = new HashMap<>(body("ONCE-" + key));
        first.put("name", "Once " + key);
        Map<String, Object> other = new HashMap<>(body("OTHER-" + key));
        other.put("name", "Other " + key);

        as(token).header("Idempotency-Key", key).body(first).post(PARTNERS).then().statusCode(201);
        as(token).header("Idempotency-Key", key).body(other).post(PARTNERS)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:idempotency-key-reused"));
        as(token).header("Idempotency-Key", "not visible ascii").body(other).post(PARTNERS)
                .then().statusCode(400).body("errors[0].field", is("Idempotency-Key"));

        as(token).queryParam("status", "PENDING_VERIFICATION").queryParam("q", key).get(PARTNERS)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].name", is("Once " + key));
    }

    @Test
    void shouldRefuseADuplicateRegistrationNumberInTheSameCountryOnly() {
        String number = "DUP-" + UUID.randomUUID();
        register(Tokens.newcomer("first-" + number), body(number));

        as(Tokens.newcomer("second-" + number)).body(body(number)).post(PARTNERS)
                .then().statusCode(409).body("type", is("urn:partnership:problem:duplicate-registration"))
                .body("detail", containsString(number));
        Map<String, Object> elsewhere = new HashMap<>(body(number));
        elsewhere.put("country", "FR");
        as(Tokens.newcomer("third-" + number)).body(elsewhere).post(PARTNERS).then().statusCode(201);
    }

    @Test
    void shouldRefuseASecondPartnerForTheSameUser() {
        String token = Tokens.newcomer("twice-" + UUID.randomUUID());
        register(token, body("ONE-" + UUID.randomUUID()));

        as(token).body(body("TWO-" + UUID.randomUUID())).post(PARTNERS)
                .then().statusCode(409).body("type", is("urn:partnership:problem:already-member"));
        as(Tokens.partnerRep(UUID.randomUUID())).body(body("THREE-" + UUID.randomUUID())).post(PARTNERS)
                .then().statusCode(409);
    }

    @Test
    void shouldNotLetAuditorsRegisterOrChangeAnything() {
        String id = register(Tokens.newcomer("audited-" + UUID.randomUUID()), body("AUD-" + UUID.randomUUID()));
        as(Tokens.auditor()).body(body("AUD2-" + UUID.randomUUID())).post(PARTNERS).then().statusCode(403);
        as(Tokens.auditor()).body(Map.of("reason", "x")).post(PARTNERS + "/" + id + "/verify").then().statusCode(403);
        as(Tokens.auditor()).header("If-Match", "\"0\"").body(Map.of("name", "Renamed")).patch(PARTNERS + "/" + id)
                .then().statusCode(403);
        as(Tokens.auditor()).get(PARTNERS + "/" + id).then().statusCode(200).body("name", is("Test Partner"));
    }

    // ---------------------------------------------------------------- visibility

    @Test
    void shouldShowPendingPartnersOnlyToMembersAdministratorsAndAuditors() {
        String id = register(Tokens.newcomer("pending-" + UUID.randomUUID()), body("PEN-" + UUID.randomUUID()));

        as(Tokens.partnerRep(UUID.randomUUID())).get(PARTNERS + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.admin()).get(PARTNERS + "/" + id).then().statusCode(200).body("contactEmail", notNullValue());
        as(Tokens.auditor()).get(PARTNERS + "/" + id).then().statusCode(200);
        as(Tokens.partnerRep(UUID.randomUUID())).get(PARTNERS + "/" + id + "/members").then().statusCode(404);
    }

    @Test
    void shouldKeepPrivateFieldsFromOtherPartners() {
        String owner = Tokens.newcomer("private-" + UUID.randomUUID());
        String id = register(owner, body("PRI-" + UUID.randomUUID()));
        verify(id);

        as(Tokens.partnerRep(UUID.randomUUID())).get(PARTNERS + "/" + id).then().statusCode(200)
                .body("name", is("Test Partner"))
                .body("contactEmail", nullValue())
                .body("statusReason", nullValue());
        as(Tokens.partnerRep(UUID.randomUUID())).get(PARTNERS + "/" + id + "/members").then().statusCode(404);
        as(owner).get(PARTNERS + "/" + id).then().statusCode(200).body("contactEmail", is("team@example.org"));
    }

    @Test
    void shouldAnswerAMalformedIdWith400() {
        as(Tokens.admin()).get(PARTNERS + "/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("id"));
        as(Tokens.admin()).get(PARTNERS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    // ---------------------------------------------------------------- status changes

    @Test
    void shouldLetOnlyAdministratorsChangeTheStatusAlongItsLifecycle() {
        String owner = Tokens.newcomer("lifecycle-" + UUID.randomUUID());
        String id = register(owner, body("LIF-" + UUID.randomUUID()));

        as(owner).body(Map.of("reason", "self-service")).post(PARTNERS + "/" + id + "/verify").then().statusCode(403);
        as(Tokens.admin()).body(Map.of()).post(PARTNERS + "/" + id + "/verify").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(Tokens.admin()).body(Map.of("reason", "papers checked")).post(PARTNERS + "/" + id + "/verify")
                .then().statusCode(200).body("status", is("ACTIVE")).body("statusReason", is("papers checked"));
        as(Tokens.admin()).body(Map.of("reason", "again")).post(PARTNERS + "/" + id + "/verify")
                .then().statusCode(409).body("detail", containsString("ACTIVE"));
        as(Tokens.admin()).body(Map.of("reason", "complaint")).post(PARTNERS + "/" + id + "/suspend")
                .then().statusCode(200).body("status", is("SUSPENDED"));
        as(Tokens.partnerRep(UUID.randomUUID())).get(PARTNERS + "/" + id).then().statusCode(404);
        as(Tokens.admin()).body(Map.of("reason", "cleared")).post(PARTNERS + "/" + id + "/reinstate")
                .then().statusCode(200).body("status", is("ACTIVE"));
        as(Tokens.admin()).body(Map.of("reason", "dissolved")).post(PARTNERS + "/" + id + "/archive")
                .then().statusCode(200).body("status", is("ARCHIVED"));
        as(Tokens.admin()).body(Map.of("reason", "oops")).post(PARTNERS + "/" + id + "/reinstate").then().statusCode(409);

        List<String> events = Topics.values("partners.v1", id, 5, Duration.ofSeconds(20));
        assertThat(events).hasSize(5);
        events.forEach(EventContracts::assertProduced);
        assertThat(events).extracting(e -> json(e).path("type").asText()).containsExactly(
                "partnership.partner.registered.v1", "partnership.partner.verified.v1", "partnership.partner.suspended.v1",
                "partnership.partner.reinstated.v1", "partnership.partner.archived.v1");
        assertThat(json(events.get(4)).path("data").path("reason").asText()).isEqualTo("dissolved");
        assertThat(json(events.get(4)).path("data").path("version").asLong()).isEqualTo(4);
    }

    // ---------------------------------------------------------------- updates

    @Test
    void shouldLetMembersUpdateTheirPartnerWithoutLosingUpdates() {
        String owner = Tokens.newcomer("editor-" + UUID.randomUUID());
        String id = register(owner, body("EDI-" + UUID.randomUUID()));

        as(owner).body(Map.of("description", "Now also in Leeds")).patch(PARTNERS + "/" + id).then().statusCode(428);
        as(owner).header("If-Match", "\"0\"").body(Map.of("description", "Now also in Leeds", "level", "REGIONAL", "capabilities",
                        List.of(Map.of("tag", "translation")))).patch(PARTNERS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("description", is("Now also in Leeds")).body("level", is("REGIONAL")).body("legalForm", is("Association"))
                .body("capabilities.tag", containsInAnyOrder("translation")).body("pendingChange", nullValue());
        as(owner).header("If-Match", "\"0\"").body(Map.of("description", "Lost Update")).patch(PARTNERS + "/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        as(owner).header("If-Match", "\"1\"").body(Map.of("name", " ")).patch(PARTNERS + "/" + id)
                .then().statusCode(400).body("errors.field", hasItem("name"));
        as(owner).header("If-Match", "\"1\"").body(Map.of("status", "ACTIVE")).patch(PARTNERS + "/" + id)
                .then().statusCode(400).body("errors.field", hasItem("status"));
        as(owner).get(PARTNERS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("description", is("Now also in Leeds")).body("status", is("PENDING_VERIFICATION"));

        List<String> events = Topics.values("partners.v1", id, 2, Duration.ofSeconds(20));
        assertThat(events).hasSize(2);
        EventContracts.assertProduced(events.get(1));
        assertThat(json(events.get(1)).path("type").asText()).isEqualTo("partnership.partner.updated.v1");
        assertThat(json(events.get(1)).path("data").path("level").asText()).isEqualTo("REGIONAL");
        assertThat(json(events.get(1)).path("data").path("version").asLong()).isEqualTo(1);
    }

    @Test
    void shouldNotLetAnotherPartnerUpdateIt() {
        String id = register(Tokens.newcomer("victim-" + UUID.randomUUID()), body("VIC-" + UUID.randomUUID()));
        as(Tokens.partnerRep(UUID.randomUUID())).header("If-Match", "\"0\"").body(Map.of("name", "Hijacked"))
                .patch(PARTNERS + "/" + id).then().statusCode(404);
        verify(id);
        as(Tokens.partnerRep(UUID.randomUUID())).header("If-Match", "\"1\"").body(Map.of("name", "Hijacked"))
                .patch(PARTNERS + "/" + id).then().statusCode(403);
        as(Tokens.auditor()).header("If-Match", "\"1\"").body(Map.of("name", "Hijacked"))
                .patch(PARTNERS + "/" + id).then().statusCode(403);
        as(Tokens.admin()).get(PARTNERS + "/" + id).then().body("name", is("Test Partner"));
    }

    @Test
    void shouldRefuseAnOversizedBody() {
        Map<String, Object> huge = new HashMap<>(body("BIG-" + UUID.randomUUID()));
        huge.put("description", "x".repeat(300_000));
        as(Tokens.newcomer("big-" + UUID.randomUUID())).body(huge).post(PARTNERS)
                .then().statusCode(413).contentType("application/problem+json");
    }

    // ---------------------------------------------------------------- search

    @Test
    void shouldSearchActivePartnersByFiltersPageByPage() {
        String tag = "tag" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> b = new HashMap<>(body(tag + "-" + i));
            b.put("name", tag + " partner " + i);
            b.put("sector", i % 2 == 0 ? "MARKET" : "THIRD_SECTOR");
            b.put("capabilities", List.of(Map.of("tag", tag)));
            String id = register(Tokens.newcomer(tag + i), b);
            if (i < 4) {
                verify(id);
            }
            ids.add(id);
        }
        String viewer = Tokens.partnerRep(UUID.randomUUID());

        ValidatableResponse first = as(viewer).queryParam("q", tag).queryParam("limit", 3).get(PARTNERS).then().statusCode(200)
                .body("items", hasSize(3)).body("items.status", everyItem(is("ACTIVE"))).body("next", notNullValue());
        String next = first.extract().path("next");
        as(viewer).queryParam("q", tag).queryParam("limit", 3).queryParam("cursor", next).get(PARTNERS).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].name", is(tag + " partner 3")).body("next", nullValue());
        String last = org.partnership.http.Page.cursor((tag + " partner 9").toLowerCase(), UUID.randomUUID().toString());
        as(viewer).queryParam("q", tag).queryParam("cursor", last).get(PARTNERS).then().statusCode(200)
                .body("items", hasSize(0)).body("next", nullValue());

        as(viewer).queryParam("capability", tag.toUpperCase()).queryParam("sector", "MARKET").get(PARTNERS).then().statusCode(200)
                .body("items.name", containsInAnyOrder(tag + " partner 0", tag + " partner 2"));
        as(viewer).queryParam("capability", tag).queryParam("domain", "HOUSING").get(PARTNERS).then().statusCode(200)
                .body("items", hasSize(4));
        as(viewer).queryParam("capability", tag).queryParam("domain", "JUSTICE").get(PARTNERS).then().statusCode(200)
                .body("items", hasSize(0));
        as(Tokens.admin()).queryParam("capability", tag).queryParam("status", "PENDING_VERIFICATION").get(PARTNERS).then()
                .statusCode(200).body("items.id", containsInAnyOrder(ids.get(4)));
        as(viewer).queryParam("status", "PENDING_VERIFICATION").get(PARTNERS).then().statusCode(403);
    }

    @Test
    void shouldRejectInvalidSearchParameters() {
        String viewer = Tokens.partnerRep(UUID.randomUUID());
        as(viewer).queryParam("limit", 0).get(PARTNERS).then().statusCode(400).body("errors.field", hasItem("limit"));
        as(viewer).queryParam("limit", 101).get(PARTNERS).then().statusCode(400);
        as(viewer).queryParam("sector", "GOVERNMENT").get(PARTNERS).then().statusCode(400).body("errors.field", hasItem("sector"));
        as(viewer).queryParam("cursor", "garbage!").get(PARTNERS).then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, Object> body(String registrationNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Test Partner");
        body.put("legalForm", "Association");
        body.put("registrationNumber", registrationNumber);
        body.put("country", "GB");
        body.put("sector", "THIRD_SECTOR");
        body.put("level", "LOCAL");
        body.put("serviceDomains", List.of("HOUSING", "EMPLOYMENT"));
        body.put("capabilities", List.of(Map.of("tag", "mentoring", "capacity", "40", "unit", "hours/month")));
        body.put("description", "Helps people into work and homes.");
        body.put("website", "https://partner.example.org");
        body.put("contactEmail", "team@example.org");
        return body;
    }

    static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String register(String token, Map<String, Object> body) {
        return as(token).body(body).post(PARTNERS).then().statusCode(201).extract().path("id");
    }

    static void verify(String id) {
        as(Tokens.admin()).body(Map.of("reason", "checked")).post(PARTNERS + "/" + id + "/verify").then().statusCode(200);
    }
}
