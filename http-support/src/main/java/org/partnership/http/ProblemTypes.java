package org.partnership.http;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The problem types ({@code type} URIs of RFC 9457 problems) the platform answers with, each with its status and
 * meaning, and how the API description lists them:
 * <ul>
 * <li>the catalogue at the description's root, {@value #EXTENSION}: one entry per type ({@code type}, {@code status},
 * {@code title}, {@code description}), sorted by type; the gateway merges the services' catalogues into the platform's;</li>
 * <li>each declared error response names the types it can carry, {@value #EXTENSION}: {@code [uri, ...]}: the types
 * of that status the service (or the gateway in front of it) answers with.</li>
 * </ul>
 * {@link #COMMON} are answered by every service (http-support) or by the gateway; each service declares its own with a
 * build-time filter calling {@link #declare}. e2e's OpenApiLintIT fails when the code emits a type the catalogue lacks,
 * and the contract validator when an answer carries a type its response does not name.
 */
public final class ProblemTypes {

    public static final String EXTENSION = "x-problem-types";

    /** One kind of problem: {@code urn:partnership:problem:<slug>}, the status it comes with, and what it means. */
    public record ProblemType(String slug, int status, String title, String meaning) {

        public String uri() {
            return Problem.TYPE_PREFIX + slug;
        }
    }

    public static ProblemType type(String slug, int status, String title, String meaning) {
        return new ProblemType(slug, status, title, meaning);
    }

    /** Answered by every service (http-support's mappers and filters) or by the gateway in front of them. */
    public static final List<ProblemType> COMMON = List.of(
            type("validation", 400, "Invalid request", "A field, parameter or header is invalid; errors[] names each invalid field and the rule it broke"),
            type("malformed-json", 400, "Malformed JSON", "The request body is not valid JSON"),
            type("bad-request", 400, "Bad Request", "The HTTP layer could not read the request"),
            type("incomplete-request", 400, "Incomplete request", "The connection closed before the whole request arrived"),
            type("unauthenticated", 401, "Unauthenticated", "No valid bearer access token (missing, expired, tampered or not issued by the realm); the answer carries WWW-Authenticate"),
            type("forbidden", 403, "Forbidden", "The caller's role or organisation may not perform this operation on this object (checked before the body is validated)"),
            type("not-found", 404, "Not found", "No such resource, or it is not visible to the caller"),
            type("method-not-allowed", 405, "Method Not Allowed", "The resource does not support this HTTP method"),
            type("not-acceptable", 406, "Not Acceptable", "The Accept header asks for a representation other than application/json"),
            type("concurrent-change", 409, "Conflict", "Someone changed the same object at the same moment; reload it and try again"),
            type("stale-version", 412, "Precondition failed", "If-Match names a version that is no longer the current one: someone changed it since you read it"),
            type("payload-too-large", 413, "Payload too large", "The request body is larger than the limit (256 KiB)"),
            type("unsupported-media-type", 415, "Unsupported Media Type", "The request body is not application/json"),
            type("idempotency-key-reused", 422, "Idempotency key reused", "The Idempotency-Key was already used with a different body"),
            type("precondition-required", 428, "Precondition required", "The change needs an If-Match header with the ETag of the version you read"),
            type("rate-limited", 429, "Too many requests", "The caller sent more requests than the gateway's rate limit allows; wait Retry-After seconds"),
            type("internal", 500, "Internal error", "The request could not be completed because of a fault of the platform; quote requestId when reporting it"),
            type("upstream-unavailable", 503, "Service unavailable", "The service behind the gateway does not answer (down or its circuit is open); try again shortly"),
            type("upstream-timeout", 504, "Gateway timeout", "The service behind the gateway did not answer in time"));

    private ProblemTypes() {
    }

    /**
     * Adds these types to the description's catalogue (those already there are kept) and names each on the declared
     * error responses of its status. Safe to call from several build-time filters, in any order.
     */
    public static void declare(OpenAPI openAPI, List<ProblemType> types) {
        Map<String, Map<String, Object>> catalogue = new LinkedHashMap<>();
        Object existing = openAPI.getExtensions() == null ? null : openAPI.getExtensions().get(EXTENSION);
        if (existing instanceof List<?> entries) {
            entries.forEach(e -> {
                if (e instanceof Map<?, ?> entry) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    entry.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    catalogue.put(String.valueOf(entry.get("type")), copy);
                }
            });
        }
        for (ProblemType t : types) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", t.uri());
            entry.put("status", t.status());
            entry.put("title", t.title());
            entry.put("description", t.meaning());
            catalogue.putIfAbsent(t.uri(), entry);
        }
        List<Map<String, Object>> sorted = new ArrayList<>(catalogue.values());
        sorted.sort(Comparator.comparing(e -> String.valueOf(e.get("type"))));
        openAPI.addExtension(EXTENSION, sorted);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            operation.getResponses().getAPIResponses().forEach((code, response) -> name(response, code, types));
        }));
    }

    private static void name(APIResponse response, String code, List<ProblemType> types) {
        if (response.getRef() != null || !code.matches("[45]\\d\\d")) {
            return;
        }
        int status = Integer.parseInt(code);
        TreeSet<String> uris = new TreeSet<>();
        Object existing = response.getExtensions() == null ? null : response.getExtensions().get(EXTENSION);
        if (existing instanceof List<?> named) {
            named.forEach(u -> uris.add(String.valueOf(u)));
        }
        types.stream().filter(t -> t.status() == status).forEach(t -> uris.add(t.uri()));
        if (!uris.isEmpty()) {
            response.addExtension(EXTENSION, new ArrayList<>(uris));
        }
    }
}
