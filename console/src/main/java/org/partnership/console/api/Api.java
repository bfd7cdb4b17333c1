package org.partnership.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The public API, called through the gateway with the signed-in user's access token (token propagation: the token
 * comes from the encrypted session, refreshed by quarkus-oidc, and never reaches the browser). The console decides
 * nothing: it sends what the user asked for and shows the API's answer, problems included.
 */
@RequestScoped
public class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final ObjectMapper json;
    private final AccessTokenCredential accessToken;
    private final String gateway;
    private final Duration timeout;

    public Api(ObjectMapper json, AccessTokenCredential accessToken, @ConfigProperty(name = "console.api-url") String gateway,
            @ConfigProperty(name = "console.api-timeout", defaultValue = "5s") Duration timeout) {
        this.json = json;
        this.accessToken = accessToken;
        this.gateway = gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
        this.timeout = timeout;
    }

    public ApiResponse get(String path, Object... query) {
        return send("GET", path, null, Map.of(), query);
    }

    /** A GET with headers of its own (e.g. Accept-Language, for texts the API writes in the user's language). */
    public ApiResponse get(String path, Map<String, String> headers, Object... query) {
        return send("GET", path, null, headers, query);
    }

    /**
     * Every item of a paged list (100 a page, at most 10 pages): {@code {items, next}}, {@code next} not null when
     * the list was longer than that; a refusal or problem as the API answered it.
     */
    public ApiResponse all(String path, Object... query) {
        return ApiResponse.allPages(cursor -> {
            Object[] paged = java.util.Arrays.copyOf(query, query.length + 4);
            paged[query.length] = "limit";
            paged[query.length + 1] = 100;
            paged[query.length + 2] = "cursor";
            paged[query.length + 3] = cursor;
            return get(path, paged);
        }, 10);
    }

    public ApiResponse post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public ApiResponse put(String path, Object body, Map<String, String> headers) {
        return send("PUT", path, body, headers);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** The API's CSV of a list (Accept: text/csv), as text. */
    public String csv(String path, Object... query) {
        // setHeader: request() already asked for JSON, and a second Accept header would still get JSON
        HttpRequest request = request(path, query).setHeader("Accept", "text/csv").GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 403 || status == 404) {
                // like a page: what the user may not see does not exist for them
                throw new jakarta.ws.rs.NotFoundException();
            }
            if (status >= 500) {
                throw new ApiUnavailableException("CSV answered " + status);
            }
            if (status != 200) {
                throw new jakarta.ws.rs.WebApplicationException(status);
            }
            return response.body();
        } catch (IOException e) {
            throw new ApiUnavailableException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnavailableException("interrupted");
        }
    }

    /**
     * Several GETs sent at once (a path may carry its query): the page waits for the slowest answer, not for their
     * sum. Each answer is what {@link #get} would give, in the order of the paths; a 5xx or a failed connection is
     * {@link ApiUnavailableException} as there.
     */
    public List<ApiResponse> getEach(List<String> paths) {
        List<Pending> sent = paths.stream().map(this::getLater).toList();
        List<ApiResponse> answers = new ArrayList<>();
        try {
            for (Pending call : sent) {
                answers.add(call.answer());
            }
        } catch (ApiUnavailableException e) {
            sent.forEach(Pending::cancel);
            throw e;
        }
        return answers;
    }

    /** A GET sent now and answered later ({@link Pending#answer()}), for a call that travels alongside others. */
    public Pending getLater(String path) {
        return new Pending(path, HTTP.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** A GET on its way. */
    public final class Pending {
        private final String path;
        private final CompletableFuture<HttpResponse<byte[]>> sent;

        private Pending(String path, CompletableFuture<HttpResponse<byte[]>> sent) {
            this.path = path;
            this.sent = sent;
        }

        /** What {@link #get} would have answered; a 5xx or a failed connection is {@link ApiUnavailableException}. */
        public ApiResponse answer() {
            try {
                return Api.this.answer("GET", path, sent.join());
            } catch (CompletionException | CancellationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new ApiUnavailableException("GET " + path + ": " + cause.getClass().getSimpleName());
            }
        }

        void cancel() {
            sent.cancel(true);
        }
    }

    private ApiResponse answer(String method, String path, HttpResponse<byte[]> response) {
        JsonNode node = response.body().length == 0 ? json.nullNode() : parse(response.body());
        Log.debugf("%s %s -> %d", method, path, response.statusCode());
        ApiResponse answer = new ApiResponse(response.statusCode(), node, response.headers().firstValue("ETag").orElse(null));
        if (answer.status() >= 500) {
            throw new ApiUnavailableException(method + " " + path + " answered " + answer.status());
        }
        return answer;
    }

    private ApiResponse send(String method, String path, Object body, Map<String, String> headers, Object... query) {
        HttpRequest.Builder builder = request(path, query);
        headers.forEach(builder::header);
        try {
            if (body != null) {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return answer(method, path, HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new ApiUnavailableException(method + " " + path + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnavailableException("interrupted");
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return json.nullNode();
        }
    }

    private HttpRequest.Builder request(String path, Object... query) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i + 1 < query.length; i += 2) {
            Object value = query[i + 1];
            if (value != null && !value.toString().isBlank()) {
                q.add(query[i] + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        }
        return HttpRequest.newBuilder(URI.create(gateway + path + q)).timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken.getToken());
    }

    /** A JSON object as a map for the templates. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new LinkedHashMap<>();
        }
        return json.convertValue(node, LinkedHashMap.class);
    }
}
