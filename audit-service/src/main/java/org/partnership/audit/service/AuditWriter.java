package org.partnership.audit.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.audit.domain.AuditChain;
import org.partnership.audit.domain.AuditEntry;
import org.partnership.audit.domain.EventFacts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Appends one entry per event to the chain, exactly once. The chain has ONE writer at a time: each append is a
 * transaction that first takes the chain's advisory lock ({@code pg_advisory_xact_lock}, held until commit), so the
 * three topics' consumers, and any number of replicas, append one after the other and each entry links to the one
 * really before it. Inside it: an event id already recorded is a redelivery and changes nothing (idempotent); otherwise
 * the entry is placed after the last one (or the retention anchor), the object's snapshot and, for project snapshots,
 * the participation replica are updated, all in the same transaction.
 *
 * <p>{@code recorded_at} is the database's clock read by the insert, i.e. while the lock is held, and never before the
 * previous entry's: it never decreases along the chain, so the entries recorded before any instant are a prefix of the
 * chain, which is what RetentionJob removes. ({@code now()}, the column's default, is the transaction's start, taken
 * before waiting for the lock: a transaction that waited could record an earlier time after a later one.)
 */
@ApplicationScoped
public class AuditWriter {

    /** The chain's advisory lock key (stable, arbitrary: "audit"). */
    static final long CHAIN_LOCK = 0x6175646974L;

    private static final String INSERT = """
            insert into audit_entry (seq, event_id, event_time, source, action, object_type, object_id, project_id, partner_id,
                                     actor_sub, actor_username, actor_partner_id, actor_roles, correlation_id, causation_id,
                                     changes, prev_hash, hash, recorded_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                    greatest(clock_timestamp(), $19))
            """;

    private final Pool pool;
    private final MeterRegistry registry;

    public AuditWriter(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
    }

    /** Records the event; true when it made a new entry, false for a redelivery. */
    public Uni<Boolean> record(JsonNode event) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(CHAIN_LOCK))
                .chain(() -> connection.preparedQuery("select 1 from audit_entry where event_id = $1")
                        .execute(Tuple.of(java.util.UUID.fromString(event.path("id").asText()))))
                .chain(seen -> seen.size() > 0 ? Uni.createFrom().item(false) : append(connection, event)))
                .invoke(created -> registry.counter("audit.entries", "outcome", created ? "recorded" : "duplicate").increment());
    }

    private Uni<Boolean> append(SqlConnection connection, JsonNode event) {
        String objectType = EventFacts.objectType(event.path("type").asText());
        String objectId = EventFacts.objectId(event);
        return connection.preparedQuery("""
                        select (select data from object_state where object_type = $1 and object_id = $2) as data,
                               last.seq, last.hash, last.recorded_at,
                               (select seq from audit_anchor) as anchor_seq, (select hash from audit_anchor) as anchor_hash
                          from (select 1) one
                          left join lateral (select seq, hash, recorded_at from audit_entry order by seq desc limit 1) last on true
                        """).execute(Tuple.of(objectType, objectId))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    Long lastSeq = row.getLong("seq");
                    long seq = lastSeq != null ? lastSeq + 1 : row.getLong("anchor_seq") != null ? row.getLong("anchor_seq") + 1 : 1;
                    String prev = lastSeq != null ? row.getString("hash") : row.getString("anchor_hash") != null
                            ? row.getString("anchor_hash") : AuditChain.GENESIS;
                    AuditEntry entry = EventFacts.entry(event, row.getString("data")).chained(seq, prev);
                    return connection.preparedQuery(INSERT).execute(tuple(entry, row.getOffsetDateTime("recorded_at")))
                            .chain(() -> connection.preparedQuery("""
                                    insert into object_state (object_type, object_id, data) values ($1, $2, $3)
                                    on conflict (object_type, object_id) do update set data = excluded.data
                                    """).execute(Tuple.of(objectType, objectId, event.path("data").toString())))
                            .chain(() -> participation(connection, EventFacts.participants(event)));
                })
                .replaceWith(true);
    }

    private static Uni<Void> participation(SqlConnection connection, List<EventFacts.Participation> participants) {
        if (participants == null) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = participants.isEmpty() ? Uni.createFrom().voidItem() : connection
                .preparedQuery("delete from project_participant where project_id = $1").execute(Tuple.of(participants.get(0).projectId()))
                .replaceWithVoid();
        for (EventFacts.Participation p : participants) {
            chain = chain.chain(() -> connection.preparedQuery("""
                            insert into project_participant (project_id, partner_id, role, status) values ($1, $2, $3, $4)
                            on conflict (project_id, partner_id) do update set role = excluded.role, status = excluded.status
                            """).execute(Tuple.of(p.projectId(), p.partnerId(), p.role(), p.status())).replaceWithVoid());
        }
        return chain;
    }

    /** The entry's columns, and the previous entry's recorded_at (null for the first after the anchor or genesis). */
    private static Tuple tuple(AuditEntry e, OffsetDateTime previousRecordedAt) {
        return Tuple.from(new Object[]{e.seq(), e.eventId(), e.eventTime().atOffset(ZoneOffset.UTC), e.source(), e.action(),
                e.objectType(), e.objectId(), e.projectId(), e.partnerId(), e.actorSub(), e.actorUsername(), e.actorPartnerId(),
                e.actorRoles(), e.correlationId(), e.causationId(), e.changes(), e.prevHash(), e.hash(), previousRecordedAt});
    }
}
