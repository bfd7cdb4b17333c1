package org.partnership.audit.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.audit.domain.AuditEntry;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the trail newest first (keyset on {@code seq}), filtered and restricted to what the reader may see, in pages;
 * {@link #stream} follows the pages one after another so an export of any size never sits in memory.
 */
@ApplicationScoped
public class AuditReader {

    static final String COLUMNS = """
            seq, event_id, event_time, source, action, object_type, object_id, project_id, partner_id, actor_sub, actor_username,
            actor_partner_id, actor_roles, correlation_id, causation_id, changes, prev_hash, hash""";

    /** Objects a project's other participants do not see: a partner's contributions and their deliveries. */
    static final String PRIVATE_OBJECTS = "'contribution', 'delivery'";

    private final Pool pool;

    public AuditReader(Pool pool) {
        this.pool = pool;
    }

    /**
     * The entries a reader may see that match a query: the statement's filters and their arguments, built once and then
     * used for every page ({@link #page}, {@link #stream}); {@code none} when the reader may see nothing at all.
     */
    public record Selection(String where, List<Object> args, boolean none) {

        /** The statement of one page: entries older than {@code beforeSeq} (null: from the newest), up to {@code limit}. */
        public String sql(Long beforeSeq) {
            int n = args.size();
            return "select " + COLUMNS + " from audit_entry where " + where
                    + (beforeSeq == null ? "" : " and seq < $" + (n + 1)) + " order by seq desc limit $" + (beforeSeq == null ? n + 1 : n + 2);
        }

        /** The statement's arguments for that page. */
        public List<Object> args(Long beforeSeq, int limit) {
            List<Object> all = new ArrayList<>(args);
            if (beforeSeq != null) {
                all.add(beforeSeq);
            }
            all.add(limit);
            return all;
        }
    }

    /** The selection of {@code query} for {@code reader}. */
    public static Selection select(Reader reader, AuditQuery query) {
        if (!reader.readsEverything() && reader.partnerId() == null) {
            return new Selection("false", List.of(), true);
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("true");
        if (query.projectId() != null) {
            args.add(query.projectId());
            sql.append(" and project_id = $").append(args.size());
        }
        if (query.partnerId() != null) {
            args.add(query.partnerId());
            int n = args.size();
            sql.append(" and (partner_id = $").append(n).append(" or actor_partner_id = $").append(n).append(')');
        }
        if (query.actor() != null) {
            args.add(query.actor());
            int n = args.size();
            sql.append(" and (actor_username = $").append(n).append(" or actor_sub = $").append(n).append(')');
        }
        if (query.type() != null) {
            args.add(query.type());
            sql.append(" and action = $").append(args.size());
        }
        if (query.from() != null) {
            args.add(query.from().atOffset(ZoneOffset.UTC));
            sql.append(" and event_time >= $").append(args.size());
        }
        if (query.to() != null) {
            args.add(query.to().atOffset(ZoneOffset.UTC));
            sql.append(" and event_time < $").append(args.size());
        }
        if (query.correlationId() != null) {
            args.add(query.correlationId());
            sql.append(" and correlation_id = $").append(args.size());
        }
        if (!reader.readsEverything()) {
            args.add(reader.partnerId());
            int n = args.size();
            // a participant reads its projects' entries, except another partner's contributions and deliveries, which
            // only that partner and the project's lead see (as resources-service shows them)
            sql.append(" and (partner_id = $").append(n).append(" or actor_partner_id = $").append(n)
                    .append(" or exists (select 1 from project_participant pp where pp.project_id = audit_entry.project_id")
                    .append(" and pp.partner_id = $").append(n).append(" and pp.status = 'ACCEPTED'")
                    .append(" and (pp.role = 'LEAD' or audit_entry.object_type not in (").append(PRIVATE_OBJECTS).append("))))");
        }
        return new Selection(sql.toString(), List.copyOf(args), false);
    }

    /** Up to {@code limit} entries older than {@code beforeSeq} (null: from the newest). */
    public Uni<List<AuditEntry>> page(Reader reader, AuditQuery query, Long beforeSeq, int limit) {
        return page(select(reader, query), beforeSeq, limit);
    }

    private Uni<List<AuditEntry>> page(Selection selection, Long beforeSeq, int limit) {
        if (selection.none()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(selection.sql(beforeSeq)).execute(Tuple.from(selection.args(beforeSeq, limit))).map(rows -> {
            List<AuditEntry> entries = new ArrayList<>(rows.size());
            rows.forEach(row -> entries.add(entry(row)));
            return entries;
        });
    }

    /** Every matching entry, newest first, fetched {@code batch} at a time as the consumer asks for more. */
    public Multi<AuditEntry> stream(Reader reader, AuditQuery query, int batch) {
        Selection selection = select(reader, query);
        return Multi.createBy().repeating()
                .uni(() -> new long[]{Long.MAX_VALUE}, state -> page(selection, state[0] == Long.MAX_VALUE ? null : state[0], batch)
                        .invoke(page -> {
                            if (!page.isEmpty()) {
                                state[0] = page.get(page.size() - 1).seq();
                            }
                        }))
                // the last, shorter page is still emitted, then the stream ends
                .whilst(page -> page.size() == batch)
                .onItem().transformToIterable(page -> page);
    }

    /** The whole chain, oldest first, {@code batch} entries at a time (for verification). */
    public Uni<List<AuditEntry>> chainAfter(long afterSeq, int batch) {
        return pool.preparedQuery("select " + COLUMNS + " from audit_entry where seq > $1 order by seq limit $2")
                .execute(Tuple.of(afterSeq, batch)).map(rows -> {
                    List<AuditEntry> entries = new ArrayList<>(rows.size());
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
    }

    /** The retention anchor (seq, hash of the last removed entry), or null when nothing was removed. */
    public Uni<Object[]> anchor() {
        return pool.query("select seq, hash from audit_anchor").execute()
                .map(rows -> rows.size() == 0 ? null : new Object[]{rows.iterator().next().getLong("seq"), rows.iterator().next().getString("hash")});
    }

    static AuditEntry entry(Row row) {
        return new AuditEntry(row.getLong("seq"), row.getUUID("event_id"), row.getOffsetDateTime("event_time").toInstant(),
                row.getString("source"), row.getString("action"), row.getString("object_type"), row.getString("object_id"),
                row.getUUID("project_id"), row.getUUID("partner_id"), row.getString("actor_sub"), row.getString("actor_username"),
                row.getUUID("actor_partner_id"), row.getString("actor_roles"), row.getString("correlation_id"),
                row.getString("causation_id"), row.getString("changes"), row.getString("prev_hash"), row.getString("hash"));
    }
}
