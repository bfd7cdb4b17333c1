package org.partnership.audit.bench;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.Tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Benchmark (not part of the test suite; its name keeps Surefire from running it by default): the audit listing over
 * 1,000,000 entries (1,000 projects, 5,000 users), filtered by project and by actor, newest first, a page of 20,
 * through HTTP as an auditor, against the real PostgreSQL. Reports client-side p50/p99 per filter and the query plans
 * in {@code audit-service/target/benchmarks/audit-listing.txt}. Target: p99 <= 50 ms.
 *
 * <pre>./mvnw -B -pl audit-service -am test -Dtest=AuditListingBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@QuarkusTest
class AuditListingBenchmark {

    private static final int ENTRIES = Integer.getInteger("benchmark.entries", 1_000_000);
    private static final int PROJECTS = 1_000;
    private static final int USERS = 5_000;
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 1_000);

    @Test
    void measure() throws Exception {
        long start = System.nanoTime();
        seed();
        long seedMillis = (System.nanoTime() - start) / 1_000_000;
        String token = Tokens.auditor();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "audit listing over %,d entries (%d projects, %d users), page of 20, as an auditor; seeded in %d ms%n", ENTRIES, PROJECTS,
                USERS, seedMillis));
        Random random = new Random(42);
        for (String filter : List.of("projectId", "actor")) {
            for (int i = 0; i < 300; i++) {
                call(token, filter, value(filter, random));
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                String value = value(filter, random);
                long t = System.nanoTime();
                call(token, filter, value);
                micros.add((System.nanoTime() - t) / 1_000);
            }
            Collections.sort(micros);
            report.append(String.format(Locale.ROOT, "filter %-9s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)%n", filter,
                    micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.99)) / 1000.0,
                    micros.get(micros.size() - 1) / 1000.0, micros.size()));
        }
        report.append(plan("project_id = '" + project(7) + "'"));
        report.append(plan("(actor_username = 'user-42' or actor_sub = 'user-42')"));
        Path out = Path.of("target/benchmarks/audit-listing.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private static String value(String filter, Random random) {
        return filter.equals("projectId") ? project(random.nextInt(PROJECTS)).toString() : "user-" + random.nextInt(USERS);
    }

    private static void call(String token, String filter, String value) {
        given().auth().oauth2(token).queryParam(filter, value).queryParam("limit", 20).get("/api/v1/audit").then().statusCode(200);
    }

    /** The project ids the seed gives: the MD5 of "project-<i>" read as a UUID (PostgreSQL's uuid_in(md5(...))). */
    private static UUID project(int i) {
        try {
            String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(("project-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void seed() throws Exception {
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            s.execute("alter table audit_entry disable trigger audit_entry_append_only");
            s.execute("delete from audit_entry");
            s.execute("""
                    insert into audit_entry (seq, event_id, event_time, source, action, object_type, object_id, project_id, partner_id,
                                             actor_sub, actor_username, actor_partner_id, actor_roles, correlation_id, causation_id,
                                             changes, prev_hash, hash)
                    select g, gen_random_uuid(), now() - (%d - g) * interval '1 second', '/resources-service',
                           'partnership.contribution.pledged.v1', 'contribution', gen_random_uuid()::text,
                           uuid_in(md5('project-' || (g %% %d))::cstring), null,
                           'user-' || (g %% %d), 'user-' || (g %% %d), null, 'partner-rep', 'req-' || g, null,
                           '{"status":{"after":"PLEDGED"}}', repeat('0', 64), repeat('0', 64)
                      from generate_series(1, %d) g
                    """.formatted(ENTRIES, PROJECTS, USERS, USERS, ENTRIES));
            s.execute("alter table audit_entry enable trigger audit_entry_append_only");
            s.execute("analyze audit_entry");
        }
    }

    private static String plan(String where) throws Exception {
        StringBuilder plan = new StringBuilder("\nexplain analyze, where " + where + ":\n");
        try (Connection c = Database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("explain (analyze, buffers) select * from audit_entry where " + where
                     + " order by seq desc limit 21")) {
            while (rs.next()) {
                plan.append("  ").append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
