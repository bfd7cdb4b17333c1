import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The floor for bench/gateway-vs-direct.sh: the least a Vert.x proxy can do (no token check, no limits, no
 * metrics, no hop-by-hop care), one event loop and 16 keep-alive connections, like the gateway.
 * Not for use: a yardstick. Run with bench/bare-proxy.sh, then GATEWAY=http://127.0.0.1:8095 bench/gateway-vs-direct.sh.
 */
public class BareProxy extends AbstractVerticle {

    private static final int PORT = Integer.getInteger("port", 8095);
    private static final String UPSTREAM_HOST = System.getProperty("upstream.host", "127.0.0.1");
    private static final int UPSTREAM_PORT = Integer.getInteger("upstream.port", 8081);

    public static void main(String[] args) {
        int loops = 1;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        vertx.deployVerticle(BareProxy::new, new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("bare proxy on 127.0.0.1:" + PORT + " -> " + UPSTREAM_HOST + ":" + UPSTREAM_PORT));
    }

    @Override
    public void start() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(16));
        vertx.createHttpServer().requestHandler(request -> {
            request.pause();
            RequestOptions options = new RequestOptions().setHost(UPSTREAM_HOST).setPort(UPSTREAM_PORT)
                    .setMethod(request.method()).setURI(request.uri()).setHeaders(request.headers());
            client.request(options).compose(upstream -> upstream.send(request)).onComplete(result -> {
                if (result.failed()) {
                    request.response().setStatusCode(502).end();
                    return;
                }
                HttpClientResponse response = result.result();
                HttpServerResponse answer = request.response().setStatusCode(response.statusCode());
                answer.headers().setAll(response.headers());
                response.pipeTo(answer);
            });
        }).listen(PORT, "127.0.0.1");
    }
}
