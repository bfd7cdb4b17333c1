package org.partnership.e2e.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.restassured.http.ContentType;
import org.partnership.e2e.Platform;
import org.partnership.stack.RunningStack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The platform as the browser tests see it: the suite's shared stack ({@link Platform}: Keycloak, Kafka, PostgreSQL,
 * the packaged services and the console, on free ports), whose console the browser reaches through the gateway. Users
 * are created in the real Keycloak; they sign in through its login page in the browser.
 */
final class ConsoleStack {

    static final String PASSWORD = Platform.PASSWORD;

    final RunningStack stack;
    final String consoleUrl;

    private ConsoleStack(RunningStack stack, String consoleUrl) {
        this.stack = stack;
        this.consoleUrl = consoleUrl;
    }

    /** The console of this stack, its address allowed as a redirect target of the realm's console client. */
    static ConsoleStack on(RunningStack stack) {
        // the browser goes where people go: the console's pages through the gateway, the only public entry
        String consoleUrl = stack.gatewayUrl().replace("://127.0.0.1:", "://localhost:");
        allowRedirectsTo(stack, consoleUrl);
        return new ConsoleStack(stack, consoleUrl);
    }

    /** The realm's console client as Keycloak holds it (after the import resolved its placeholders). */
    @SuppressWarnings("unchecked")
    Map<String, Object> consoleClient() {
        return client(stack, Platform.adminToken());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> client(RunningStack stack, String admin) {
        String id = given().baseUri(stack.keycloakUrl()).auth().oauth2(admin).queryParam("clientId", "console")
                .get("/admin/realms/partnership/clients").then().statusCode(200).extract().path("[0].id");
        return given().baseUri(stack.keycloakUrl()).auth().oauth2(admin)
                .get("/admin/realms/partnership/clients/" + id).then().statusCode(200).extract().as(Map.class);
    }

    /** The realm's console client knows the demo addresses; this run's console listens on a free port. */
    private static void allowRedirectsTo(RunningStack stack, String consoleUrl) {
        String admin = Platform.adminToken();
        Map<String, Object> client = client(stack, admin);
        String id = (String) client.get("id");
        @SuppressWarnings("unchecked")
        List<String> redirects = new ArrayList<>((List<String>) client.get("redirectUris"));
        redirects.add(consoleUrl + "/console/*");
        client.put("redirectUris", redirects);
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        attributes.put("post.logout.redirect.uris", attributes.get("post.logout.redirect.uris") + "##" + consoleUrl + "/console/*");
        given().baseUri(stack.keycloakUrl()).auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                .put("/admin/realms/partnership/clients/" + id).then().statusCode(204);
    }

    /** A new user with these realm roles (password {@link #PASSWORD}). */
    String newUser(String prefix, String... roles) {
        return Platform.newUser(prefix, roles).username();
    }

    /** Registers an organisation for the representative through the API, has the admin verify it, waits for the link. */
    String joinVerified(String representative, String admin, String name, String sector, List<String> domains) {
        String number = "REG-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        // a cold service on a busy machine may time out once (504): the same Idempotency-Key makes the retry safe
        String id = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> given()
                .baseUri(stack.gatewayUrl()).auth().oauth2(token(representative)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Map.of("name", name, "legalForm", "Association", "registrationNumber", number, "country", "IT",
                        "sector", sector, "level", "LOCAL", "serviceDomains", domains, "contactEmail", "office@" + number.toLowerCase() + ".example.org"))
                .post("/api/v1/partners").then().extract().response(), r -> r.statusCode() == 201).path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> given().baseUri(stack.gatewayUrl())
                .auth().oauth2(token(admin)).contentType(ContentType.JSON).body(Map.of("reason", "Checked the register"))
                .post("/api/v1/partners/" + id + "/verify").statusCode(), status -> status == 200 || status == 409);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> claims(token(representative)).contains(id));
        return id;
    }

    /**
     * A call to the public API as this user, repeated with the same Idempotency-Key until it answers {@code expected}:
     * the services learn of a partner's verification or a participant's acceptance an event later. Returns the body.
     */
    io.restassured.path.json.JsonPath api(String username, String method, String path, Object body, int expected) {
        return api(username, method, path, body, expected, Map.of());
    }

    /** The same with more headers (If-Match). */
    io.restassured.path.json.JsonPath api(String username, String method, String path, Object body, int expected,
            Map<String, String> headers) {
        String key = UUID.randomUUID().toString();
        // always JSON: without a content type RestAssured would send a bodyless POST as a form (a 415)
        java.util.concurrent.atomic.AtomicReference<io.restassured.response.Response> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return await(method + " " + path + " answers " + expected).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        var request = given().baseUri(stack.gatewayUrl()).auth().oauth2(token(username)).contentType(ContentType.JSON)
                                .header("Idempotency-Key", key).headers(headers);
                        if (body != null) {
                            request = request.body(body);
                        }
                        last.set(request.request(method, path).then().extract().response());
                        return last.get();
                    }, r -> r.statusCode() == expected).jsonPath();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            var answer = last.get();
            throw new AssertionError(method + " " + path + " never answered " + expected + "; last: "
                    + (answer == null ? "none" : answer.statusCode() + " " + answer.asString()), e);
        }
    }

    /** An OPEN project led by the coordinator's partner (through the API). */
    String openProject(String coordinator, String title) {
        String id = api(coordinator, "POST", "/api/v1/projects", Map.of("title", title, "purpose", "Purpose of " + title,
                "dimensions", List.of("HOUSING"), "plannedStart", "2027-01-01", "plannedEnd", "2027-12-31"), 201).getString("id");
        api(coordinator, "POST", "/api/v1/projects/" + id + "/open", null, 200);
        return id;
    }

    /** The lead invites the partner and its representative accepts (through the API). */
    void join(String coordinator, String project, String partner, String representative, String role) {
        api(coordinator, "POST", "/api/v1/projects/" + project + "/participants", Map.of("partnerId", partner, "role", role), 201);
        api(representative, "POST", "/api/v1/projects/" + project + "/participants/" + partner + "/accept", null, 200);
    }

    /** A need of the project, declared by its lead (through the API). */
    String need(String coordinator, String project, String type, String quantity, String unit, String description) {
        return api(coordinator, "POST", "/api/v1/needs", Map.of("projectId", project, "type", type, "quantity", quantity,
                "unit", unit, "description", description), 201).getString("id");
    }

    /** Signs the user in through Keycloak's login page in this browser context; the console's home page. */
    Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(consoleUrl + "/console");
        page.fill("#username", username);
        page.fill("#password", PASSWORD);
        page.click("#kc-login");
        page.locator("#me-username").waitFor();
        return page;
    }

    String token(String username) {
        return stack.token(username, PASSWORD);
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

}
