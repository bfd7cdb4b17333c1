package org.partnership.http;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * A request whose declared body is larger than {@code partnership.http.max-body-size} (default 256 KiB) is answered
 * 413 with a problem before anything reads it. Keep {@code quarkus.http.limits.max-body-size} above it: that hard
 * limit of the HTTP layer (an empty 413) then only stops chunked bodies that declare no length.
 */
public class BodyLimitFilter {

    private final Optional<MemorySize> limit;

    public BodyLimitFilter(@ConfigProperty(name = "partnership.http.max-body-size", defaultValue = "256K") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (limit.isEmpty() || length == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(length.trim()) <= limit.get().asLongValue()) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(ProblemMappers.respond(Problem.of(413, "payload-too-large", "Payload too large",
                "the request body exceeds the limit of " + limit.get().asLongValue() / 1024 + " KiB"), request.getUriInfo()));
    }
}
