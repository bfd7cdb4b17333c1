package org.partnership.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.http.HttpClosedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem, chosen by the exception's type: what the client can fix is a 4xx
 * with a precise detail; anything else is a 500 with a generic detail and the request id (the cause is logged,
 * never sent).
 */
public class ProblemMappers {

    static final String BEARER_CHALLENGE = "Bearer realm=\"partnership\"";
    private static final Map<Integer, String> DETAILS = Map.of(
            404, "no such resource",
            405, "method not allowed on this resource",
            406, "no acceptable representation; this API speaks application/json",
            413, "request body too large",
            415, "unsupported content type; send application/json");

    /**
     * The problem type of a refusal by the HTTP layer (JAX-RS), by status; each is in {@link ProblemTypes#COMMON}. Any
     * other 4xx it might raise is a {@code bad-request}.
     */
    private static final Map<Integer, String> HTTP_TYPES = Map.of(
            400, "bad-request",
            401, "unauthenticated",
            403, "forbidden",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            413, "payload-too-large",
            415, "unsupported-media-type");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            return unexpected(e, uri); // our response broke its own contract: a bug, not the client's fault
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return respond(Problem.of(400, "validation", "Invalid request", errors.size() + " invalid field(s): " + fields)
                .withErrors(errors), uri);
    }

    /** Named with its subtype too: more specific than Jackson's own mapper for it, which answers no problem body. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return respond(Problem.of(400, "validation", "Invalid request", "unknown field '" + unknown.getPropertyName()
                            + "': it does not exist or is set by the server")
                    .withErrors(List.of(new Problem.FieldError(path(unknown), "unknown field"))), uri);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return respond(Problem.of(400, "validation", "Invalid request", "field '" + field + "' has the wrong type or format")
                    .withErrors(List.of(new Problem.FieldError(field, "wrong type or format"))), uri);
        }
        return respond(Problem.of(400, "malformed-json", "Malformed JSON", "the request body is not valid JSON"), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, "unauthenticated", "Unauthenticated",
                        "a valid bearer access token is required"), uri))
                .header("WWW-Authenticate", BEARER_CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "your role does not allow this operation"), uri);
    }

    /**
     * Two writers raced on one row and this one lost (its version moved underneath; Hibernate Reactive reports a
     * stale row as JPA's OptimisticLockException): a 409 the client may retry after reloading.
     */
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return respond(Problem.of(409, "concurrent-change", "Conflict",
                "someone changed this at the same time; reload and try again"), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        if (e instanceof NotFoundException && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            // JAX-RS could not convert a parameter (a 404 by the spec); resources take parameters as strings and name
            // a bad one themselves, so this is only the safety net
            return respond(Problem.of(400, "validation", "Invalid request", "a parameter has the wrong type or format"), uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = original.getStatusInfo().getReasonPhrase();
        String type = HTTP_TYPES.getOrDefault(status, "bad-request");
        Response.ResponseBuilder builder = Response.fromResponse(respond(
                Problem.of(status, type, title, DETAILS.getOrDefault(status, title)), uri));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /** A failure of several parallel steps: the first one decides. */
    @ServerExceptionMapper
    public Response composite(CompositeException e, UriInfo uri) {
        Throwable cause = e.getCauses().isEmpty() ? e : e.getCauses().get(0);
        if (cause instanceof ProblemException p) {
            return problem(p, uri);
        }
        if (cause instanceof ConstraintViolationException v) {
            return invalid(v, uri);
        }
        if (cause instanceof WebApplicationException w) {
            return http(w, uri);
        }
        return cause instanceof OptimisticLockException o ? concurrentChange(o, uri) : unexpected(cause, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClosedException) {
                // the caller (or the gateway, cutting off an oversized body) closed the connection mid-request: not a
                // fault of this service, and nobody is left to read the answer
                Log.infof("the caller closed the connection before the request to %s was complete (request %s)",
                        uri.getPath(), Correlation.correlationId().orElse(null));
                return respond(Problem.of(400, "incomplete-request", "Incomplete request",
                        "the connection closed before the request was complete"), uri);
            }
        }
        Log.errorf(e, "unexpected failure on %s (request %s)", uri.getPath(), Correlation.correlationId().orElse(null));
        return respond(Problem.of(500, "internal", "Internal error",
                "the request could not be completed; quote the request id when reporting it"), uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(uri == null ? null : uri.getPath(), Correlation.correlationId().orElse(null)))
                .build();
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code register.request.capabilities[0].tag} → {@code capabilities[0].tag}. */
    static String field(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> {
                }
                case PARAMETER -> {
                    parts.clear();
                    parts.add(node.getName());
                }
                default -> {
                    if (node.getIndex() != null && !parts.isEmpty()) {
                        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                    }
                    if (node.getName() != null && !node.getName().isEmpty() && !node.getName().startsWith("<")) {
                        parts.add(node.getName());
                    }
                }
            }
        }
        // drop the parameter name itself when a field of the body is meant
        return String.join(".", parts.size() > 1 ? parts.subList(1, parts.size()) : parts);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
