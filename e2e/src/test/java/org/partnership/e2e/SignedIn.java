package org.partnership.e2e;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A user's access token as a long-running client keeps it: renewed in the background every minute while the current
 * one goes on being used (it stays valid for 5 minutes), so a slow or stopped Keycloak never holds up a request;
 * a failed renewal is tried again 10 s later.
 */
final class SignedIn implements Supplier<String> {

    private static final Duration RENEW_AFTER = Duration.ofSeconds(60);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final Platform.User user;
    private String token;
    private long signedInAt;
    private CompletableFuture<String> renewal;

    SignedIn(Platform.User user) {
        this.user = user;
    }

    @Override
    public synchronized String get() {
        if (token == null) {
            token = user.token();
            signedInAt = System.nanoTime();
        } else if (renewal == null && System.nanoTime() - signedInAt > RENEW_AFTER.toNanos()) {
            renewal = CompletableFuture.supplyAsync(user::token);
            renewal.whenComplete(this::renewed);
        }
        return token;
    }

    private synchronized void renewed(String fresh, Throwable keycloakDown) {
        if (fresh != null) {
            token = fresh;
            signedInAt = System.nanoTime();
        } else {
            signedInAt = System.nanoTime() - RENEW_AFTER.toNanos() + RETRY_AFTER.toNanos();
        }
        renewal = null;
    }
}
