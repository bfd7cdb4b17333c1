package org.partnership.resources;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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

/** The operational endpoints of the skeleton: health, metrics, the API description, and the migrated schema. */
@QuarkusTest
class HealthTest {

    @Inject
    Pool pool;

    @Test
    void shouldBeReadyWithTheDatabaseKafkaAndTheOutboxRelayChecked() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(Checks.REACTIVE_DATASOURCE, Checks.DATASOURCE, Checks.KAFKA, Checks.OUTBOX_RELAY))
                .body("checks.find { it.name == '%s' }.status".formatted(Checks.KAFKA), equalTo("UP"))
                .body("checks.find { it.name == 'outbox-relay' }.data.topic", equalTo("resources.v1"));
    }

    @Test
    void shouldBeLive() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
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
                .body("info.title", equalTo("Resources API"))
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
        return VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("select to_regclass($1) is not null")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of("public." + table))
                .map(result -> result.iterator().next().getBoolean(0)));
    }
}
