package org.partnership.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Failures raised by the HTTP layer before a resource is reached (a body over {@code quarkus.http.limits.max-body-size}
 * answers 413) get the same problem body as everything else.
 */
@ApplicationScoped
public class BodyLimitProblems {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end("{\"type\":\"" + Problem.TYPE_PREFIX + "payload-too-large\",\"title\":\"Payload too large\","
                                + "\"status\":413,\"detail\":\"the request body exceeds the limit of this API\","
                                + "\"instance\":\"" + ctx.normalizedPath().replace("\"", "") + "\"}");
            } else {
                ctx.next();
            }
        });
    }
}
