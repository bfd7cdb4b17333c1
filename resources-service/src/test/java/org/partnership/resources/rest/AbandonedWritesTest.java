package org.partnership.resources.rest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.resources.Fixtures;
import org.partnership.resources.Fixtures.World;
import org.partnership.testsupport.Database;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnership.resources.Fixtures.pledge;
import static org.partnership.testsupport.Tokens.as;

/**
 * A caller who hangs up in the middle of a write (a browser closed, the gateway giving up on a slow answer, a reset
 * connection) must not cut the write in two: the write runs to its end and commits whole, and the caller's retry with
 * the same Idempotency-Key gets its answer. Quarkus REST cancels a resource's {@code Uni} when the connection closes,
 * and Hibernate Reactive under a cancelled Uni can leave a transaction half-done (quarkusio/quarkus#51576); the fault
 * suite once found a contribution whose delivered total was one more than its deliveries after connection resets
 * between the gateway and resources-service. The service's writes are therefore not cancellable
 * ({@code @Cancellable(false)} on its resources).
 */
@QuarkusTest
class AbandonedWritesTest {

    private static final int DELIVERIES = 20;

    @TestHTTPResource("/api/v1/contributions")
    URL contributions;

    @Test
    void shouldFinishEveryDeliveryWhoseCallerHungUpAndCountEachOnce() throws Exception {
        World w = Fixtures.world();
        String id = as(w.aToken()).body(pledge(w.project(), "VOLUNTEER_HOURS", "1000", "hours"))
                .post(ContributionResourceTest.CONTRIBUTIONS).then().statusCode(201).extract().path("id");
        String path = contributions.getPath() + "/" + id + "/deliveries";
        byte[] body = Fixtures.MAPPER.writeValueAsBytes(Map.of("quantity", "1",
                "deliveredOn", LocalDate.now(ZoneOffset.UTC).toString(), "note", "handed over"));

        Random random = new Random(11);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            String key = UUID.randomUUID().toString();
            keys.add(key);
            // the caller sends the delivery, then hangs up (a reset) while it is being written...
            try (Socket caller = new Socket(contributions.getHost(), contributions.getPort())) {
                OutputStream out = caller.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + w.aToken() + "\r\nIdempotency-Key: " + key + "\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                LockSupport.parkNanos(2_000_000 + random.nextInt(10_000_000));
                caller.setSoLinger(true, 0);
            }
            // ...and the delivery is written all the same: its answer is on record for the caller's retry
            await("the delivery with key " + key).atMost(Duration.ofSeconds(10)).until(() -> Database.longValue(
                    "select count(*) from idempotency_record where idempotency_key = ? and status = 201", key) == 1);
        }
        assertBalanced(id);

        // the callers retry with their keys, as careful clients do: each gets the first answer, and nothing is added
        for (String key : keys) {
            as(w.aToken()).header("Idempotency-Key", key).body(body)
                    .post(ContributionResourceTest.CONTRIBUTIONS + "/" + id + "/deliveries").then().statusCode(201)
                    .header("Idempotent-Replayed", "true");
        }
        assertBalanced(id);
    }

    private static void assertBalanced(String id) {
        UUID contribution = UUID.fromString(id);
        assertThat(Database.longValue("select count(*) from delivery where contribution_id = ?", contribution))
                .as("deliveries recorded, one per request").isEqualTo(DELIVERIES);
        assertThat(Database.longValue("select cast(delivered as bigint) from contribution where id = ?", contribution))
                .as("the contribution's delivered total").isEqualTo(DELIVERIES);
        assertThat(Database.longValue("select count(*) from outbox_event where aggregate_id = ? and type = 'partnership.contribution.delivered.v1'", id))
                .as("delivered events, one per delivery").isEqualTo(DELIVERIES);
    }
}
