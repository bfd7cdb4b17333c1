package org.partnership.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnership.stack.RunningStack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Signing in against the realm's Keycloak as the platform runs it: a coordinator signed in from two browser tabs and
 * a script at the same moment is not told their password is wrong (Keycloak 26 refuses overlapping sign-ins of one
 * user unless told otherwise), and a wrong password is still refused. The realm's demo users sign in under the fixed
 * ids the realm file gives them, the ids the local stack's demo data records them as members under.
 */
@ExtendWith(Platform.class)
class SignInIT {

    private static final int AT_ONCE = 6;

    @Test
    void shouldSignInOneUserFromSeveralPlacesAtOnce() throws Exception {
        Platform.User coordinator = Platform.newUser("coordinator", "coordinator");
        ExecutorService places = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Callable<Integer>> signIns = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                signIns.add(() -> signIn(coordinator.username(), "e2e-secret"));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> signIn : places.invokeAll(signIns)) {
                statuses.add(signIn.get());
            }
            assertThat(statuses).containsOnly(200);
        } finally {
            places.shutdownNow();
        }
        given().baseUri(Platform.stack().tokenUrl()).formParams(form(coordinator.username(), "not-the-password"))
                .post().then().statusCode(400).body("error", is("invalid_grant"));
    }

    @Test
    void shouldSignTheDemoUsersInUnderTheIdsTheRealmFileGivesThem() throws Exception {
        Path realm = Path.of(System.getProperty("partnership.repo", "..")).resolve("keycloak").resolve("partnership-realm.json");
        int demoUsers = 0;
        for (JsonNode user : new ObjectMapper().readTree(realm.toFile()).path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            assertThat(user.path("id").asText()).as(user.path("username").asText() + "'s fixed id").isNotBlank();
            String token = given().baseUri(Platform.stack().tokenUrl()).formParams(form(user.path("username").asText(), "demo"))
                    .post().then().statusCode(200).extract().path("access_token");
            assertThat(PartnerOnboardingIT.claim(token, "sub")).as(user.path("username").asText()).isEqualTo(user.path("id").asText());
            demoUsers++;
        }
        assertThat(demoUsers).isEqualTo(7);
    }

    private static int signIn(String username, String password) {
        return given().baseUri(Platform.stack().tokenUrl()).formParams(form(username, password)).post().statusCode();
    }

    private static Map<String, String> form(String username, String password) {
        return Map.of("grant_type", "password", "client_id", RunningStack.CLI_CLIENT, "username", username, "password", password);
    }
}
