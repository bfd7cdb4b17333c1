package org.partnership.testsupport.service;

import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every database-backed service must show its operators: readiness with the database, Kafka and the outbox
 * relay checked; liveness; Prometheus metrics; the API description with the OIDC bearer scheme; the plumbing's
 * migrations applied. A service's test extends it, annotated {@code @QuarkusTest}, naming its topic and API title.
 */
public abstract class ServiceHealthTests {

    public static final String REACTIVE_DATASOURCE = "Reactive PostgreSQL connections health check";
    public static final String DATASOURCE = "Database connections health check";
    public static final String KAFKA = "Kafka connection health check";
    public static final String OUTBOX_RELAY = "outbox-relay";

    @Inject
    Pool pool;

    /** The topic the service publishes to, e.g. {@code partners.v1}. */
    protected abstract String topic();

    /** The title of its API description, e.g. {@code Partners API}. */
    protected abstract String apiTitle();

    @Test
    void shouldBeReadyWithTheDatabaseKafkaAndTheOutboxRelayChecked() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(REACTIVE_DATASOURCE, DATASOURCE, KAFKA, OUTBOX_RELAY))
                .body("checks.find { it.name == '%s' }.status".formatted(KAFKA), equalTo("UP"))
                .body("checks.find { it.name == 'outbox-relay' }.data.topic", equalTo(topic()));
    }

    @Test
    void shouldBeLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        given().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE outbox_backlog gauge"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void shouldDescribeTheApiWithTheOidcBearerScheme() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo(apiTitle()))
                .body("components.securitySchemes.oidc.type", equalTo("http"))
                .body("components.securitySchemes.oidc.scheme", equalTo("bearer"));
    }

    @Test
    void shouldHaveAppliedTheMessagingMigrations() throws Throwable {
        List<Row> rows = new ArrayList<>();
        VertxContextSupport.subscribeAndAwait(() -> pool.query(
                        "select version, script, success from flyway_schema_history where version is not null order by installed_rank")
                .execute().invoke(result -> result.forEach(rows::add)));

        assertThat(rows).allMatch(row -> row.getBoolean("success"));
        assertThat(rows).extracting(row -> row.getString("script"))
                .contains("db/messaging/V0_1__outbox_and_inbox.sql", "db/messaging/V0_2__idempotency.sql");
        assertThat(tableExists("outbox_event")).isTrue();
        assertThat(tableExists("processed_event")).isTrue();
    }

    private boolean tableExists(String table) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("select to_regclass($1) is not null")
                .execute(Tuple.of("public." + table)).map(result -> result.iterator().next().getBoolean(0)));
    }
}
