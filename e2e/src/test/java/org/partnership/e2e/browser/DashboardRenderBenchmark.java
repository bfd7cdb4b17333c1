package org.partnership.e2e.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnership.e2e.Platform;
import org.partnership.stack.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (not part of the test suite: failsafe runs only {@code *IT} classes unless asked): the console's project
 * dashboard page with 50 contributions and 10 risks, against the real stack (the e2e suite's, {@link Platform}: its
 * fault proxies stay healthy, one more local TCP hop between the gateway and resources-service), with a session
 * signed in through Keycloak's login page.
 *
 * <pre>./mvnw -B verify -pl e2e -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DashboardRenderBenchmark</pre>
 *
 * Seeds through the public API: a project led by a city, with a charity and a company accepted, 5 needs, 50
 * contributions (25 each, half valued, 10 partly delivered), 10 risks allocated among the three, 2 indicators with 3
 * measurements each. Then sequential GETs of {@code /console/projects/{id}/dashboard} with the session cookies: the
 * server's whole answer (the console asks the gateway for the dashboard and the indicators, renders Qute) measured
 * by the client, both directly at the console and through the gateway (the user's path). Also the first load's
 * weight: the page and the CSS and JS it links, as served (compressed) and as gzip would make them. Writes
 * {@code e2e/target/benchmarks/dashboard-render.txt}. Targets (#20): p95 at most 150 ms on 2 cores; first load
 * at most 150 KB.
 */
@ExtendWith(Platform.class)
class DashboardRenderBenchmark {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 200);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 300);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private static final Duration PACE = Duration.ofMillis(150);
    private long lastStart;

    /** The session's cookies, kept up to date from the answers (the console refreshes the tokens in them). */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    @Test
    void measure() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": the benchmark signs in with a browser");
        ConsoleStack platform = ConsoleStack.on(Platform.stack());
        long seedStart = System.nanoTime();
        String project = seed(platform);
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        signIn(platform, coordinator);
        String path = "/console/projects/" + project + "/dashboard";
        String gateway = platform.consoleUrl;
        String console = platform.stack.url(Component.CONSOLE).replace("://127.0.0.1:", "://localhost:");

        HttpResponse<byte[]> first = get(gateway + path, Map.of());
        String html = new String(first.body(), StandardCharsets.UTF_8);
        assertThat(first.statusCode()).as("the dashboard for a signed-in session").isEqualTo(200);
        assertThat(html).contains("svg").contains("Risk heat map");
        assertThat(html.split("<tr data-partner=", -1).length - 1).as("rows of contributions per partner and type")
                .isGreaterThanOrEqualTo(2);

        assertThat(charted(html)).as("both indicators' charts, 3 measurements each").isEqualTo(2);
        // warm-up on both paths, then ABBA: direct, gateway, gateway, direct (half the rounds each block), so
        // neither path is measured only while the JIT is younger or the machine busier
        warmUp(console + path);
        warmUp(gateway + path);
        List<Long> direct = new ArrayList<>();
        List<Long> routed = new ArrayList<>();
        direct.addAll(rounds(console + path, ROUNDS / 2));
        routed.addAll(rounds(gateway + path, ROUNDS / 2));
        routed.addAll(rounds(gateway + path, ROUNDS - ROUNDS / 2));
        direct.addAll(rounds(console + path, ROUNDS - ROUNDS / 2));
        Collections.sort(direct);
        Collections.sort(routed);

        StringBuilder report = new StringBuilder();
        report.append(String.format("console dashboard page: 50 contributions (2 partners), 10 risks, 5 needs, 2 indicators (seeded "
                + "through the API in %,d ms)%n", seedMillis));
        report.append(String.format("%,d sequential GET %s per path (ABBA blocks: direct, gateway, gateway, direct) after %d warm-up on each, signed-in session, %d cores shared with the whole "
                + "stack (Keycloak, Kafka, PostgreSQL, the services, the console)%n", ROUNDS, "/console/projects/{id}/dashboard", WARM_UP,
                Runtime.getRuntime().availableProcessors()));
        report.append(line("direct to the console", direct));
        report.append(line("through the gateway  ", routed));
        report.append(weight(gateway, path, html));
        Path out = Paths.get("target", "benchmarks", "dashboard-render.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private String coordinator;

    /** A project with 50 contributions, 10 risks (allocated), 5 needs and 2 indicators, all through the public API. */
    private String seed(ConsoleStack platform) {
        String admin = platform.newUser("admin", "admin");
        coordinator = platform.newUser("coordinator", "coordinator");
        String charityRep = platform.newUser("charity", "partner-rep");
        String companyRep = platform.newUser("company", "partner-rep");
        String city = platform.joinVerified(coordinator, admin, "Comune di Bench", "PUBLIC", List.of("HOUSING", "WELFARE"));
        String charity = platform.joinVerified(charityRep, admin, "Banco Bench", "THIRD_SECTOR", List.of("HOUSING", "WELFARE"));
        String company = platform.joinVerified(companyRep, admin, "Bench Srl", "MARKET", List.of("HOUSING"));
        String project = platform.openProject(coordinator, "Casa Bench");
        platform.join(coordinator, project, charity, charityRep, "SERVICE_PROVIDER");
        platform.join(coordinator, project, company, companyRep, "FUNDER");
        List<String> types = List.of("VOLUNTEER_HOURS", "FUNDING", "FACILITY", "EQUIPMENT", "EXPERTISE");
        List<String> units = List.of("hours", "EUR", "rooms", "kits", "hours");
        List<String> needs = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            needs.add(platform.need(coordinator, project, types.get(i), "1000", units.get(i), "Need " + (i + 1) + " of the bench"));
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (int i = 0; i < 50; i++) {
            String rep = i % 2 == 0 ? charityRep : companyRep;
            int n = i % types.size();
            Map<String, Object> pledge = new LinkedHashMap<>();
            pledge.put("projectId", project);
            pledge.put("needId", needs.get(n));
            pledge.put("type", types.get(n));
            pledge.put("quantity", String.valueOf(10 + i));
            pledge.put("unit", units.get(n));
            pledge.put("dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(30 + i).toString());
            pledge.put("description", "Bench contribution " + i);
            if (i % 2 == 1) {
                pledge.put("valuation", Map.of("amount", (100 + i) + ".50", "currency", "EUR"));
            }
            String id = platform.api(rep, "POST", "/api/v1/contributions", pledge, 201).getString("id");
            if (i % 5 == 0) {
                platform.api(rep, "POST", "/api/v1/contributions/" + id + "/deliveries", Map.of("quantity", "3", "deliveredOn", today), 201);
            }
        }
        for (int i = 0; i < 10; i++) {
            var risk = platform.api(coordinator, "POST", "/api/v1/risks", Map.of("projectId", project, "category", "OPERATIONAL",
                    "title", "Bench risk " + i, "likelihood", 1 + i % 5, "impact", 1 + (i * 3) % 5, "ownerPartnerId", city), 201);
            platform.api(coordinator, "PUT", "/api/v1/risks/" + risk.getString("id") + "/allocations", List.of(
                    Map.of("partnerId", city, "sharePercent", "40"), Map.of("partnerId", charity, "sharePercent", "30"),
                    Map.of("partnerId", company, "sharePercent", "30")), 200, Map.of("If-Match", "\"" + risk.getLong("version") + "\""));
        }
        for (int i = 0; i < 2; i++) {
            String indicator = platform.api(coordinator, "POST", "/api/v1/projects/" + project + "/indicators",
                    Map.of("name", "Bench indicator " + i, "unit", "people", "baseline", "0", "target", "100"), 201).getString("id");
            for (int m = 1; m <= 3; m++) {
                platform.api(coordinator, "POST", "/api/v1/projects/" + project + "/indicators/" + indicator + "/measurements",
                        Map.of("value", String.valueOf(m * 10), "measuredAt", LocalDate.now(ZoneOffset.UTC).minusDays(3 - m).toString()), 201);
            }
        }
        return project;
    }

    /** Signs in through Keycloak's login page in the browser and keeps the session's cookies. */
    private void signIn(ConsoleStack platform, String username) {
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
            BrowserContext context = browser.newContext();
            platform.signIn(context, username);
            context.cookies().stream().filter(c -> c.domain.contains("localhost")).forEach(c -> cookies.put(c.name, c.value));
        }
    }

    /**
     * Sequential renders, one started at most every {@link #PACE}: each page makes six API calls through the gateway
     * as the same user (me, the unread count, the dashboard, the indicators, and each indicator's measurements), whose
     * rate limit (50 requests/s) a tighter loop would hit. Every answer must be the whole page (both charts drawn), so
     * a refused API call cannot make a page look fast.
     */
    private List<Long> rounds(String url, int count) throws IOException, InterruptedException {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pace();
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = get(url, Map.of());
            micros.add((System.nanoTime() - start) / 1_000);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(charted(new String(answer.body(), StandardCharsets.UTF_8))).as("charts on the page measured").isEqualTo(2);
        }
        return micros;
    }

    private void warmUp(String url) throws IOException, InterruptedException {
        for (int i = 0; i < WARM_UP; i++) {
            pace();
            assertThat(get(url, Map.of()).statusCode()).isEqualTo(200);
        }
    }

    /** How many indicator charts the page drew with their 3 measurements. */
    private static int charted(String html) {
        return html.split("data-points=\"3\"", -1).length - 1;
    }

    private void pace() throws InterruptedException {
        long wait = lastStart + PACE.toNanos() - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        lastStart = System.nanoTime();
    }

    private HttpResponse<byte[]> get(String url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        headers.forEach(request::header);
        HttpResponse<byte[]> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        for (String set : answer.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return answer;
    }

    /** The page and the stylesheets and scripts it links: bytes as served with Accept-Encoding, and gzipped here. */
    private String weight(String base, String path, String html) throws IOException, InterruptedException {
        List<String> urls = new ArrayList<>();
        urls.add(path);
        Matcher linked = Pattern.compile("<(?:link[^>]+rel=\"stylesheet\"[^>]+href|script[^>]+src)=\"([^\"]+)\"").matcher(html);
        while (linked.find()) {
            urls.add(linked.group(1));
        }
        StringBuilder out = new StringBuilder(String.format("%nfirst load (Accept-Encoding: gzip, br):%n"));
        long served = 0;
        long gzipped = 0;
        long raw = 0;
        for (String url : urls) {
            HttpResponse<byte[]> answer = get(base + url, Map.of("Accept-Encoding", "gzip, br"));
            String encoding = answer.headers().firstValue("Content-Encoding").orElse("identity");
            byte[] plain = path.equals(url) ? html.getBytes(StandardCharsets.UTF_8)
                    : get(base + url, Map.of()).body();
            long gz = gzip(plain);
            served += answer.body().length;
            gzipped += gz;
            raw += plain.length;
            out.append(String.format("  %-52s %3d  %8s  %,9d B served  %,9d B gzip  %,9d B plain%n", url, answer.statusCode(), encoding,
                    answer.body().length, gz, plain.length));
        }
        out.append(String.format("  total: %,d B served (%.1f KB), %,d B gzip (%.1f KB), %,d B plain; target <= 150 KB compressed%n",
                served, served / 1024.0, gzipped, gzipped / 1024.0, raw));
        return out.toString();
    }

    private static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }

    private static String line(String what, List<Long> micros) {
        return String.format("%s: p50 %.1f ms  p90 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (target p95 <= 150 ms)%n", what,
                at(micros, 0.50) / 1000.0, at(micros, 0.90) / 1000.0, at(micros, 0.95) / 1000.0, at(micros, 0.99) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0);
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
