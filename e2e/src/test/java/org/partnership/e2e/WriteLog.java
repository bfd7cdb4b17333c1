package org.partnership.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every state-changing request a test class sends to the gateway's API while it is installed, each under an
 * {@code X-Request-Id} of its own, kept with the user whose token sent it when the API accepted it (2xx) and it was not
 * an idempotent replay: the list of changes the audit trail must hold (issue #22).
 */
final class WriteLog implements Filter {

    /** One accepted change: the request, its request id, and who sent it (from the verified token's claims). */
    record Write(String method, String path, int status, String requestId, String sub, String username, String partnerId) {
    }

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Write> writes = new ArrayList<>();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        URI uri = URI.create(request.getURI());
        URI gateway = URI.create(Platform.stack().gatewayUrl());
        boolean change = uri.getPort() == gateway.getPort() && uri.getRawPath().startsWith("/api/") && !READS.contains(request.getMethod());
        if (!change) {
            return ctx.next(request, response);
        }
        String requestId = request.getHeaders().getValue("X-Request-Id");
        if (requestId == null) {
            requestId = "journey-" + UUID.randomUUID();
            request.header("X-Request-Id", requestId);
        }
        Response answer = ctx.next(request, response);
        boolean replayed = "true".equals(answer.getHeader("Idempotent-Replayed"));
        if (answer.getStatusCode() / 100 == 2 && !replayed) {
            JsonNode claims = claims(request);
            synchronized (writes) {
                writes.add(new Write(request.getMethod(), uri.getRawPath(), answer.getStatusCode(), requestId, claims.path("sub").asText(null),
                        claims.path("preferred_username").asText(null), claims.path("partner_id").asText(null)));
            }
        }
        return answer;
    }

    List<Write> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    private static JsonNode claims(FilterableRequestSpecification request) {
        String token = request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme bearer ? bearer.getAccessToken() : null;
        String header = request.getHeaders().getValue("Authorization");
        if (token == null && header != null && header.startsWith("Bearer ")) {
            token = header.substring("Bearer ".length());
        }
        if (token == null) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("not a JWT access token on a write to the API", e);
        }
    }
}
