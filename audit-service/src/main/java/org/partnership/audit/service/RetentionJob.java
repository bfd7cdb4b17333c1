package org.partnership.audit.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Keeps entries for {@code partnership.audit.retention} (an ISO-8601 period, default {@code P10Y}) after they were
 * recorded, then removes them from the start of the chain only (never from its middle), under the chain's lock, and
 * records the last removed entry's seq and hash as the anchor the first kept entry must link to. This job is the only
 * deletion there is: the API has none, and the table's trigger refuses any other.
 */
@ApplicationScoped
public class RetentionJob {

    private final Pool pool;
    private final Period retention;

    public RetentionJob(Pool pool, @ConfigProperty(name = "partnership.audit.retention", defaultValue = "P10Y") Period retention) {
        this.pool = pool;
        this.retention = retention;
    }

    public Period retention() {
        return retention;
    }

    @Scheduled(identity = "audit-retention", cron = "${partnership.audit.retention.cron:0 30 3 * * ?}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().invoke(n -> Log.infof("audit retention removed %d entries older than %s", n, retention)).replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("audit retention failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Removes the entries recorded before now minus the retention; returns how many. */
    public Uni<Integer> run() {
        return run(Instant.now());
    }

    /** Removes the entries recorded before {@code now} minus the retention (a test's clock); returns how many. */
    public Uni<Integer> run(Instant now) {
        OffsetDateTime cutoff = now.atOffset(ZoneOffset.UTC).minus(retention);
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(AuditWriter.CHAIN_LOCK))
                .chain(() -> connection.preparedQuery("""
                        select seq, hash from audit_entry
                         where seq = (select max(seq) from audit_entry where recorded_at < $1)
                        """).execute(Tuple.of(cutoff)))
                .chain(last -> {
                    if (last.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    long seq = last.iterator().next().getLong("seq");
                    String hash = last.iterator().next().getString("hash");
                    return connection.query("set local partnership.audit_retention = 'on'").execute()
                            .chain(() -> connection.preparedQuery("""
                                    insert into audit_anchor (id, seq, hash, pruned_at) values (1, $1, $2, now())
                                    on conflict (id) do update set seq = excluded.seq, hash = excluded.hash, pruned_at = excluded.pruned_at
                                    """).execute(Tuple.of(seq, hash)))
                            .chain(() -> connection.preparedQuery("delete from audit_entry where seq <= $1").execute(Tuple.of(seq)))
                            .map(deleted -> deleted.rowCount());
                }));
    }
}
