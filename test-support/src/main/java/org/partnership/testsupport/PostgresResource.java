package org.partnership.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.partnership.stack.PostgresServer;

import java.util.Map;

/**
 * Starts one real PostgreSQL 17 server per test JVM (zonky binaries, 127.0.0.1, free port, throwaway data) and
 * points the service at its own database. Init arg {@code database} names it (default {@code app}).
 *
 * <pre>{@code @QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))}</pre>
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer server;

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        PostgresServer pg = server();
        pg.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url", pg.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
