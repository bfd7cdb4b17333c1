package org.partnership.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service's own database, read from a {@code @QuarkusTest} with plain JDBC (the URL and credentials
 * {@link PostgresResource} gave the service), and the inbox ({@code processed_event}) in which every consumer records
 * the events it applied.
 */
public final class Database {

    /** How long a test waits for a consumer to apply an event. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private Database() {
    }

    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse("postgres"));
    }

    /** The rows of a query, each a map of column label to value (as text; SQL null as null). */
    public static List<Map<String, String>> rows(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            List<Map<String, String>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** The first column of the query's first row as a long (SQL null as 0), or -1 when there is no row. */
    public static long longValue(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** How many times {@code consumer} recorded the event as processed: 1 once it applied it, never more. */
    public static long processed(String consumer, String eventId) {
        return longValue("select count(*) from processed_event where consumer = ? and event_id = ?", consumer, eventId);
    }

    /** Waits until {@code consumer} has applied each of the events (by id). */
    public static void awaitProcessed(String consumer, String... eventIds) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (String id : eventIds) {
                assertThat(processed(consumer, id)).as("event %s processed by %s", id, consumer).isEqualTo(1);
            }
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
