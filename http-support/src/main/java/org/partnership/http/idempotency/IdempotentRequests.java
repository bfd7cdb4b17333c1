package org.partnership.http.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.reactive.mutiny.Mutiny;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes a create safe to retry; resources call it, around their service's create. With an {@code Idempotency-Key},
 * the first request's response is stored in the same transaction as the change; a retry with the same key (by the
 * same caller) gets that response again (header {@value #REPLAYED}) and changes nothing; the same key with a
 * different request is a 422. Without a key the create simply runs.
 * <p>
 * The service's {@code @WithTransaction} is the transaction. With a key this opens it one step earlier, so the
 * record of the response commits (or rolls back) with the change; the service's transaction joins it.
 * The table is {@code idempotency_record} (migration and pruning in the messaging module, with the outbox's).
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private static final String CLAIM = """
            insert into idempotency_record (principal, idempotency_key, request_hash, status)
            values (:principal, :key, :hash, 0) on conflict do nothing
            """;
    private static final String COMPLETE = """
            update idempotency_record set status = :status, location = :location, etag = :etag, body = :body
             where principal = :principal and idempotency_key = :key
            """;
    private static final String FIND = """
            select request_hash, status, location, etag, body from idempotency_record
             where principal = :principal and idempotency_key = :key
            """;

    private final ObjectMapper mapper;

    public IdempotentRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What a create answers: 201, the new object's Location and version (ETag) when it has them, and the body. */
    public record Created(URI location, Long version, Object body) {
    }

    /** A response as stored for replay: status, optional Location and ETag, JSON body. */
    public record StoredResponse(int status, String location, String etag, String body, boolean replayed) {
        public static StoredResponse of(int status, String location, String etag, String body) {
            return new StoredResponse(status, location, etag, body, false);
        }

        public Response toResponse() {
            Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
            if (location != null) {
                builder.header("Location", location);
            }
            if (etag != null) {
                builder.header("ETag", etag);
            }
            if (replayed) {
                builder.header(REPLAYED, "true");
            }
            return builder.build();
        }
    }

    /**
     * The one way every create runs: {@code create} (a service call) once per (principal, key), answered 201.
     * "The same request" is the same method, path and body.
     */
    public Uni<Response> create(String principal, String key, UriInfo uri, Object request, Supplier<Uni<Created>> create) {
        return once(principal, key, "POST " + uri.getPath(), request, () -> create.get().map(this::stored))
                .map(StoredResponse::toResponse);
    }

    /**
     * Runs {@code action} once per (principal, key), in one transaction with the record of its response.
     *
     * @param request the request body (its JSON identifies "the same request")
     */
    public Uni<StoredResponse> once(String principal, String key, String operation, Object request,
            Supplier<Uni<StoredResponse>> action) {
        if (key == null) {
            return action.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            return Uni.createFrom().failure(ProblemException.badRequest("validation", "Idempotency-Key must be 1-200 visible ASCII characters",
                    List.of(new Problem.FieldError(HEADER, "1-200 visible ASCII characters"))));
        }
        String hash = hash(operation, request);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter("principal", principal).setParameter("key", key).setParameter("hash", hash)
                .executeUpdate()
                .chain(claimed -> claimed == 1
                        ? action.get().call(response -> complete(session, principal, key, response))
                        : replay(session, principal, key, hash))));
    }

    private StoredResponse stored(Created created) {
        try {
            return StoredResponse.of(201, created.location() == null ? null : created.location().toString(),
                    created.version() == null ? null : "\"" + created.version() + "\"", mapper.writeValueAsString(created.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private Uni<Integer> complete(Mutiny.Session session, String principal, String key, StoredResponse response) {
        return session.createNativeQuery(COMPLETE)
                .setParameter("status", response.status()).setParameter("location", response.location())
                .setParameter("etag", response.etag()).setParameter("body", response.body())
                .setParameter("principal", principal).setParameter("key", key)
                .executeUpdate();
    }

    private Uni<StoredResponse> replay(Mutiny.Session session, String principal, String key, String hash) {
        return session.createNativeQuery(FIND, Object[].class)
                .setParameter("principal", principal).setParameter("key", key)
                .getSingleResult()
                .map(row -> {
                    if (!hash.equals(row[0])) {
                        throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                                "this Idempotency-Key was already used for a different request; use a new key");
                    }
                    return new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4], true);
                });
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(mapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
