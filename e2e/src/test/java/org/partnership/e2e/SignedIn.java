package org.partnership.e2e;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A user's access token as a long-running client keeps it: signed in again every minute, and while Keycloak is down
 * the last one is used on (it stays valid for 5 minutes).
 */
final class SignedIn implements Supplier<String> {

    private static final Duration RENEW_AFTER = Duration.ofSeconds(60);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final Platform.User user;
    private String token;
    private long signedInAt;

    SignedIn(Platform.User user) {
        this.user = user;
    }

    @Override
    public synchronized String get() {
        if (token == null || System.nanoTime() - signedInAt > RENEW_AFTER.toNanos()) {
            try {
                token = user.token();
                signedInAt = System.nanoTime();
            } catch (RuntimeException keycloakDown) {
                if (token == null) {
                    throw keycloakDown;
                }
                // try again in 10 s, not on every request (a sign-in attempt takes its time to fail)
                signedInAt = System.nanoTime() - RENEW_AFTER.toNanos() + RETRY_AFTER.toNanos();
            }
        }
        return token;
    }
}
