package org.partnership.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.partnership.e2e.RawHttp.Answer;
import org.partnership.e2e.RawHttp.Call;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The little world the security matrix and the bad-input sweep work on, built once through the API as its users
 * would: six organisations verified by an administrator (one left pending), a municipality's OPEN project with a
 * third-sector and a market participant, a need, contributions with deliveries, risks and an indicator; a DRAFT
 * project with open invitations; and another municipality's OPEN project the market partner also contributes to.
 * Every private text carries a marker, so a reviewer can see which caller may ever read it.
 */
final class MatrixFixtures {

    /** The people who sign in. */
    enum Who {
        /** coordinator of the municipality leading project P (and DRAFT) */
        LEAD,
        /** representative of the third-sector organisation taking part in P */
        REP,
        /** representative of the market partner taking part in P and Q */
        PEER,
        /** representative of an ACTIVE organisation that takes part in nothing */
        OUTSIDER,
        AUDITOR,
        ADMIN,
        /** coordinator of the other municipality, leading Q */
        OTHER_LEAD
    }

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);
    /** Two reads this far apart that agree: nothing from the set-up is still in flight. */
    private static final Duration SETTLE = Duration.ofMillis(500);
    private static MatrixFixtures instance;

    final Map<Who, Platform.User> users = new EnumMap<>(Who.class);
    final Map<Who, String> partnerOf = new EnumMap<>(Who.class);
    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private final Map<Who, Instant> issued = new EnumMap<>(Who.class);

    String pendingPartner;
    /** A user who represents no partner: REP adds them to its partner and removes them again. */
    Platform.User colleague;
    /** P: OPEN, led by LEAD's municipality; REP and PEER accepted. */
    String project;
    /** DRAFT: led by LEAD's municipality; REP and PEER invited, not answered. */
    String draft;
    /** Q: OPEN, led by OTHER_LEAD's municipality; PEER accepted. */
    String other;
    String need;
    /** REP's volunteer hours in P (against the need), with deliveries d1 and d2. */
    String c1;
    /** PEER's funding in P. */
    String c2;
    /** REP's room in P (withdrawn by the matrix). */
    String c3;
    /** PEER's expertise in Q. */
    String cq;
    String d1;
    String d2;
    /** REP-owned risks of P. */
    String risk;
    String risk2;
    String indicator;
    /** A measurement of the indicator (#19 hole 6). */
    String measurement;
    /** An OPEN RESOLUTION proposal of P, opened by REP (issue #21). */
    String proposal;
    /** REP's notification of its partner's invitation into P (notifications-service, issue #23). */
    String notification;
    /** A genuine token of the realm whose lifetime (1 s, plus the services' 30 s clock skew) is over by the matrix. */
    String expiringToken;
    Instant expiringTokenRefusedFrom;

    private MatrixFixtures() {
    }

    static synchronized MatrixFixtures get() {
        if (instance == null) {
            MatrixFixtures world = new MatrixFixtures();
            world.build();
            instance = world;
        }
        return instance;
    }

    /** A token of the person, fresh enough for the next minutes (the realm's tokens live 5 minutes). */
    synchronized String token(Who who) {
        Instant at = issued.get(who);
        if (at == null || at.isBefore(Instant.now().minusSeconds(120))) {
            tokens.put(who, users.get(who).token());
            issued.put(who, Instant.now());
        }
        return tokens.get(who);
    }

    Call call(Who who, String method, String path) {
        return Call.of(method, path, who == null ? null : token(who));
    }

    // ------------------------------------------------------------------------------------------------ building

    private void build() {
        expiringToken();
        users.put(Who.LEAD, Platform.newUser("lead", "coordinator"));
        users.put(Who.OTHER_LEAD, Platform.newUser("otherlead", "coordinator"));
        users.put(Who.REP, Platform.newUser("rep", "partner-rep"));
        users.put(Who.PEER, Platform.newUser("peer", "partner-rep"));
        users.put(Who.OUTSIDER, Platform.newUser("outsider", "partner-rep"));
        users.put(Who.AUDITOR, Platform.newUser("auditor", "auditor"));
        users.put(Who.ADMIN, Platform.newUser("admin", "admin"));
        Platform.User pending = Platform.newUser("pending", "partner-rep");
        colleague = Platform.newUser("colleague", "partner-rep");

        Map<Who, String> sectors = new LinkedHashMap<>();
        sectors.put(Who.LEAD, "PUBLIC");
        sectors.put(Who.OTHER_LEAD, "PUBLIC");
        sectors.put(Who.REP, "THIRD_SECTOR");
        sectors.put(Who.PEER, "MARKET");
        sectors.put(Who.OUTSIDER, "COMMUNITY");
        sectors.forEach((who, sector) -> partnerOf.put(who, created(call(who, "POST", "/api/v1/partners")
                .body(organisation(who.name(), sector, users.get(who).id())).send(), 201).path("id").asText()));
        pendingPartner = created(Call.of("POST", "/api/v1/partners", pending.token())
                .body(organisation("PENDING", "COMMUNITY", pending.id())).send(), 201).path("id").asText();
        partnerOf.forEach((who, id) -> created(call(Who.ADMIN, "POST", "/api/v1/partners/" + id + "/verify")
                .body(Map.of("reason", "Checked the register")).send(), 200));
        for (Who who : sectors.keySet()) {
            eventually("the token of " + who + " names its partner", () -> {
                String fresh = users.get(who).token();
                boolean linked = partnerOf.get(who).equals(claim(fresh, "partner_id"));
                if (linked) {
                    tokens.put(who, fresh);
                    issued.put(who, Instant.now());
                }
                return linked;
            });
        }

        // projects-service: P (OPEN, REP and PEER accepted), DRAFT (REP and PEER invited), Q (OPEN, PEER accepted)
        project = createProject(Who.LEAD, "Matrix P housing-and-jobs");
        ok(call(Who.LEAD, "POST", "/api/v1/projects/" + project + "/open").send(), 200);
        invite(Who.LEAD, project, Who.REP, "CO_PRODUCER", "mx-p-invite-message");
        invite(Who.LEAD, project, Who.PEER, "FUNDER", "mx-p-invite-message");
        ok(call(Who.REP, "POST", "/api/v1/projects/" + project + "/participants/" + partnerOf.get(Who.REP) + "/accept").send(), 200);
        ok(call(Who.PEER, "POST", "/api/v1/projects/" + project + "/participants/" + partnerOf.get(Who.PEER) + "/accept").send(), 200);
        draft = createProject(Who.LEAD, "mx-draft-title");
        invite(Who.LEAD, draft, Who.REP, "CO_PRODUCER", "mx-draft-invite-message");
        invite(Who.LEAD, draft, Who.PEER, "FUNDER", "mx-draft-invite-message");
        other = createProject(Who.OTHER_LEAD, "Matrix Q elderly care");
        ok(call(Who.OTHER_LEAD, "POST", "/api/v1/projects/" + other + "/open").send(), 200);
        invite(Who.OTHER_LEAD, other, Who.PEER, "FUNDER", "mx-q-invite-message");
        ok(call(Who.PEER, "POST", "/api/v1/projects/" + other + "/participants/" + partnerOf.get(Who.PEER) + "/accept").send(), 200);
        indicator = created(call(Who.LEAD, "POST", "/api/v1/projects/" + project + "/indicators")
                .body(Map.of("name", "mx-p-indicator-name", "unit", "people", "baseline", "0", "target", "30")).send(), 201)
                .path("id").asText();
        RawHttp.Answer measured = call(Who.LEAD, "POST", "/api/v1/projects/" + project + "/indicators/" + indicator + "/measurements")
                .body(Map.of("value", "1", "measuredAt", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString())).send();
        created(measured, 201);
        String location = measured.header("Location");
        measurement = location.substring(location.lastIndexOf('/') + 1);

        proposal = created(call(Who.REP, "POST", "/api/v1/projects/" + project + "/proposals").body(Map.of("type", "RESOLUTION",
                "title", "Matrix resolution", "payload", Map.of("text", "mx-p-proposal-text"))).send(), 201).path("id").asText();

        // resources-service, once its replicas know the projects and who accepted
        need = answered(call(Who.LEAD, "POST", "/api/v1/needs").body(Map.of("projectId", project, "type", "VOLUNTEER_HOURS",
                "quantity", "400", "unit", "hours", "dimension", "HOUSING", "description", "mx-p-need-description")), 201)
                .path("id").asText();
        c1 = answered(call(Who.REP, "POST", "/api/v1/contributions").body(Map.of("projectId", project, "needId", need,
                "type", "VOLUNTEER_HOURS", "quantity", "100", "unit", "hours", "description", "mx-rep-c1-secret")), 201)
                .path("id").asText();
        c3 = created(call(Who.REP, "POST", "/api/v1/contributions").body(Map.of("projectId", project, "type", "FACILITY",
                "quantity", "1", "unit", "room", "description", "mx-rep-c3-secret")).send(), 201).path("id").asText();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        d1 = created(call(Who.REP, "POST", "/api/v1/contributions/" + c1 + "/deliveries")
                .body(Map.of("quantity", "10", "deliveredOn", today, "note", "mx-rep-delivery-note")).send(), 201)
                .path("delivery").path("id").asText();
        d2 = created(call(Who.REP, "POST", "/api/v1/contributions/" + c1 + "/deliveries")
                .body(Map.of("quantity", "5", "deliveredOn", today, "note", "mx-rep-delivery-note")).send(), 201)
                .path("delivery").path("id").asText();
        c2 = answered(call(Who.PEER, "POST", "/api/v1/contributions").body(Map.of("projectId", project, "type", "FUNDING",
                "quantity", "5000", "unit", "GBP", "valuation", Map.of("amount", "5000.00", "currency", "GBP"),
                "dueDate", LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString(), "description", "mx-peer-c2-secret")), 201)
                .path("id").asText();
        cq = answered(call(Who.PEER, "POST", "/api/v1/contributions").body(Map.of("projectId", other, "type", "EXPERTISE",
                "quantity", "40", "unit", "hours", "description", "mx-peer-q-secret")), 201).path("id").asText();
        risk = created(call(Who.REP, "POST", "/api/v1/risks").body(risk(project, "mx-p-risk-title", partnerOf.get(Who.REP))).send(), 201)
                .path("id").asText();
        risk2 = created(call(Who.REP, "POST", "/api/v1/risks").body(risk(project, "mx-p-risk-title two", partnerOf.get(Who.REP))).send(), 201)
                .path("id").asText();

        // notifications-service, once the invitation into P reached it (issue #23): REP's own notification of it
        JsonNode[] invited = new JsonNode[1];
        eventually("REP's notification of the invitation into P", () -> {
            for (JsonNode item : call(Who.REP, "GET", "/api/v1/notifications?limit=100").send().json().path("items")) {
                if ("INVITED".equals(item.path("kind").asText()) && project.equals(item.path("projectId").asText())) {
                    invited[0] = item;
                }
            }
            return invited[0] != null;
        });
        notification = invited[0].path("id").asText();
    }

    /** A client whose tokens live one second; a token of it is refused once that second and the 30 s skew are over. */
    private void expiringToken() {
        String keycloak = Platform.stack().keycloakUrl();
        String admin = masterAdminToken();
        int status = given().baseUri(keycloak).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("clientId", "e2e-short-lived", "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false, "attributes", Map.of("access.token.lifespan", "1")))
                .post("/admin/realms/partnership/clients").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("could not create the short-lived client: " + status);
        }
        Platform.User user = Platform.newUser("expiring", "auditor");
        expiringToken = given().baseUri(keycloak).formParam("grant_type", "password").formParam("client_id", "e2e-short-lived")
                .formParam("username", user.username()).formParam("password", "e2e-secret")
                .post("/realms/partnership/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        // valid now (audience, issuer, signature all right): the only thing that will be wrong later is its age
        Answer now = Call.of("GET", "/api/v1/me", expiringToken).send();
        if (now.status() != 200) {
            throw new AssertionError("the short-lived token should work while fresh: " + now);
        }
        long exp = Long.parseLong(Objects.requireNonNull(claimNumber(expiringToken, "exp")));
        expiringTokenRefusedFrom = Instant.ofEpochSecond(exp).plusSeconds(31);
    }

    /** Waits (bounded) until the short-lived token is past its expiry and the allowed clock skew. */
    String expiredToken() {
        Duration left = Duration.between(Instant.now(), expiringTokenRefusedFrom);
        if (!left.isNegative()) {
            RawHttp.sleep(left.plusMillis(500));
        }
        return expiringToken;
    }

    static String masterAdminToken() {
        return given().baseUri(Platform.stack().keycloakUrl()).formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    private String createProject(Who lead, String title) {
        // 409 until projects-service's replica knows the lead partner is ACTIVE (an event away)
        return answered(call(lead, "POST", "/api/v1/projects").body(Map.of("title", title, "purpose", "mx purpose of " + title,
                "dimensions", List.of("HOUSING", "EMPLOYMENT"), "plannedStart", "2027-01-01", "plannedEnd", "2027-12-31")), 201)
                .path("id").asText();
    }

    private void invite(Who lead, String projectId, Who partner, String role, String message) {
        answered(call(lead, "POST", "/api/v1/projects/" + projectId + "/participants")
                .body(Map.of("partnerId", partnerOf.get(partner), "role", role, "message", message)), 201);
    }

    static Map<String, Object> organisation(String name, String sector, String userId) {
        return Map.of("name", "Matrix " + name, "legalForm", "Association", "registrationNumber", "MX-" + userId,
                "country", "GB", "sector", sector, "level", "LOCAL", "serviceDomains", List.of("HOUSING", "EMPLOYMENT"),
                "capabilities", List.of(Map.of("tag", "matrix", "capacity", "10", "unit", "hours/week")),
                "contactEmail", "mx-contact-" + name.toLowerCase().replace('_', '-') + "@e2e.example.org");
    }

    static Map<String, Object> risk(String projectId, String title, String owner) {
        return Map.of("projectId", projectId, "category", "OPERATIONAL", "title", title, "likelihood", 3, "impact", 4,
                "ownerPartnerId", owner);
    }

    // ------------------------------------------------------------------------------------------------ reading back

    /**
     * Everything the fixtures hold, as an auditor reads it: compared before and after requests that must change
     * nothing. Taken until two reads a moment apart agree, so events still in flight from the set-up do not count.
     */
    Map<String, String> snapshot() {
        return snapshot(List.of());
    }

    /** The same, with more paths read (as an auditor). */
    Map<String, String> snapshot(List<String> extra) {
        AtomicReference<Map<String, String>> previous = new AtomicReference<>(read(extra));
        await("the fixtures settle").atMost(WAIT).pollDelay(SETTLE).pollInterval(SETTLE).until(() -> {
            Map<String, String> current = read(extra);
            return current.equals(previous.getAndSet(current));
        });
        return previous.get();
    }

    List<String> paths() {
        List<String> paths = new ArrayList<>();
        partnerOf.values().forEach(id -> paths.add("/api/v1/partners/" + id));
        paths.add("/api/v1/partners/" + pendingPartner);
        partnerOf.values().forEach(id -> paths.add("/api/v1/partners/" + id + "/members"));
        for (String p : List.of(project, draft, other)) {
            paths.add("/api/v1/projects/" + p);
            paths.add("/api/v1/needs?projectId=" + p);
            paths.add("/api/v1/contributions?projectId=" + p + "&limit=100");
            paths.add("/api/v1/risks?projectId=" + p);
        }
        paths.add("/api/v1/projects/" + project + "/indicators");
        paths.add("/api/v1/projects/" + project + "/proposals");
        for (String c : List.of(c1, c2, c3, cq)) {
            paths.add("/api/v1/contributions/" + c);
        }
        paths.add("/api/v1/risks/" + risk);
        paths.add("/api/v1/risks/" + risk2);
        return paths;
    }

    private Map<String, String> read(List<String> extra) {
        Map<String, String> state = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(paths());
        all.addAll(extra);
        for (String path : all) {
            Answer answer = call(Who.AUDITOR, "GET", path).send();
            state.put(path, answer.status() + " " + answer.body());
        }
        return state;
    }

    /** The paths whose content differs between two snapshots. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((path, body) -> {
            if (!body.equals(after.get(path))) {
                changed.add(path + "\n   before: " + body + "\n   after:  " + after.get(path));
            }
        });
        return changed;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static JsonNode created(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("fixture set-up: expected " + status + " but got " + answer);
        }
        return answer.body().isEmpty() ? RawHttp.JSON.nullNode() : answer.json();
    }

    private static void ok(Answer answer, int status) {
        created(answer, status);
    }

    /** Sends until the answer has this status (the call must change nothing until it succeeds). */
    private static JsonNode answered(Call call, int status) {
        Answer[] last = new Answer[1];
        eventually(call.method() + " " + call.path() + " answers " + status, () -> {
            last[0] = call.send();
            return last[0].status() == status;
        }, () -> String.valueOf(last[0]));
        return last[0].json();
    }

    static void eventually(String what, Supplier<Boolean> condition) {
        eventually(what, condition, () -> "");
    }

    static void eventually(String what, Supplier<Boolean> condition, Supplier<String> last) {
        await(what).atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(POLL).untilAsserted(() -> {
            if (!condition.get()) {
                throw new AssertionError(what + " " + last.get());
            }
        });
    }

    static String claim(String token, String name) {
        return PartnerOnboardingIT.claim(token, name);
    }

    private static String claimNumber(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":([0-9]+)").matcher(payload);
        return m.find() ? m.group(1) : null;
    }
}
