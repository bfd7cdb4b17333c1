package org.partnership.gateway.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import org.partnership.http.Problem;

/** RFC 9457 bodies written straight to a Vert.x response, for what the gateway refuses before any upstream. */
final class Problems {

    private Problems() {
    }

    /** Why a request body is refused (413), declared or found too large while streaming. */
    static String tooLarge(long limitBytes) {
        return "the request body exceeds the limit of " + limitBytes / 1024 + " KiB";
    }

    static Buffer body(int status, String slug, String title, String detail, String path, String requestId) {
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

    static void send(HttpServerResponse response, int status, String slug, String title, String detail, String path,
            String requestId) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body(status, slug, title, detail, path, requestId));
    }
}
