package org.partnership.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A client that behaves as a careful integrator's would while parts of the platform fail: every request has a
 * timeout; a 5xx, a timeout or a dropped connection is retried with the same request (the same Idempotency-Key),
 * backing off from 100 ms to 2 s, for at most {@link #GIVE_UP}; a 4xx is an answer and is never retried.
 */
final class CarefulClient {

    static final Duration GIVE_UP = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    CarefulClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The final answer, and how many attempts it took; the token is asked for anew on every attempt. */
    record Answer(int status, String body, String etag, boolean replayed, int attempts, long answeredAtNanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON; an empty body is an empty object. */
        JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    /** A request body as JSON. */
    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Answer post(String path, String json, String idempotencyKey, Supplier<String> token) {
        return send("POST", path, json, idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey), token);
    }

    Answer put(String path, String json, String ifMatch, Supplier<String> token) {
        return send("PUT", path, json, Map.of("If-Match", ifMatch), token);
    }

    Answer get(String path, Supplier<String> token) {
        return send("GET", path, null, Map.of(), token);
    }

    private Answer send(String method, String path, String json, Map<String, String> headers, Supplier<String> token) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        long backoff = 100;
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token.get())
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return new Answer(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null),
                            response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false),
                            attempt, System.nanoTime());
                }
            } catch (IOException timeoutOrReset) {
                // retried below, like a 5xx
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(method + " " + path + " still failing after " + GIVE_UP + " (" + attempt + " attempts)");
            }
            pause(backoff);
            backoff = Math.min(2000, backoff * 2);
        }
    }

    /** The client's back-off between attempts (not a test waiting for a condition). */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
