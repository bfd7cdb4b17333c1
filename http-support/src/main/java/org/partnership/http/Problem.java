package org.partnership.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 * {@code errors} lists each invalid field of a request; {@code requestId} is the correlation id to quote when
 * reporting the problem.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Identifies the kind of problem: one of the types listed, with their meaning, in this description's x-problem-types (the responses name those they can carry)", examples = "urn:partnership:problem:validation") String type,
        @Schema(description = "Short summary of the kind of problem", examples = "Invalid request") String title,
        @Schema(description = "HTTP status code", examples = "400") int status,
        @Schema(description = "What went wrong this time, for a human") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "Correlation id of the request (X-Request-Id)") String requestId,
        @Schema(description = "Each invalid field and why") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:partnership:problem:";

    /** One invalid field: a JSON path-like name ({@code capabilities[0].tag}) and the rule it broke. */
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, requestId, List.copyOf(fieldErrors));
    }

    public Problem at(String path, String correlationId) {
        return new Problem(type, title, status, detail, path, correlationId, errors);
    }
}
