package org.partnership.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets a correlation id: the caller's {@code X-Request-Id} when it is sane, otherwise a new one. It is
 * echoed on the response, written to the logs, set on the request's span, and carried into the events the request
 * causes. (The W3C trace context is quarkus-opentelemetry's: it continues the caller's {@code traceparent}.)
 */
public class CorrelationFilter {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String requestId = request.getHeaderString(Correlation.REQUEST_ID_HEADER);
        if (requestId == null || !SAFE_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        Correlation.set(requestId);
    }

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response) {
        Correlation.correlationId().ifPresent(id -> response.getHeaders().putSingle(Correlation.REQUEST_ID_HEADER, id));
    }
}
