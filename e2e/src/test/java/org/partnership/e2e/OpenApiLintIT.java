package org.partnership.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The platform's one API description, as a client meets it at the gateway: {@code /q/openapi} (YAML, or JSON with
 * {@code ?format=json}) holds the gateway's and all three services' operations under their public paths, Swagger UI
 * shows it, and it lints clean (no error) with Spectral's OpenAPI ruleset ({@code .spectral.yaml}). Spectral is the
 * version pinned in {@code tools/openapi-lint} (installed with {@code npm ci} into {@code e2e/target/openapi-lint});
 * on a machine without Node.js and npm the lint is skipped, loudly ({@code .ci/run} installs them).
 */
@Order(4)
@ExtendWith(Platform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiLintIT {

    /** An operation of each service and of the gateway, by public path and method. */
    private static final Map<String, String> OPERATIONS = Map.of(
            "/api/v1/me", "get",
            "/api/v1/dashboards/projects/{id}", "get",
            "/api/v1/partners", "post",
            "/api/v1/partners/{id}/verify", "post",
            "/api/v1/projects/{id}/participants/{partnerId}/accept", "post",
            "/api/v1/projects/{id}/readiness", "get",
            "/api/v1/contributions/{id}/deliveries", "post",
            "/api/v1/risks/{id}/allocations", "put",
            "/api/v1/needs", "get",
            "/api/v1/commitments", "get");
    private static final List<String> PUBLIC_PREFIXES = List.of("/api/v1/me", "/api/v1/dashboards/", "/api/v1/partners",
            "/api/v1/projects", "/api/v1/proposals", "/api/v1/needs", "/api/v1/contributions", "/api/v1/risks", "/api/v1/commitments",
            "/api/v1/notifications",
            // audit (#22)
            "/api/v1/audit");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private static final Path REPO = Path.of(System.getProperty("partnership.repo", "..")).toAbsolutePath().normalize();
    private static final Path TARGET = REPO.resolve("e2e").resolve("target");

    /** This run's document, written to e2e/target/openapi.json. */
    private static Path fetched;

    @Test
    @Order(1)
    void shouldDescribeEveryServiceUnderItsPublicPathsWithSwaggerUi() throws IOException {
        JsonPath doc = JsonPath.from(fetch().toFile());

        assertThat(doc.getString("openapi")).startsWith("3.");
        assertThat(doc.getMap("info")).as("every service answered the gateway").doesNotContainKey("x-unavailable-services");
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        OPERATIONS.forEach((path, method) -> assertThat(paths).as("paths").containsKey(path)
                .extractingByKey(path).satisfies(item -> assertThat(item).as(path).containsKey(method)));
        List<String> unrouted = paths.keySet().stream().filter(p -> PUBLIC_PREFIXES.stream().noneMatch(p::startsWith)).toList();
        assertThat(unrouted).as("paths the gateway does not route").isEmpty();
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                Map<?, ?> op = (Map<?, ?>) operation;
                Map<?, ?> responses = (Map<?, ?>) op.get("responses");
                boolean problems = responses != null && responses.keySet().stream().anyMatch(code -> String.valueOf(code).matches("[45]\\d\\d"));
                if (responses != null) {
                    responses.forEach((code, response) -> {
                        Map<?, ?> content = (Map<?, ?>) resolve(doc, (Map<?, ?>) response).get("content");
                        if (String.valueOf(code).matches("[45]\\d\\d") && (content == null || !content.containsKey("application/problem+json"))) {
                            undocumented.add(method.toUpperCase() + " " + path + " (" + code + " is not an RFC 9457 application/problem+json)");
                        }
                    });
                }
                boolean secured = op.get("security") != null || doc.get("security") != null;
                if (!problems || !secured || op.get("operationId") == null) {
                    undocumented.add(method.toUpperCase() + " " + path + (problems ? "" : " (no error response)")
                            + (secured ? "" : " (no security requirement)") + (op.get("operationId") != null ? "" : " (no operationId)"));
                }
            }
        }));
        assertThat(undocumented).as("operations without (problem+json) error responses, security or id").isEmpty();

        given().baseUri(Platform.stack().gatewayUrl()).get("/q/openapi").then().statusCode(200)
                .contentType(containsString("yaml")).body(containsString("openapi: ")).body(containsString("/api/v1/risks/{id}/allocations:"));
        given().baseUri(Platform.stack().gatewayUrl()).get("/q/swagger-ui/").then().statusCode(200)
                .contentType(containsString("html")).body(containsString("/q/openapi?format=json"));
        given().baseUri(Platform.stack().gatewayUrl()).redirects().follow(true).get("/q/swagger-ui").then().statusCode(200);
    }

    @Test
    @Order(2)
    void shouldLintCleanWithSpectralsOpenApiRuleset() throws Exception {
        Path document = fetch();
        String missing = missingNode();
        if (missing != null) {
            String banner = "*".repeat(110);
            System.err.println(banner + "\n* WARNING: " + missing + ": the aggregated OpenAPI description is NOT linted with "
                    + "Spectral in this run\n* (install Node.js 18+ and npm, e.g. apt-get install nodejs npm; .ci/run does)\n" + banner);
            Assumptions.abort(missing + ": Spectral lint skipped");
        }
        Path spectral = installSpectral();
        Path report = TARGET.resolve("spectral.json");
        Files.deleteIfExists(report);
        Process lint = new ProcessBuilder(spectral.toString(), "lint", "--ruleset", REPO.resolve(".spectral.yaml").toString(),
                "--format", "json", "--output", report.toString(), "--fail-severity", "error", document.toString())
                .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(TARGET.resolve("spectral.log").toFile()).start();
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("spectral finished within 5 minutes").isTrue();
        assertThat(report).as("spectral's report (exit %d, log %s)", lint.exitValue(), Files.readString(TARGET.resolve("spectral.log")))
                .isRegularFile();

        List<Map<String, Object>> results = JsonPath.from(report.toFile()).getList("$");
        List<String> errors = new ArrayList<>();
        Map<String, Integer> others = new TreeMap<>();
        for (Map<String, Object> r : results) {
            int severity = ((Number) r.get("severity")).intValue();
            if (severity == 0) {
                errors.add(r.get("code") + " at " + String.join(".", strings(r.get("path"))) + ": " + r.get("message"));
            } else {
                others.merge(List.of("error", "warning", "info", "hint").get(severity) + " " + r.get("code"), 1, Integer::sum);
            }
        }
        System.out.println("Spectral (spectral:oas) on the aggregated OpenAPI description: " + errors.size() + " errors, "
                + others.values().stream().mapToInt(Integer::intValue).sum() + " warnings/infos/hints " + others
                + "; report in " + REPO.relativize(report));
        errors.forEach(e -> System.out.println("  ERROR " + e));
        assertThat(errors).as("Spectral errors in the aggregated OpenAPI description (report: %s)", REPO.relativize(report)).isEmpty();
        assertThat(lint.exitValue()).as("spectral's exit status").isZero();
    }

    /**
     * Every description (the platform's, each service's and the gateway's own) carries the project's licence
     * (Apache-2.0, LICENSE) and the API's version: {@code v<major> (<project version>)}, the major being the one of
     * every path ({@code /api/v1/...}) and the project version the build's (http-support's filtered defaults).
     */
    @Test
    @Order(5)
    void shouldCarryTheLicenceAndTheApiVersionInEveryDescription() throws IOException {
        Map<String, JsonNode> descriptions = new TreeMap<>();
        descriptions.put("the platform's /q/openapi", RawHttp.JSON.readTree(fetch().toFile()));
        descriptions.put("the gateway's own", RawHttp.JSON.readTree(given().baseUri(Platform.stack().gatewayUrl())
                .get("/q/openapi-gateway?format=json").then().statusCode(200).extract().asString()));
        for (org.partnership.stack.Component service : org.partnership.stack.Component.BACKENDS) {
            descriptions.put(service.module() + "'s own", RawHttp.JSON.readTree(given().baseUri(Platform.stack().url(service))
                    .get("/q/openapi?format=json").then().statusCode(200).extract().asString()));
        }
        String projectVersion = System.getProperty("partnership.version");
        assertThat(projectVersion).as("the project version (failsafe's partnership.version)").isNotBlank();
        descriptions.forEach((name, doc) -> {
            JsonNode info = doc.path("info");
            assertThat(info.path("license").path("name").asText()).as("licence of %s", name).isEqualTo("Apache-2.0");
            assertThat(info.path("license").path("url").asText()).as("licence URL of %s", name)
                    .isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
            Matcher version = Pattern.compile("v(\\d+) \\((.+)\\)").matcher(info.path("version").asText());
            assertThat(version.matches()).as("version of %s: v<major> (<project version>), was %s", name, info.path("version")).isTrue();
            assertThat(version.group(2)).as("project version in the version of %s", name).isEqualTo(projectVersion);
            List<String> otherMajor = new ArrayList<>();
            doc.path("paths").fieldNames().forEachRemaining(p -> {
                if (!p.startsWith("/api/v" + version.group(1) + "/")) {
                    otherMajor.add(p);
                }
            });
            assertThat(otherMajor).as("paths of %s outside /api/v%s/", name, version.group(1)).isEmpty();
        });
        assertThat(REPO.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004");
    }

    @Test
    @Order(6)
    void shouldDescribeEveryParameterAndHeader() throws IOException {
        JsonNode doc = RawHttp.JSON.readTree(fetch().toFile());
        List<String> undescribed = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> {
            path.getValue().path("parameters").forEach(p -> describedParameter(doc, p, path.getKey(), undescribed));
            path.getValue().fields().forEachRemaining(op -> {
                if (!METHODS.contains(op.getKey())) {
                    return;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                op.getValue().path("parameters").forEach(p -> describedParameter(doc, p, name, undescribed));
                op.getValue().path("responses").fields().forEachRemaining(r -> deref(doc, r.getValue()).path("headers").fields()
                        .forEachRemaining(h -> {
                            if (deref(doc, h.getValue()).path("description").asText().isBlank()) {
                                undescribed.add(name + ": response " + r.getKey() + "'s header " + h.getKey());
                            }
                        }));
            });
        });
        doc.path("components").path("headers").fields().forEachRemaining(h -> {
            if (h.getValue().path("description").asText().isBlank()) {
                undescribed.add("components.headers." + h.getKey());
            }
        });
        doc.path("components").path("parameters").fields().forEachRemaining(p -> {
            if (p.getValue().path("description").asText().isBlank()) {
                undescribed.add("components.parameters." + p.getKey());
            }
        });
        assertThat(undescribed).as("parameters and headers without a description").isEmpty();
    }

    /**
     * The catalogue of problem types ({@code x-problem-types}) is exactly what the code can answer with: every type
     * URI the services, http-support and the gateway can put in a problem (read from their sources) has an entry
     * with a status and a description, the catalogue has no type the code cannot emit, and every declared 4xx
     * response names the types it can carry. (The contract validator checks, on every answer of the suite, that a
     * problem's type is one its response names.)
     */
    @Test
    @Order(7)
    void shouldListEveryProblemTypeTheCodeCanAnswerWith() throws IOException {
        JsonNode doc = RawHttp.JSON.readTree(fetch().toFile());
        Map<String, JsonNode> catalogue = new TreeMap<>();
        doc.path("x-problem-types").forEach(t -> catalogue.put(t.path("type").asText(), t));
        assertThat(catalogue).as("the description's problem type catalogue (x-problem-types)").isNotEmpty();
        catalogue.forEach((type, entry) -> {
            assertThat(entry.path("description").asText()).as("meaning of %s", type).isNotBlank();
            assertThat(entry.path("status").asInt()).as("status of %s", type).isBetween(400, 599);
        });

        ProblemTypeScan scan = ProblemTypeScan.of(REPO);
        assertThat(scan.unknownSites()).as("places that answer with a problem type this test cannot read from the source "
                + "(use a literal slug, or teach ProblemTypeScan how it is forwarded)").isEmpty();
        Map<String, String> emitted = scan.types();
        assertThat(emitted).as("problem types found in the code").hasSizeGreaterThan(20);
        List<String> missing = emitted.entrySet().stream().filter(e -> !catalogue.containsKey(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        assertThat(missing).as("problem types the code can answer with but the description's catalogue lacks").isEmpty();
        List<String> stale = catalogue.keySet().stream().filter(t -> !emitted.containsKey(t)).toList();
        assertThat(stale).as("catalogued problem types no code answers with").isEmpty();

        List<String> unnamed = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                op.getValue().path("responses").fields().forEachRemaining(r -> {
                    JsonNode named = deref(doc, r.getValue()).path("x-problem-types");
                    if (r.getKey().matches("4\\d\\d") && (!named.isArray() || named.isEmpty())) {
                        unnamed.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + r.getKey());
                    }
                    named.forEach(t -> {
                        if (!catalogue.containsKey(t.asText())) {
                            unnamed.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + r.getKey() + " names " + t.asText() + ", not in the catalogue");
                        }
                    });
                });
            }
        }));
        assertThat(unnamed).as("4xx responses that do not name their problem types from the catalogue").isEmpty();
        System.out.println("Problem types: " + catalogue.size() + " in the catalogue, " + emitted.size() + " found in the code");
    }

    private static void describedParameter(JsonNode doc, JsonNode parameter, String where, List<String> undescribed) {
        JsonNode p = deref(doc, parameter);
        if (p.path("description").asText().isBlank()) {
            undescribed.add(where + ": parameter " + p.path("name").asText() + " (" + p.path("in").asText() + ")");
        }
    }

    private static JsonNode deref(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** A response object, or the component its $ref names. */
    private static Map<?, ?> resolve(JsonPath doc, Map<?, ?> response) {
        Object ref = response.get("$ref");
        if (ref instanceof String r && r.startsWith("#/components/responses/")) {
            Map<String, Map<?, ?>> responses = doc.getMap("components.responses");
            Map<?, ?> named = responses == null ? null : responses.get(r.substring("#/components/responses/".length()));
            return named == null ? Map.of() : named;
        }
        return response;
    }

    /** GET /q/openapi?format=json from the gateway, once per run, into e2e/target/openapi.json. */
    private static synchronized Path fetch() throws IOException {
        if (fetched == null) {
            String json = given().baseUri(Platform.stack().gatewayUrl()).queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).contentType(containsString("json")).extract().asString();
            Files.createDirectories(TARGET);
            fetched = Files.writeString(TARGET.resolve("openapi.json"), json);
        }
        return fetched;
    }

    /** Why Spectral cannot run here (no Node.js 18+ or no npm), or null when it can. */
    private static String missingNode() {
        String node = run("node", "--version");
        Matcher version = Pattern.compile("v(\\d+)\\.").matcher(node == null ? "" : node);
        if (!version.find()) {
            return "no Node.js on this machine";
        }
        if (Integer.parseInt(version.group(1)) < 18) {
            return "Node.js " + node.trim() + " is too old for Spectral (18+ needed)";
        }
        return run("npm", "--version") == null ? "no npm on this machine" : null;
    }

    /** The pinned Spectral from tools/openapi-lint, installed with npm ci into e2e/target/openapi-lint unless already there. */
    private static Path installSpectral() throws Exception {
        Path source = REPO.resolve("tools").resolve("openapi-lint");
        Path dir = TARGET.resolve("openapi-lint");
        Path bin = dir.resolve("node_modules").resolve(".bin").resolve("spectral");
        Path lock = dir.resolve("package-lock.json");
        byte[] wanted = Files.readAllBytes(source.resolve("package-lock.json"));
        if (Files.isExecutable(bin) && Files.isRegularFile(lock) && java.util.Arrays.equals(wanted, Files.readAllBytes(lock))) {
            return bin;
        }
        Files.createDirectories(dir);
        Files.copy(source.resolve("package.json"), dir.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(source.resolve("package-lock.json"), lock, StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(TARGET.resolve("npm-ci.log").toFile());
        npm.environment().put("SCARF_ANALYTICS", "false");
        Process process = npm.start();
        boolean done = process.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        String log = Files.readString(TARGET.resolve("npm-ci.log"));
        assertThat(done && process.exitValue() == 0).as("npm ci of tools/openapi-lint (Spectral) succeeded:\n%s", log).isTrue();
        assertThat(bin).as("spectral installed").isExecutable();
        return bin;
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            l.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }
}
