package org.partnership.e2e;

import io.restassured.response.Response;
import org.awaitility.core.ThrowingRunnable;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What users see only once events have travelled (Keycloak links, replicas, coverage summaries): retried until it
 * holds, bounded, failing with the last answer.
 */
final class Eventually {

    /** Far above what events take on a loaded 2-core machine (milliseconds to a second or two), far below a hang. */
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    private Eventually() {
    }

    /** The assertion, once it holds. */
    static void holds(ThrowingRunnable assertion) {
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(POLL).untilAsserted(assertion);
    }

    /**
     * The first answer with this status. Only for calls that change nothing until they succeed (e.g. a pledge refused
     * while the project's replica does not yet know the partner accepted).
     */
    static Response answers(int status, Supplier<Response> call) {
        AtomicReference<Response> last = new AtomicReference<>();
        holds(() -> {
            Response response = call.get();
            last.set(response);
            assertThat(response.statusCode()).as("%s", response.asString()).isEqualTo(status);
        });
        return last.get();
    }
}
