package org.partnership.resources.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
import java.util.Random;
import java.util.UUID;

/**
 * Benchmark (not part of the test suite; its name keeps Surefire from running it by default): one partner's
 * commitments with 1,000,000 contributions of 10,000 partners in the ledger, through HTTP with a signed token,
 * against the real PostgreSQL.
 *
 * <pre>./mvnw -B -pl resources-service test -Dtest=CommitmentsBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Seeds with SQL (generate_series): 10,000 partners, 1,000 projects, 1,000,000 contributions (100 per partner across
 * projects, 7 types, half valued in EUR or GBP, mixed statuses and due dates), 5,000 risks with 10,000 allocations.
 * Warms up, then runs sequential GET /api/v1/commitments?partnerId= for random partners (page of 20 items + all totals)
 * and reports client-side latency percentiles and the query plans, in
 * {@code resources-service/target/benchmarks/commitments.txt}.
 */
@QuarkusTest
class CommitmentsBenchmark {

    private static final int CONTRIBUTIONS = Integer.getInteger("benchmark.contributions", 1_000_000);
    private static final int PARTNERS = Integer.getInteger("benchmark.partners", 10_000);
    private static final int PROJECTS = 1_000;
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2_000);

    @Test
    void measure() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

        Random random = new Random(42);
        List<UUID> partners = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID partner = partnerId(random.nextInt(PARTNERS));
            partners.add(partner);
            tokens.add(Tokens.partnerRep(partner));
        }
        for (int i = 0; i < 500; i++) {
            call(tokens.get(i % 200), partners.get(i % 200));
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            int k = random.nextInt(200);
            long start = System.nanoTime();
            call(tokens.get(k), partners.get(k));
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        UUID sample = partners.get(0);
        StringBuilder report = new StringBuilder();
        report.append(String.format("commitments of one partner: %,d contributions of %,d partners in the ledger (seeded in %,d ms)%n",
                CONTRIBUTIONS, PARTNERS, seedMillis));
        report.append(String.format("%,d sequential GET /api/v1/commitments?partnerId= (20 items + totals), HTTP + token + PostgreSQL, "
                + "%d cores shared with other work%n", ROUNDS, Runtime.getRuntime().availableProcessors()));
        report.append(String.format("p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n", at(micros, 0.50) / 1000.0,
                at(micros, 0.90) / 1000.0, at(micros, 0.99) / 1000.0, micros.get(micros.size() - 1) / 1000.0));
        String p = "'" + sample + "'";
        report.append("\nplan of the items page:\n").append(plan("""
                select c.*, p.title from contribution c left join project_replica p on p.id = c.project_id
                 where c.partner_id = %s order by c.created_at, c.id limit 21""".formatted(p)));
        report.append("\nplan of the totals by type:\n").append(plan("""
                select partner_id, type, unit, sum(quantity - withdrawn), sum(delivered),
                       sum(case when status in ('PLEDGED', 'PARTIALLY_DELIVERED') then quantity - delivered else 0 end)
                  from contribution where partner_id = %s group by partner_id, type, unit""".formatted(p)));
        report.append("\nplan of the totals by currency:\n").append(plan("""
                select partner_id, valuation_currency, sum(round(valuation_amount * (quantity - withdrawn) / quantity, 4))
                  from contribution where partner_id = %s and valuation_currency is not null
                 group by partner_id, valuation_currency""".formatted(p)));
        report.append("\nplan of the ratio and overdue count:\n").append(plan("""
                select partner_id, count(*), round(avg(delivered / quantity), 4),
                       count(*) filter (where due_date < current_date and status in ('PLEDGED', 'PARTIALLY_DELIVERED'))
                  from contribution where partner_id = %s group by partner_id""".formatted(p)));
        report.append("\nplan of the risk shares (exposure is summed by Risk.exposure):\n").append(plan("""
                select a.partner_id, r.likelihood, r.impact, a.share_percent from risk r join risk_allocation a on r.id = a.risk_id
                 where r.status <> 'CLOSED' and a.partner_id = %s""".formatted(p)));
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "commitments.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static void call(String token, UUID partner) {
        RestAssured.given().auth().oauth2(token).queryParam("partnerId", partner.toString())
                .get("/api/v1/commitments").then().statusCode(200);
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static UUID partnerId(int n) {
        return UUID.nameUUIDFromBytes(("bench-partner-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void seed() throws Exception {
        List<UUID> partners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            partners.add(partnerId(i));
        }
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            s.execute("create temporary table bench_partner (n integer primary key, id uuid not null)");
            try (var insert = c.prepareStatement("insert into bench_partner (n, id) values (?, ?)")) {
                for (int i = 0; i < PARTNERS; i++) {
                    insert.setInt(1, i);
                    insert.setObject(2, partners.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            s.execute("""
                    insert into partner_replica (id, name, sector, status, version)
                    select id, 'Bench partner ' || n, (array['PUBLIC','THIRD_SECTOR','MARKET','COMMUNITY'])[1 + n %% 4], 'ACTIVE', 1
                      from bench_partner
                    """.formatted());
            s.execute("""
                    insert into project_replica (id, title, status, lead_partner_id, accepted_partners, version)
                    select md5('bench-project-' || g)::uuid, 'Bench project ' || g, 'ACTIVE',
                           (select id from bench_partner where n = g %% %d), '{}', 1
                      from generate_series(0, %d) g
                    """.formatted(PARTNERS, PROJECTS - 1));
            s.execute("""
                    insert into contribution (id, project_id, partner_id, type, quantity, unit, valuation_amount, valuation_currency,
                                              due_date, status, delivered, withdrawn, created_by, created_at, updated_at, version)
                    select gen_random_uuid(), md5('bench-project-' || ((g / %3$d) %% %2$d))::uuid, bp.id,
                           (array['FUNDING','STAFF_HOURS','VOLUNTEER_HOURS','FACILITY','EQUIPMENT','EXPERTISE','IN_KIND'])[1 + g %% 7],
                           100 + g %% 900, (array['EUR','hours','hours','room-days','items','days','parcels'])[1 + g %% 7],
                           case when (g / 7) %% 2 = 0 then (1000 + g %% 9000)::numeric else null end,
                           case when (g / 7) %% 4 = 0 then 'EUR' when (g / 7) %% 4 = 2 then 'GBP' else null end,
                           current_date + ((g %% 730) - 365),
                           (array['PLEDGED','PARTIALLY_DELIVERED','FULFILLED','WITHDRAWN'])[1 + (g / 7) %% 4],
                           case (g / 7) %% 4 when 0 then 0 when 1 then (100 + g %% 900) / 2 when 2 then 100 + g %% 900 else 0 end,
                           case when (g / 7) %% 4 = 3 then 100 + g %% 900 else 0 end,
                           'benchmark', now() - make_interval(secs => g), now(), 0
                      from generate_series(1, %1$d) g join bench_partner bp on bp.n = g %% %3$d
                    """.formatted(CONTRIBUTIONS, PROJECTS, PARTNERS));
            s.execute("""
                    insert into risk (id, project_id, category, title, likelihood, impact, owner_partner_id, status, proposed_by,
                                      created_at, updated_at, version)
                    select md5('bench-risk-' || g)::uuid, md5('bench-project-' || (g %% %d))::uuid, 'FINANCIAL', 'Risk ' || g,
                           1 + g %% 5, 1 + (g / 5) %% 5, (select id from bench_partner where n = g %% %d),
                           case when g %% 10 = 0 then 'CLOSED' else 'OPEN' end, 'benchmark', now(), now(), 0
                      from generate_series(0, 4999) g
                    """.formatted(PROJECTS, PARTNERS));
            s.execute("""
                    insert into risk_allocation (risk_id, partner_id, share_percent)
                    select md5('bench-risk-' || g)::uuid, bp.id, case when k = 0 then 60 else 40 end
                      from generate_series(0, 4999) g cross join generate_series(0, 1) k
                      join bench_partner bp on bp.n = (g * 2 + k) %% %d
                    """.formatted(PARTNERS));
            s.execute("analyze");
        }
    }

    private static String plan(String sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = Database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                plan.append("  ").append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
