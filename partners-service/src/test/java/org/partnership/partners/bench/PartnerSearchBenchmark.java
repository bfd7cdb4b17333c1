package org.partnership.partners.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.partnership.testsupport.Tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Benchmark (not part of the test suite; its name keeps Surefire from running it by default): filtered partner
 * search over 100,000 partners, through HTTP with a signed token, against the real PostgreSQL.
 *
 * <pre>./mvnw -B -pl partners-service -am test -Dtest=PartnerSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Seeds 100,000 partners (90 % ACTIVE, 4 sectors, 1-3 of 13 domains, 1-3 of 200 capability tags), warms up, then
 * runs 2,000 searches of each kind one after another and reports client-side latency percentiles and the query
 * plan. Results go to {@code partners-service/target/benchmarks/partner-search.txt}.
 */
@QuarkusTest
class PartnerSearchBenchmark {

    private static final int PARTNERS = Integer.getInteger("benchmark.partners", 100_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2_000);

    @Test
    void measure() throws Exception {
        seed();
        String token = Tokens.partnerRep(UUID.randomUUID());
        Map<String, Supplier<Map<String, Object>>> searches = new java.util.LinkedHashMap<>();
        java.util.Random random = new java.util.Random(42);
        String[] sectors = {"PUBLIC", "THIRD_SECTOR", "MARKET", "COMMUNITY"};
        String[] domains = {"WELFARE", "HEALTH", "HOUSING", "EMPLOYMENT", "EDUCATION", "JUSTICE", "CULTURE", "ENVIRONMENT"};
        searches.put("first page, no filter", Map::of);
        searches.put("sector + domain", () -> Map.of("sector", sectors[random.nextInt(4)], "domain", domains[random.nextInt(8)]));
        searches.put("capability tag", () -> Map.of("capability", "skill-" + random.nextInt(200)));
        searches.put("sector + domain + capability", () -> Map.of("sector", sectors[random.nextInt(4)],
                "domain", domains[random.nextInt(8)], "capability", "skill-" + random.nextInt(200)));
        searches.put("name contains", () -> Map.of("q", "org " + (1000 + random.nextInt(9000))));

        StringBuilder report = new StringBuilder("partner search over " + PARTNERS + " partners, " + ROUNDS
                + " sequential requests per kind, JDK HTTP client + token + PostgreSQL, " + Runtime.getRuntime().availableProcessors() + " cores\n");
        for (var search : searches.entrySet()) {
            for (int i = 0; i < 300; i++) {
                call(token, search.getValue().get());
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                Map<String, Object> params = search.getValue().get();
                long start = System.nanoTime();
                call(token, params);
                micros.add((System.nanoTime() - start) / 1_000);
            }
            Collections.sort(micros);
            report.append(String.format("%-30s p50 %5.1f ms  p99 %5.1f ms  max %5.1f ms%n", search.getKey(),
                    at(micros, 0.50) / 1000.0, at(micros, 0.99) / 1000.0, micros.get(micros.size() - 1) / 1000.0));
        }
        report.append("\nplan of 'first page, no filter':\n").append(plan("status = 'ACTIVE'"));
        report.append("\nplan of 'capability tag':\n").append(planOf("with matches as materialized (select id, lower(name) as sort_name"
                + " from partner where status = 'ACTIVE' and capability_tags @> array['skill-42']) select p.* from partner p join"
                + " (select id, sort_name from matches order by sort_name, id limit 21) m on m.id = p.id order by m.sort_name, m.id"));
        report.append("\nplan of 'sector + domain + capability':\n").append(plan(
                "status = 'ACTIVE' and sector = 'MARKET' and service_domains @> array['HOUSING'] and capability_tags @> array['skill-42']"));
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "partner-search.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** A plain JDK HTTP client, so the figures are the service's, not a heavyweight test client's. */
    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

    private static void call(String token, Map<String, Object> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v.toString(), java.nio.charset.StandardCharsets.UTF_8)));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/partners" + query))
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            java.net.http.HttpResponse<byte[]> response = CLIENT.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("search answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                "postgres", "postgres");
    }

    private static void seed() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into partner (id, name, legal_form, registration_number, country, sector, level, service_domains,
                                         capabilities, capability_tags, status, registered_by, version, created_at, updated_at)
                    select gen_random_uuid(), 'Bench org ' || g, 'Association', 'BENCH-' || g, 'GB',
                           (array['PUBLIC','THIRD_SECTOR','MARKET','COMMUNITY'])[1 + g %% 4],
                           (array['LOCAL','REGIONAL','NATIONAL','INTERNATIONAL'])[1 + g %% 4],
                           array(select distinct d from unnest(array[
                               (array['WELFARE','HEALTH','HOUSING','EMPLOYMENT','EDUCATION','JUSTICE','CULTURE','ENVIRONMENT','YOUTH','ELDERLY_CARE','MIGRATION','TRANSPORT','SPORT'])[1 + g %% 13],
                               (array['WELFARE','HEALTH','HOUSING','EMPLOYMENT','EDUCATION','JUSTICE','CULTURE','ENVIRONMENT'])[1 + (g / 13) %% 8]]) d order by d),
                           '[]',
                           array(select distinct 'skill-' || t from unnest(array[g %% 200, (g * 7) %% 200, (g * 13) %% 200]) t),
                           case when g %% 10 = 0 then 'PENDING_VERIFICATION' else 'ACTIVE' end,
                           'benchmark', 0, now(), now()
                      from generate_series(1, %d) g
                    """.formatted(PARTNERS));
            s.execute("analyze partner");
        }
    }

    private static String plan(String where) throws Exception {
        return planOf("select * from partner where " + where + " order by lower(name), id limit 21");
    }

    private static String planOf(String query) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("explain analyze " + query)) {
            while (rs.next()) {
                plan.append("  ").append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
