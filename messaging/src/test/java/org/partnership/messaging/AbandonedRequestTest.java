package org.partnership.messaging;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A request abandoned while its transaction is open (the caller hung up, or the gateway gave up on it) must not keep
 * that transaction, and its pooled connection, for good. Hibernate Reactive under a cancelled Uni can leave the
 * transaction open and the connection leased (quarkusio/quarkus#51576; the fault-injection suite found one left after
 * connection resets between the gateway and resources-service). PostgreSQL ends such a session after the plumbing's
 * {@code idle_in_transaction_session_timeout} (1 min by default; 2 s in this test), which rolls the transaction back
 * and gives the pool its slot back.
 */
@QuarkusTest
class AbandonedRequestTest {

    private static final String OPEN_TOO_LONG = "select count(*) from pg_stat_activity where datname = 'messaging' "
            + "and state like 'idle in transaction%' and now() - state_change > interval '3 seconds'";

    @TestHTTPResource("/probes/slow")
    URL slow;

    @TestHTTPResource("/probes")
    URL probes;

    @Inject
    Pool pool;

    @Test
    void shouldGiveThePoolBackEveryConnectionLeftInAnOpenTransaction() {
        // what a leak leaves behind, on every connection of the pool: a transaction begun, then nobody
        int size = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.reactive.max-size", Integer.class).orElse(20);
        List<Integer> leaked = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(10));
            connection.begin().await().atMost(Duration.ofSeconds(10));
            leaked.add(connection.query("select pg_backend_pid()").execute().await().atMost(Duration.ofSeconds(10))
                    .iterator().next().getInteger(0));
        }

        // PostgreSQL ends those sessions, and the pool, which had nothing left to lend, serves requests again
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                given().contentType("text/plain").body("after-the-leak").post("/probes").then().statusCode(200));
        assertThat(Probes.count("select count(*) from pg_stat_activity where pid = any(?)", (Object) leaked.toArray(Integer[]::new)))
                .as("sessions of the leaked connections still open").isZero();
    }

    @Test
    void shouldLeaveNoTransactionOpenWhenManyCallersHangUpAtAnyMoment() throws Exception {
        java.util.Random random = new java.util.Random(7);
        java.util.List<Socket> callers = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Socket caller = new Socket(probes.getHost(), probes.getPort());
            byte[] body = ("hang-up-" + i).getBytes(StandardCharsets.UTF_8);
            caller.getOutputStream().write(("POST " + probes.getPath() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            caller.getOutputStream().write(body);
            caller.getOutputStream().flush();
            callers.add(caller);
            // the callers hang up at random moments of their requests
            java.util.concurrent.locks.LockSupport.parkNanos(random.nextInt(3_000_000));
            if (callers.size() > 5 || random.nextBoolean()) {
                Socket gone = callers.remove(random.nextInt(callers.size()));
                gone.setSoLinger(true, 0);
                gone.close();
            }
        }
        for (Socket caller : callers) {
            caller.setSoLinger(true, 0);
            caller.close();
        }
        await().atMost(Duration.ofSeconds(20)).during(Duration.ofSeconds(1)).until(() -> Probes.count(OPEN_TOO_LONG) == 0);
        given().contentType("text/plain").body("after").post("/probes").then().statusCode(200);
    }

    @Test
    void shouldEndTheTransactionOfARequestWhoseCallerHungUp() throws Exception {
        String name = "abandoned-" + UUID.randomUUID();
        try (Socket caller = new Socket(slow.getHost(), slow.getPort())) {
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            OutputStream out = caller.getOutputStream();
            out.write(("POST " + slow.getPath() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            // the probe is written, its transaction open: now the caller hangs up
            await().atMost(Duration.ofSeconds(10)).until(() -> Probes.count("select count(*) from pg_stat_activity where datname = 'messaging' "
                    + "and state like 'idle in transaction%'") >= 1);
        }

        // the request's own 5 s are over and PostgreSQL's 2 s too: no transaction is left open
        await().atMost(Duration.ofSeconds(20)).during(Duration.ofSeconds(1)).until(() -> Probes.count(OPEN_TOO_LONG) == 0);
        // and the service goes on answering
        given().contentType("text/plain").body("after-" + name).post("/probes").then().statusCode(200);
    }
}
