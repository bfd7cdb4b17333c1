package org.partnership.resources.repository;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.partnership.stack.PostgresServer;
import org.partnership.testsupport.PostgresResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V2 (the delivery ledger) on data recorded before it, in a database of its own on the real PostgreSQL: every
 * delivery recorded until then counts as confirmed and says so (system:migration, a note), a dispute that changed
 * nothing then is kept on record, and a contribution fulfilled then stays FULFILLED with confirmed = delivered.
 */
class LedgerMigrationTest {

    @Test
    void shouldCarryExistingDeliveriesOverAsConfirmedAndSaySo() throws Exception {
        PostgresServer pg = PostgresResource.server();
        String database = "resources_v2_" + System.nanoTime();
        pg.ensureDatabase(database);
        String url = pg.jdbcUrl(database);
        flyway(url, "1").migrate();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, "postgres"); Statement s = c.createStatement()) {
            s.execute("""
                    insert into contribution (id, project_id, partner_id, type, quantity, unit, status, delivered, created_by, created_at, updated_at)
                    values ('e0000000-0000-4000-8000-000000000001', gen_random_uuid(), gen_random_uuid(), 'FUNDING', 100, 'EUR',
                            'FULFILLED', 100, 'rep', now(), now()),
                           ('e0000000-0000-4000-8000-000000000002', gen_random_uuid(), gen_random_uuid(), 'STAFF_HOURS', 10, 'hours',
                            'PARTIALLY_DELIVERED', 4, 'rep', now(), now())
                    """);
            s.execute("""
                    insert into delivery (id, contribution_id, quantity, delivered_on, recorded_by, recorded_at, review, review_note, reviewed_by, reviewed_at)
                    values ('f0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', 60, current_date, 'rep', now(),
                            'UNREVIEWED', null, null, null),
                           ('f0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000001', 40, current_date, 'rep', now(),
                            'CONFIRMED', 'counted', 'lead', now()),
                           ('f0000000-0000-4000-8000-000000000003', 'e0000000-0000-4000-8000-000000000002', 4, current_date, 'rep', now(),
                            'DISPUTED', 'no timesheets', 'lead', now())
                    """);
        }

        flyway(url, "2").migrate();

        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, "postgres"); Statement s = c.createStatement()) {
            List<String> deliveries = rows(s, """
                    select review || '|' || reviewed_by || '|' || coalesce(review_note, '') || '|' || coalesce(dispute_note, '-')
                      from delivery order by id""");
            assertThat(deliveries).hasSize(3);
            assertThat(deliveries.get(0)).startsWith("CONFIRMED|system:migration|recorded before deliveries were reviewed").endsWith("|-");
            assertThat(deliveries.get(1)).isEqualTo("CONFIRMED|lead|counted|-");
            assertThat(deliveries.get(2)).startsWith("CONFIRMED|system:migration|").endsWith("|no timesheets");
            assertThat(rows(s, "select status || '|' || delivered || '|' || confirmed || '|' || disputed from contribution order by id"))
                    .containsExactly("FULFILLED|100.0000|100.0000|0.0000", "PARTIALLY_DELIVERED|4.0000|4.0000|0.0000");
        }
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, PostgresServer.USER, "postgres").locations("classpath:db/migration")
                .target(target).load();
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
