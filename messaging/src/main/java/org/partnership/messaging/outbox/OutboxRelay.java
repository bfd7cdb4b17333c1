package org.partnership.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.partnership.messaging.outbox.OutboxPublisher.PendingEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes outbox rows to Kafka, in order, at least once.
 *
 * <p>Each round runs in one database transaction: take the relay lock (a transaction-scoped advisory lock, so
 * with several replicas exactly one publishes at a time and per-aggregate order holds), claim the oldest
 * unpublished rows ({@code FOR UPDATE SKIP LOCKED}), send them, and mark the acknowledged ones published. A
 * failed send leaves its row (and every later row of the same aggregate) unpublished for the next round; rounds
 * back off exponentially while the broker is unavailable. Rounds start on a database notification from the
 * committing transaction, and on a fallback poll.
 */
public class OutboxRelay {

    /** Key of the advisory lock that serialises relay rounds across replicas (stable, arbitrary). */
    static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"

    private static final String CLAIM = """
            select id, topic, aggregate_id, type, payload::text as payload, correlation_id, trace_context, occurred_at
              from outbox_event
             where published_at is null
             order by position
             limit $1
               for update skip locked
            """;
    private static final String MARK_PUBLISHED = """
            update outbox_event set published_at = now(), attempts = attempts + 1 where id = any($1)
            """;
    private static final String MARK_ATTEMPTED = "update outbox_event set attempts = attempts + 1 where id = any($1)";

    private final String name;
    private final Pool pool;
    private final OutboxPublisher publisher;
    private final OutboxConfig config;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicLong retryAtNanos = new AtomicLong();
    private final AtomicReference<Duration> backoff = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> failingSince = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<Instant> lastPublishedAt = new AtomicReference<>();
    private volatile boolean stopped;

    private final Counter published;
    private final Counter failures;
    private final Timer latency;

    public OutboxRelay(String name, Pool pool, OutboxPublisher publisher, OutboxConfig config, MeterRegistry registry) {
        this.name = name;
        this.pool = pool;
        this.publisher = publisher;
        this.config = config;
        this.published = Counter.builder("outbox.published").description("Outbox events acknowledged by the broker")
                .tag("relay", name).register(registry);
        this.failures = Counter.builder("outbox.publish.failures").description("Outbox events the broker did not acknowledge")
                .tag("relay", name).register(registry);
        this.latency = Timer.builder("outbox.publish.latency").description("From commit of the event to broker acknowledgement")
                .tag("relay", name).publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Asks for a round as soon as possible; rounds never overlap, requests made during one cause another. */
    public void trigger() {
        requested.set(true);
        if (stopped || System.nanoTime() < retryAtNanos.get()) {
            return;
        }
        if (running.compareAndSet(false, true)) {
            round();
        }
    }

    public void stop() {
        stopped = true;
    }

    private void round() {
        requested.set(false);
        publishBatch().subscribe().with(
                result -> {
                    running.set(false);
                    if (result.failure() != null) {
                        onFailure(result.failure());
                        return;
                    }
                    onSuccess(result.published());
                    if (result.published() == config.batchSize() || requested.get()) {
                        trigger();
                    }
                },
                failure -> {
                    onFailure(failure);
                    running.set(false);
                });
    }

    /**
     * One round: how many events were published (-1 when another relay holds the lock) and, if some could not
     * be, why. The acknowledged ones are marked published even when others failed.
     */
    Uni<RoundResult> publishBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> lock.iterator().next().getBoolean(0)
                        ? claimAndPublish(connection)
                        : Uni.createFrom().item(new RoundResult(-1, null))));
    }

    private Uni<RoundResult> claimAndPublish(SqlConnection connection) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<PendingEvent> events = toEvents(rows);
                    if (events.isEmpty()) {
                        return Uni.createFrom().item(new RoundResult(0, null));
                    }
                    return sendInOrder(events).chain(outcome -> markPublished(connection, outcome));
                });
    }

    private Uni<Outcome> sendInOrder(List<PendingEvent> events) {
        List<Uni<Throwable>> sends = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            sends.add(publisher.publish(event)
                    .onItem().transform(ignored -> (Throwable) null)
                    .onFailure().recoverWithItem(failure -> failure));
        }
        return Uni.join().all(sends).andFailFast().map(results -> {
            List<UUID> acknowledged = new ArrayList<>();
            List<UUID> attempted = new ArrayList<>();
            Set<String> blockedAggregates = new HashSet<>();
            Throwable firstFailure = null;
            OffsetDateTime now = OffsetDateTime.now();
            for (int i = 0; i < events.size(); i++) {
                PendingEvent event = events.get(i);
                Throwable failure = results.get(i);
                if (failure != null) {
                    firstFailure = firstFailure == null ? failure : firstFailure;
                    blockedAggregates.add(event.key());
                    attempted.add(event.id());
                } else if (blockedAggregates.contains(event.key())) {
                    // an earlier event of this aggregate failed: resend this one after it, to keep the order
                    attempted.add(event.id());
                } else {
                    acknowledged.add(event.id());
                    latency.record(Duration.between(event.occurredAt(), now));
                }
            }
            return new Outcome(acknowledged, attempted, firstFailure);
        });
    }

    private Uni<RoundResult> markPublished(SqlConnection connection, Outcome outcome) {
        Uni<?> marked = outcome.acknowledged.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(outcome.acknowledged.toArray(UUID[]::new)));
        Uni<?> attempted = outcome.attempted.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK_ATTEMPTED).execute(Tuple.of(outcome.attempted.toArray(UUID[]::new)));
        return marked.chain(() -> attempted).map(ignored -> {
            published.increment(outcome.acknowledged.size());
            if (outcome.failure == null) {
                return new RoundResult(outcome.acknowledged.size(), null);
            }
            failures.increment(outcome.attempted.size());
            return new RoundResult(outcome.acknowledged.size(),
                    new PublishFailedException(outcome.acknowledged.size(), outcome.attempted.size(), outcome.failure));
        });
    }

    private static List<PendingEvent> toEvents(RowSet<Row> rows) {
        List<PendingEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            events.add(new PendingEvent(row.getUUID("id"), row.getString("topic"), row.getString("aggregate_id"),
                    row.getString("type"), row.getString("payload"), row.getString("correlation_id"),
                    row.getString("trace_context"), row.getOffsetDateTime("occurred_at")));
        }
        return events;
    }

    private void onSuccess(int count) {
        if (count > 0) {
            lastPublishedAt.set(Instant.now());
        }
        if (count >= 0 && failingSince.getAndSet(null) != null) {
            Log.infof("outbox relay %s: publishing again", name);
        }
        if (count >= 0) {
            backoff.set(Duration.ZERO);
            retryAtNanos.set(0);
            lastError.set(null);
        }
    }

    private void onFailure(Throwable failure) {
        Duration next = backoff.updateAndGet(previous -> previous.isZero() ? config.retryInitialBackoff()
                : min(previous.multipliedBy(2), config.retryMaxBackoff()));
        retryAtNanos.set(System.nanoTime() + next.toNanos());
        lastError.set(describe(failure));
        if (failingSince.compareAndSet(null, Instant.now())) {
            Log.warnf("outbox relay %s: publication failing, events are kept and retried (next in %d ms): %s",
                    name, next.toMillis(), describe(failure));
        } else {
            Log.debugf("outbox relay %s: still failing, next attempt in %d ms: %s", name, next.toMillis(), describe(failure));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure instanceof PublishFailedException p ? p.getCause() : failure;
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Since when publication has been failing, if it is. */
    public Instant failingSince() {
        return failingSince.get();
    }

    public String lastError() {
        return lastError.get();
    }

    public Instant lastPublishedAt() {
        return lastPublishedAt.get();
    }

    /** What a round did. */
    record RoundResult(int published, Throwable failure) {
    }

    private record Outcome(List<UUID> acknowledged, List<UUID> attempted, Throwable failure) {
    }

    /** Some events of a round were not acknowledged; the acknowledged ones are marked, the rest stay pending. */
    static final class PublishFailedException extends RuntimeException {
        PublishFailedException(int acknowledged, int failed, Throwable cause) {
            super(failed + " event(s) not acknowledged (" + acknowledged + " published)", cause);
        }
    }
}
