package org.partnership.resources.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.partnership.http.Ids;
import org.partnership.http.Page;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.messaging.idempotency.IdempotentRequests.StoredResponse;
import org.partnership.resources.repository.ContributionRepository;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Query parameters, cursors and stored (idempotent) responses. */
@ApplicationScoped
public class Params {

    private final ObjectMapper mapper;

    public Params(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static ContributionRepository.Position position(String cursor) {
        String[] key = Page.position(cursor, 2);
        if (key == null) {
            return null;
        }
        try {
            return new ContributionRepository.Position(OffsetDateTime.parse(key[0]), Ids.uuid(key[1], "cursor"));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("validation", "cursor is not valid; use the 'next' value of a previous page",
                    List.of(new Problem.FieldError("cursor", "not a cursor from this list")));
        }
    }

    /** A response to store for Idempotency-Key replays: status, Location, ETag and the JSON body. */
    StoredResponse store(int status, String location, long version, Object body) {
        try {
            return StoredResponse.of(status, location, "\"" + version + "\"", mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    static Response toResponse(StoredResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body());
        if (stored.location() != null) {
            builder.header("Location", stored.location());
        }
        if (stored.etag() != null) {
            builder.header("ETag", stored.etag());
        }
        if (stored.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.build();
    }
}
