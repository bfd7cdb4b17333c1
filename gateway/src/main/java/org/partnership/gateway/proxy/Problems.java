package org.partnership.gateway.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import org.partnership.http.Problem;

/** RFC 9457 problems written straight to a Vert.x response, for what the gateway answers itself instead of a service. */
final class Problems {

    private Problems() {
    }

    /** Why a request body is refused (413), declared or found too large while streaming. */
    static String tooLarge(long limitBytes) {
        return "the request body exceeds the limit of " + limitBytes / 1024 + " KiB";
    }

    /**
     * Answers the request with a problem, echoing its correlation id. A 413 closes the connection without reading
     * the rest of the oversized body; any other refusal reads and drops what is left of the body, so the connection
     * can carry the caller's next request.
     */
    static void refuse(HttpServerRequest request, int status, String slug, String title, String detail, String requestId) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        if (requestId != null) {
            response.putHeader(GatewayRoutes.REQUEST_ID, requestId);
        }
        if (status == 413) {
            response.putHeader("Connection", "close");
        } else if (!request.isEnded()) { // resuming a request read in full throws (HTTP/2), and the caller would never get an answer
            request.resume();
        }
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body(status, slug, title, detail, request.path(), requestId));
    }

    private static Buffer body(int status, String slug, String title, String detail, String path, String requestId) {
        JsonObject problem = new JsonObject()
                .put("type", Problem.TYPE_PREFIX + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", path);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem.toBuffer();
    }
}
