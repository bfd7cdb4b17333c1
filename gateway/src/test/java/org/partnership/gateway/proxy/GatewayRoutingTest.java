package org.partnership.gateway.proxy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.partnership.gateway.UpstreamStubResource;
import org.partnership.testsupport.Tokens;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

/** The front door: who gets through, what reaches the services, and what callers get when a service is down. */
@QuarkusTest
class GatewayRoutingTest {

    private static String token() {
        return Tokens.partnerRep(UUID.randomUUID());
    }

    @Test
    void shouldRouteEachPrefixWithTheCallersTokenAndCorrelation() {
        String token = token();
        given().auth().oauth2(token).header("X-Request-Id", "req-123")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .header("Connection", "keep-alive, X-Secret-Hop").header("Keep-Alive", "timeout=5").header("X-Secret-Hop", "for the gateway only")
                .queryParam("sector", "MARKET")
                .get("/api/v1/partners/abc")
                .then().statusCode(200)
                .header("X-Request-Id", "req-123")
                .body("path", is("/api/v1/partners/abc"))
                .body("query", is("sector=MARKET"))
                .body("headers.authorization", is("Bearer " + token))
                .body("headers.x-request-id", is("req-123"))
                .body("headers.traceparent", is("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
                .body("headers.x-forwarded-for", notNullValue())
                .body("headers.x-forwarded-proto", is("http"))
                .body("headers.keep-alive", nullValue())
                .body("headers.x-secret-hop", nullValue())
                // the service sees the caller's host, so the links it builds (Location) are the gateway's public ones
                .body("headers.host", is("localhost:" + RestAssured.port));
        given().auth().oauth2(token).get("/api/v1/projects").then().statusCode(200).body("path", is("/api/v1/projects"));
    }

    @Test
    void shouldGenerateACorrelationIdAndTraceContextWhenMissing() {
        String requestId = given().auth().oauth2(token()).get("/api/v1/partners")
                .then().statusCode(200)
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .extract().header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        given().auth().oauth2(token()).header("X-Request-Id", "bad id with spaces\u0001").get("/api/v1/partners")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void shouldNotRouteLookalikePrefixes() {
        given().auth().oauth2(token()).get("/api/v1/partnersXYZ").then().statusCode(404);
    }

    @Test
    void shouldStreamBodiesBothWays() {
        String body = "{\"description\":\"" + "x".repeat(100_000) + "\"}";
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(body).post("/api/v1/partners")
                .then().statusCode(200).body("method", is("POST")).body("bodySize", is(body.length()));
    }

    @Test
    void shouldPassUpstreamStatusesThrough() {
        given().auth().oauth2(token()).get("/api/v1/partners/status/404").then().statusCode(404);
        given().auth().oauth2(token()).get("/api/v1/partners/status/409").then().statusCode(409);
    }

    @Test
    void shouldRefuseMissingAndInvalidTokensWithAProblem() {
        given().get("/api/v1/partners").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer")).header("X-Request-Id", notNullValue())
                .body("type", is("urn:partnership:problem:unauthenticated"));
        given().header("Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l").get("/api/v1/partners").then().statusCode(401);
        for (String bad : new String[] {
                Tokens.user("forger").roles("admin").forged().sign(),
                Tokens.user("expired").roles("admin").issuedAgo(Duration.ofHours(1), Duration.ofMinutes(5)).sign(),
                Tokens.user("future").roles("admin").notBefore(java.time.Instant.now().plus(Duration.ofHours(1))).sign(),
                Tokens.user("other-realm").roles("admin").issuer("https://keycloak.test/realms/other").sign(),
                Tokens.user("other-audience").roles("admin").audience("some-other-api").sign(),
                Tokens.user("unsigned").roles("admin").unsigned(),
                Tokens.user("alg-confusion").roles("admin").hmacWithPublicKey(),
                "garbage"}) {
            given().auth().oauth2(bad).get("/api/v1/partners").then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void shouldRefuseAnOversizedBodyBeforeTheService() {
        given().auth().oauth2(token()).contentType(ContentType.JSON).body("{\"d\":\"" + "x".repeat(300_000) + "\"}")
                .post("/api/v1/partners").then().statusCode(413).contentType("application/problem+json");
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void shouldCutOffAnOversizedBodyOfUndeclaredLengthWithA413AndKeepTheServiceAvailable(HttpClient.Version version) throws Exception {
        String token = token();
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 4; i++) { // more than the circuit's failure threshold (3)
            HttpResponse<String> response = postStreamed(version, token, Collections.nCopies(8, chunk)); // 512 KiB
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("urn:partnership:problem:payload-too-large");
        }
        assertThat(postStreamed(version, token, Collections.nCopies(3, chunk)).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void shouldStreamABodyOfUndeclaredLengthWithinTheLimit(HttpClient.Version version) throws Exception {
        HttpResponse<String> response = postStreamed(version, token(), List.of("{\"name\":".getBytes(StandardCharsets.UTF_8),
                "\"chunked\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bodySize\":18");
    }

    /** POSTs these parts as a stream without Content-Length: chunked on HTTP/1.1, DATA frames on HTTP/2 (h2c). */
    private static HttpResponse<String> postStreamed(HttpClient.Version version, String token, List<byte[]> parts) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(version).build();
        URI partners = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/partners");
        return client.send(HttpRequest.newBuilder(partners)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        parts.stream().map(ByteArrayInputStream::new).toList()))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRateLimitEachUserWithRetryAfter() {
        // 40 requests at once against a burst of 20: sent together, so a slow machine cannot refill the bucket
        String token = token();
        URI partners = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/partners");
        HttpClient client = HttpClient.newHttpClient();
        List<HttpResponse<String>> responses = IntStream.range(0, 40)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(partners).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();
        List<HttpResponse<String>> limited = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(limited).allSatisfy(r -> {
            assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        });
        // another user is not limited by this one's bucket
        given().auth().oauth2(token()).get("/api/v1/partners").then().statusCode(200);
    }

    @Test
    void shouldAnswer504WhenAServiceIsTooSlowAndGiveUpOnIt() {
        // the stub answers 200 after 3 s; the gateway's timeout is 1 s: a 504 means it did not wait for the answer
        String call = UUID.randomUUID().toString();
        given().auth().oauth2(token()).queryParam("call", call).get("/api/v1/projects/slow").then().statusCode(504)
                .contentType("application/problem+json").body("type", is("urn:partnership:problem:upstream-timeout"));
        awaitCall(call, is("abandoned"));
    }

    @Test
    void shouldAnswer503WhenAServiceIsDownAndThenOpenTheCircuit() {
        for (int i = 0; i < 3; i++) { // the failure threshold
            given().auth().oauth2(token()).get("/api/v1/risks").then().statusCode(503)
                    .contentType("application/problem+json").body("type", is("urn:partnership:problem:upstream-unavailable"))
                    .header("Retry-After", nullValue());
        }
        // the open circuit answers for the service without trying it, and says when to come back
        given().auth().oauth2(token()).get("/api/v1/commitments").then().statusCode(503)
                .body("type", is("urn:partnership:problem:upstream-unavailable")).header("Retry-After", is("30"));
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void shouldAnswerA503ProblemAtOnceWhenTheServicesConnectionDiesMidRequest(HttpClient.Version version) throws Exception {
        String token = token();
        HttpClient client = HttpClient.newBuilder().version(version).build();
        URI gateway = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        // a first request: over HTTP/2 it upgrades the connection (h2c), so the next one is an HTTP/2 stream
        assertThat(client.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/partners/abc")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        // the body was read in full when the connection died: refusing must not try to resume reading it
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/partners/reset"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"reset\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.version()).isEqualTo(version);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("urn:partnership:problem:upstream-unavailable");
        given().auth().oauth2(token).get("/api/v1/partners/abc").then().statusCode(200); // one failure: the service stays open
    }

    @Test
    void shouldNotBlameAServiceForCallersWhoHangUp() throws Exception {
        String token = token();
        URI gateway = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        for (int i = 0; i < 5; i++) { // more than the failure threshold (3)
            String call = UUID.randomUUID().toString();
            try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                socket.getOutputStream().write(("GET /api/v1/partners/slow?call=" + call + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                awaitCall(call, oneOf("received", "abandoned")); // the request reached the service: now the caller gives up
            }
            awaitCall(call, is("abandoned")); // the gateway saw the caller go and gave up on the service's answer too
        }
        given().auth().oauth2(token).get("/api/v1/partners/abc").then().statusCode(200).body("path", is("/api/v1/partners/abc"));
    }

    /** Waits until the stub upstream reports such a state for the tagged slow call (see {@link UpstreamStubResource}). */
    private static void awaitCall(String call, Matcher<String> state) {
        URI stub = URI.create(ConfigProvider.getConfig().getValue("gateway.upstreams.partners", String.class));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                given().baseUri("http://" + stub.getHost()).port(stub.getPort()).get("/stub/calls/" + call)
                        .then().statusCode(200).body(state));
    }

    @Test
    void shouldAllowTheWebConsoleOriginOnlyOnProxiedRoutes() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "PATCH")
                .options("/api/v1/partners/abc")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Allow-Methods", containsString("PATCH"));
        given().auth().oauth2(token()).header("Origin", "http://localhost:8080").get("/api/v1/partners/abc")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:8080");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/partners/abc")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(token()).header("Origin", "https://evil.example").get("/api/v1/partners/abc")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldCountProxiedRequestsPerRouteNeverPerObject() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(token()).get("/api/v1/partners/" + id).then().statusCode(200);
        given().auth().oauth2(token()).get("/api/v1/projects/" + id + "/readiness").then().statusCode(200);
        given().auth().oauth2(token()).get("/api/v1/partners").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/api/v1/partners/*\"").contains("uri=\"/api/v1/projects/*\"")
                .contains("uri=\"/api/v1/partners\"").doesNotContain(id);
    }
}
