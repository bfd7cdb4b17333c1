package org.partnership.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Requests through the gateway exactly as written: the raw path and query, the raw body bytes (malformed JSON
 * included), a declared length or a chunked body. A 429 of the gateway's rate limit is waited out (Retry-After,
 * bounded) and the request sent again, as a well-behaved client does; every other answer is returned as it came. Every
 * answer, the 429s included, is checked against the API description ({@link ContractValidator}).
 */
final class RawHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RawHttp() {
    }

    /** What came back. */
    record Answer(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** A request to send; {@code token} null means no Authorization header. */
    record Call(String method, String path, String token, String body, Map<String, String> headers, boolean chunked) {

        static Call of(String method, String path, String token) {
            return new Call(method, path, token, null, Map.of(), false);
        }

        Call body(Object json) {
            return new Call(method, path, token, json instanceof String s ? s : write(json), headers, chunked);
        }

        Call header(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Call(method, path, token, body, more, chunked);
        }

        /** Sends the body without Content-Length (Transfer-Encoding: chunked). */
        Call withoutLength() {
            return new Call(method, path, token, body, headers, true);
        }

        Answer send() {
            return RawHttp.send(this);
        }
    }

    static Answer send(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.stack().gatewayUrl() + call.path()))
                .timeout(Duration.ofSeconds(20));
        boolean contentTypeSet = call.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type"));
        if (call.body() != null && !contentTypeSet) {
            request.header("Content-Type", "application/json");
        }
        call.headers().forEach(request::header);
        if (call.token() != null) {
            request.header("Authorization", "Bearer " + call.token());
        }
        HttpRequest.BodyPublisher body;
        if (call.body() == null) {
            body = HttpRequest.BodyPublishers.noBody();
        } else if (call.chunked()) {
            byte[] bytes = call.body().getBytes(StandardCharsets.UTF_8);
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            body = HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8);
        }
        request.method(call.method(), body);
        HttpRequest built = request.build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(call.method() + " " + call.path() + ": no answer: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            HttpResponse<String> received = response;
            if (!call.path().startsWith("/q/")) {
                ContractValidator.get().check(call.method(), call.path(), received.statusCode(),
                        received.headers().firstValue("Content-Type").orElse(null), name -> received.headers().firstValue(name).orElse(null),
                        received.body());
            }
            if (response.statusCode() == 429 && attempt < 6) {
                long wait = Optional.ofNullable(response.headers().firstValue("Retry-After").orElse(null))
                        .map(Long::parseLong).orElse(1L);
                sleep(Duration.ofSeconds(Math.min(2, Math.max(1, wait))));
                continue;
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers().map());
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
