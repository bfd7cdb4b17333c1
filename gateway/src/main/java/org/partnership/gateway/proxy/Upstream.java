package org.partnership.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.ReadStream;
import org.partnership.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * One service behind the gateway: requests and responses stream through a pooled keep-alive HTTP client, with a
 * timeout, behind the service's {@link UpstreamBreaker circuit breaker}. An unreachable or failing upstream gets a
 * quick 503 (or 504 on timeout) problem, never a hanging request or upstream internals.
 * <p>
 * The forwarding is the Vert.x HTTP client's, driven directly: headers are copied once each way, minus the
 * hop-by-hop ones ({@link HopByHopHeaders}); the caller's {@code Host} goes on, so services build their public links;
 * bodies are piped, never buffered (why not vertx-http-proxy, with the measurement: commit d7881b3).
 */
final class Upstream {

    private final String name;
    private final ThreadLocal<HttpClient> clients;
    private final SocketAddress address;
    private final String host;
    private final int port;
    private final GatewayConfig config;
    private final UpstreamBreaker breaker;

    Upstream(String name, String url, Vertx vertx, GatewayConfig config) {
        this.name = name;
        this.config = config;
        this.breaker = new UpstreamBreaker(name, config.circuitBreaker());
        URI uri = URI.create(url);
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        this.address = SocketAddress.inetSocketAddress(port, host);
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setSsl("https".equals(uri.getScheme()));
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.poolSize());
        // One client (and connection pool) per event loop: a request and its upstream connection then live on the
        // same thread. A client shared by all event loops hands connections across threads, and every response
        // hops back to the request's thread: measured ~40 % more gateway CPU per request.
        this.clients = ThreadLocal.withInitial(() -> vertx.createHttpClient(options, pool));
    }

    String name() {
        return name;
    }

    /** Sends the caller's request to this service and its answer back, or a problem when the service fails. */
    void forward(HttpServerRequest caller, String requestId) {
        HttpServerResponse answer = caller.response();
        if (breaker.isOpen()) {
            answer.putHeader("Retry-After", breaker.retryAfterSeconds());
            Problems.refuse(caller, 503, "upstream-unavailable", "Service unavailable", name + " is unavailable; try again shortly", requestId);
            return;
        }
        RequestOptions options = new RequestOptions()
                .setServer(address)
                .setHost(host)
                .setPort(port)
                .setMethod(caller.method())
                .setURI(caller.uri())
                .setIdleTimeout(config.upstreamTimeout().toMillis());
        LimitedBody streamed = streamsUndeclaredBody(caller) ? new LimitedBody(caller, config.maxBodySize().asLongValue()) : null;
        ReadStream<Buffer> body = streamed != null ? streamed : declaresBody(caller) ? caller : null;
        if (body != null) {
            caller.pause(); // until the service's connection is there to take it
        }
        clients.get().request(options).compose(request -> {
            HopByHopHeaders.copyEndToEnd(caller.headers(), request.headers());
            request.exceptionHandler(ignored -> { }); // its failures complete the response future, handled below
            if (caller.authority() != null) {
                request.authority(caller.authority());
            }
            // a caller who hangs up abandons the service's answer too
            answer.closeHandler(gone -> request.reset());
            if (body == null) {
                return request.send();
            }
            request.setChunked(streamed != null);
            // a body that fails (the caller's stream cut off, or over the limit) must not end as a complete request
            body.pipe().endOnFailure(false).to(request).onFailure(cut -> request.reset(0, cut));
            return request.response();
        }).onComplete(result -> {
            if (result.succeeded()) {
                breaker.record(null);
                relay(result.result(), answer, requestId);
            } else {
                failed(caller, result.cause(), streamed, requestId);
            }
        });
    }

    private void relay(HttpClientResponse response, HttpServerResponse answer, String requestId) {
        if (answer.closed()) {
            return;
        }
        answer.setStatusCode(response.statusCode());
        if (response.statusMessage() != null) {
            answer.setStatusMessage(response.statusMessage());
        }
        HopByHopHeaders.copyEndToEnd(response.headers(), answer.headers());
        if (requestId != null) {
            answer.headers().set(GatewayRoutes.REQUEST_ID, requestId);
        }
        if (response.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)) {
            answer.setChunked(true); // the service streams an answer of unknown length: so does the gateway
        }
        // a service failing mid-answer must not look like a complete answer: the caller's connection is reset
        response.pipe().endOnFailure(false).to(answer).onFailure(cut -> answer.reset());
    }

    private void failed(HttpServerRequest caller, Throwable failure, LimitedBody streamed, String requestId) {
        if (streamed != null && streamed.exceeded()) {
            Problems.refuse(caller, 413, "payload-too-large", "Payload too large", Problems.tooLarge(config.maxBodySize().asLongValue()), requestId);
            return;
        }
        // a caller who hung up resets the upstream request: that says nothing about the upstream's health
        if (caller.response().closed()) {
            return;
        }
        breaker.record(failure);
        if (failure instanceof TimeoutException) { // the request's idle timeout (a connect timeout is a ConnectException: 503)
            Problems.refuse(caller, 504, "upstream-timeout", "Gateway timeout", name + " did not answer in time", requestId);
        } else {
            Problems.refuse(caller, 503, "upstream-unavailable", "Service unavailable", name + " is unavailable; try again shortly", requestId);
        }
    }

    /** A body announced with a non-zero Content-Length (its size was checked before). */
    private static boolean declaresBody(HttpServerRequest caller) {
        String length = caller.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !"0".equals(length.trim());
    }

    /**
     * A body of undeclared length: chunked over HTTP/1.1, or streamed in frames over HTTP/2. It is counted as it
     * streams and cut off at the limit; towards the service it is a chunked body.
     */
    private static boolean streamsUndeclaredBody(HttpServerRequest caller) {
        if (caller.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            return false;
        }
        if (caller.version() == HttpVersion.HTTP_2) {
            return caller.method() != HttpMethod.GET && caller.method() != HttpMethod.HEAD && !caller.isEnded();
        }
        return caller.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
    }
}
