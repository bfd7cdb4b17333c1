package org.partnership.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs this service's {@link OutboxRelay}: starts a round whenever PostgreSQL notifies that events were committed
 * (LISTEN {@code outbox_event}), polls as a fallback, keeps the backlog gauge up to date and prunes old rows.
 */
@ApplicationScoped
public class OutboxRelayRunner {

    private final OutboxConfig config;
    private final Pool pool;
    private final Vertx vertx;
    private final OutboxRelay relay;
    private final AtomicLong backlog = new AtomicLong();
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    public OutboxRelayRunner(OutboxConfig config, Pool pool, Vertx vertx, KafkaOutboxPublisher publisher,
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.pool = pool;
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
        this.relay = new OutboxRelay("main", pool, publisher, config, registry);
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox events committed but not yet acknowledged by the broker").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            Log.info("outbox relay disabled on this instance (partnership.outbox.relay-enabled=false)");
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel("outbox_event").handler(ignored -> relay.trigger());
        subscriber.connect().subscribe().with(
                ok -> relay.trigger(),
                failure -> Log.warnf("outbox relay: no database notifications yet (%s); polling every %s",
                        failure.getMessage(), config.pollInterval()));
    }

    void onStop(@Observes ShutdownEvent event) {
        relay.stop();
        if (subscriber != null) {
            subscriber.close().subscribe().with(ok -> { }, failure -> { });
        }
    }

    @Scheduled(every = "${partnership.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        if (!config.relayEnabled()) {
            return Uni.createFrom().voidItem();
        }
        relay.trigger();
        return pool.query("select count(*) from outbox_event where published_at is null").execute()
                .invoke(rows -> backlog.set(rows.iterator().next().getLong(0)))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        OffsetDateTime now = OffsetDateTime.now();
        return pool.preparedQuery("delete from outbox_event where published_at < $1")
                .execute(Tuple.of(now.minus(config.retention())))
                .chain(deleted -> pool.preparedQuery("delete from processed_event where processed_at < $1")
                        .execute(Tuple.of(now.minus(config.inboxRetention())))
                        .invoke(inbox -> Log.debugf("pruned %d published outbox events and %d inbox records",
                                deleted.rowCount(), inbox.rowCount())))
                .chain(() -> pool.preparedQuery("delete from idempotency_record where created_at < $1")
                        .execute(Tuple.of(now.minus(config.idempotencyRetention()))))
                .replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("pruning the outbox failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    public OutboxRelay relay() {
        return relay;
    }

    public long backlog() {
        return backlog.get();
    }
}
