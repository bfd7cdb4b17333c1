package org.partnership.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.partnership.stack.LocalStack;
import org.partnership.stack.RunningStack;
import org.partnership.stack.StackConfig;
import org.partnership.stack.StackException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The platform under test: the stack {@code ./stack} starts (same code), on free ports and a throwaway data
 * directory, without demo data, the web console included, started once for the whole suite and stopped at its end — also when tests fail.
 * Users are created in the real Keycloak and sign in with the password grant; every call goes through the gateway, and
 * every answer it gives is checked against the API description ({@link ContractValidator}).
 */
public final class Platform implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static RunningStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (Platform.class) {
            if (stack == null) {
                Path repo = Path.of(System.getProperty("partnership.repo", "..")).toAbsolutePath().normalize();
                // fault proxies in front of Kafka and resources-service, healthy until FaultInjectionIT breaks them
                StackConfig config = StackConfig.ephemeral(repo).withDemoData(false).withFaultProxies(true);
                // the whole platform, the web console included (the browser classes, org.partnership.e2e.browser)
                stack = LocalStack.start(config);
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("partnership-platform", this);
                RestAssured.baseURI = stack.gatewayUrl();
                RestAssured.filters(new ContractFilter());
            }
        }
    }

    @Override
    public void close() {
        synchronized (Platform.class) {
            if (stack != null) {
                ContractValidator.report();
                keepLogs();
                stack.close();
                stack = null;
            }
        }
    }

    /** The stack's logs (each service's, Kafka's, Keycloak's) outlive its throwaway data: e2e/target/stack-logs. */
    private static void keepLogs() {
        java.nio.file.Path from = stack.config().logDir();
        java.nio.file.Path to = java.nio.file.Path.of("target", "stack-logs");
        try (var files = java.nio.file.Files.walk(from)) {
            for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                java.nio.file.Path target = to.resolve(from.relativize(file).toString());
                java.nio.file.Files.createDirectories(target.getParent());
                java.nio.file.Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.io.IOException e) {
            System.err.println("the stack's logs could not be kept: " + e.getMessage());
        }
    }

    public static RunningStack stack() {
        return stack;
    }

    /** A request through the gateway as this user. */
    public static RequestSpecification as(String token) {
        return given().baseUri(stack.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Every user the suite creates signs in with this password (the API's password grant, the console's login page). */
    public static final String PASSWORD = "e2e-secret";

    /** A new user in the realm (password {@link #PASSWORD}) with these realm roles, and their access token. */
    public static User newUser(String prefix, String... roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = adminToken();
        given().baseUri(stack.keycloakUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "email", username + "@e2e.example.org",
                        "emailVerified", true, "firstName", prefix, "lastName", "E2E",
                        "credentials", java.util.List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))))
                .post("/admin/realms/partnership/users").then().statusCode(201);
        String id = given().baseUri(stack.keycloakUrl()).auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get("/admin/realms/partnership/users").then().statusCode(200).extract().path("[0].id");
        for (String role : roles) {
            Map<?, ?> representation = given().baseUri(stack.keycloakUrl()).auth().oauth2(admin)
                    .get("/admin/realms/partnership/roles/" + role).then().statusCode(200).extract().as(Map.class);
            given().baseUri(stack.keycloakUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(java.util.List.of(representation))
                    .post("/admin/realms/partnership/users/" + id + "/role-mappings/realm").then().statusCode(204);
        }
        return new User(username, id);
    }

    /** Someone who signs in to the platform. */
    public record User(String username, String id) {
        /**
         * A fresh access token from the password grant (carries the current partner_id, roles...). Keycloak's dev
         * database can refuse a sign-in that races an admin update of the same user (partners-service writing the
         * partner link): one retry, after the brute-force detector's quick-login window (1 s) so that it does not
         * count as a rapid second failure.
         */
        public String token() {
            try {
                return stack.token(username, PASSWORD);
            } catch (StackException refused) {
                RawHttp.sleep(Duration.ofMillis(1500));
                return stack.token(username, PASSWORD);
            }
        }
    }

    /** A token of Keycloak's master-realm administrator (the local stack's admin/admin), for the realm's admin API. */
    public static String adminToken() {
        return given().baseUri(stack.keycloakUrl()).formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }
}
