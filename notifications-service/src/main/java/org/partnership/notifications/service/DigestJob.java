package org.partnership.notifications.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.notifications.domain.Kind;
import org.partnership.notifications.domain.Recipient;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Once a day ({@code partnership.notifications.digest.cron}, default 07:00 UTC) gathers each user's notifications
 * waiting for the digest (kinds they set to DIGEST) into one e-mail in their language, queued like any other mail.
 * Safe with several replicas: each batch locks the notifications it takes ({@code FOR UPDATE SKIP LOCKED}) and
 * clears their flag in the same transaction that queues the digest, so a notification is in exactly one digest.
 */
@ApplicationScoped
public class DigestJob {

    static final int BATCH = 500;

    private static final String CLAIM = """
            select n.id, n.user_id, n.kind, n.params::text as params, n.link,
                   (select m.username from member m where m.user_id = n.user_id limit 1) as username,
                   (select m.email from member m where m.user_id = n.user_id and m.email is not null limit 1) as email,
                   (select m.locale from member m where m.user_id = n.user_id and m.locale is not null limit 1) as locale
              from notification n where n.digest_due
             order by n.user_id, n.created_at, n.id limit $1 for update of n skip locked
            """;

    private final Pool pool;
    private final Mails mails;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DigestJob(Pool pool, Mails mails, ObjectMapper mapper, Clock clock) {
        this.pool = pool;
        this.mails = mails;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Scheduled(identity = "notification-digest", cron = "${partnership.notifications.digest.cron:0 0 7 * * ?}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().invoke(n -> Log.infof("digest job queued %d digests", n)).replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("digest job failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Queues the digests of every notification waiting for one; returns how many digests. */
    public Uni<Integer> run() {
        return next(0);
    }

    private Uni<Integer> next(int done) {
        return pool.withTransaction(this::batch)
                .chain(result -> result[1] < BATCH ? Uni.createFrom().item(done + result[0]) : next(done + result[0]));
    }

    /** One batch: {digests queued, notifications taken}. */
    private Uni<int[]> batch(SqlConnection connection) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(BATCH)).chain(rows -> {
            Map<String, List<Row>> byUser = new LinkedHashMap<>();
            int taken = 0;
            for (Row row : rows) {
                byUser.computeIfAbsent(row.getString("user_id"), u -> new ArrayList<>()).add(row);
                taken++;
            }
            if (byUser.isEmpty()) {
                return Uni.createFrom().item(new int[] {0, 0});
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Tuple> queued = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            byUser.forEach((user, items) -> {
                Row first = items.get(0);
                items.forEach(row -> ids.add(row.getUUID("id")));
                String email = first.getString("email");
                if (email == null) {
                    return;
                }
                Recipient to = new Recipient(user, first.getString("username"), email, first.getString("locale"));
                List<Mails.DigestItem> lines = items.stream().map(row -> new Mails.DigestItem(
                        Texts.of(Kind.valueOf(row.getString("kind")), params(row.getString("params")), to.language()),
                        mails.link(row.getString("link")))).toList();
                Mails.Mail mail = mails.digest(to, lines);
                queued.add(Tuple.tuple().addUUID(UUID.randomUUID()).addString(user).addString(email).addString(to.language())
                        .addString(mail.subject()).addString(mail.text()).addString(mail.html()).addOffsetDateTime(now));
            });
            int count = queued.size();
            int total = taken;
            Uni<Void> insert = queued.isEmpty() ? Uni.createFrom().voidItem()
                    : connection.preparedQuery("""
                            insert into outgoing_mail (id, user_id, recipient, locale, subject, body_text, body_html, status,
                                                       attempts, next_attempt_at, created_at)
                            values ($1, $2, $3, $4, $5, $6, $7, 'PENDING', 0, $8, $8)
                            """).executeBatch(queued).replaceWithVoid();
            return insert.chain(() -> connection.preparedQuery("update notification set digest_due = false where id = any($1)")
                            .execute(Tuple.of(ids.toArray(UUID[]::new))))
                    .replaceWith(new int[] {count, total});
        });
    }

    private Map<String, String> params(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (Exception e) {
            return Map.of();
        }
    }
}
