package org.partnership.notifications.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.http.ProblemException;
import org.partnership.notifications.domain.Channel;
import org.partnership.notifications.domain.Kind;
import org.partnership.notifications.rest.NotificationResponses.FailedMailView;
import org.partnership.notifications.rest.NotificationResponses.NotificationView;
import org.partnership.notifications.rest.NotificationResponses.PreferenceView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The caller's in-app notifications and preferences, and the failed e-mail for administrators. Every query is
 * scoped by the caller's user id (the token subject): another user's notification is simply not found.
 */
@ApplicationScoped
public class InboxService {

    /** A position in a list sorted newest first. */
    public record After(OffsetDateTime createdAt, UUID id) {
    }

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper mapper;
    private final Mails mails;
    private final Clock clock;

    public InboxService(Pool pool, ObjectMapper mapper, Mails mails, Clock clock) {
        this.pool = pool;
        this.mapper = mapper;
        this.mails = mails;
        this.clock = clock;
    }

    /** Up to {@code limit} of the user's notifications after {@code after}, newest first, in {@code language}. */
    public Uni<List<NotificationView>> page(String user, boolean unreadOnly, After after, int limit, String language) {
        StringBuilder sql = new StringBuilder("select id, kind, params::text as params, link, project_id, partner_id, created_at, read_at "
                + "from notification where user_id = $1");
        Tuple args = Tuple.of(user);
        if (unreadOnly) {
            sql.append(" and read_at is null");
        }
        if (after != null) {
            sql.append(" and (created_at, id) < ($2, $3)");
            args.addOffsetDateTime(after.createdAt()).addUUID(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ").append(limit);
        return pool.preparedQuery(sql.toString()).execute(args).map(rows -> {
            List<NotificationView> items = new ArrayList<>();
            for (Row row : rows) {
                Kind kind = Kind.valueOf(row.getString("kind"));
                String path = row.getString("link");
                items.add(new NotificationView(row.getUUID("id"), kind.name(), Texts.of(kind, params(row.getString("params")), language),
                        path, mails.link(path), row.getUUID("project_id"), row.getUUID("partner_id"),
                        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("read_at") != null, row.getOffsetDateTime("read_at")));
            }
            return items;
        });
    }

    public Uni<Long> unread(String user) {
        return pool.preparedQuery("select count(*) from notification where user_id = $1 and read_at is null")
                .execute(Tuple.of(user)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Marks one of the user's notifications read (again: no change); 404 when it is not theirs. */
    public Uni<Void> markRead(String user, UUID id) {
        return pool.preparedQuery("update notification set read_at = coalesce(read_at, $3) where id = $1 and user_id = $2")
                .execute(Tuple.of(id, user, OffsetDateTime.now(clock))).map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new ProblemException(404, "notification-not-found", "Not found",
                                "notification " + id + " does not exist or is not yours");
                    }
                    return null;
                });
    }

    /** Marks every unread notification of the user read; returns how many. */
    public Uni<Integer> markAllRead(String user) {
        return pool.preparedQuery("update notification set read_at = $2 where user_id = $1 and read_at is null")
                .execute(Tuple.of(user, OffsetDateTime.now(clock))).map(rows -> rows.rowCount());
    }

    /** The user's channel for every kind (EMAIL where they chose nothing). */
    public Uni<List<PreferenceView>> preferences(String user) {
        return pool.preparedQuery("select kind, channel from preference where user_id = $1").execute(Tuple.of(user)).map(rows -> {
            Map<Kind, Channel> chosen = new EnumMap<>(Kind.class);
            for (Row row : rows) {
                chosen.put(Kind.valueOf(row.getString("kind")), Channel.valueOf(row.getString("channel")));
            }
            List<PreferenceView> all = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                all.add(new PreferenceView(kind.name(), chosen.getOrDefault(kind, Channel.DEFAULT).name()));
            }
            return all;
        });
    }

    public Uni<List<PreferenceView>> setPreferences(String user, Map<Kind, Channel> changes) {
        List<Tuple> batch = changes.entrySet().stream().map(e -> Tuple.of(user, e.getKey().name(), e.getValue().name())).toList();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        insert into preference (user_id, kind, channel) values ($1, $2, $3)
                        on conflict (user_id, kind) do update set channel = excluded.channel
                        """).executeBatch(batch))
                .chain(() -> preferences(user));
    }

    /** Failed e-mail, newest first (administrators). */
    public Uni<List<FailedMailView>> failedMail(After after, int limit) {
        String sql = "select id, recipient, subject, attempts, last_error, created_at, next_attempt_at from outgoing_mail where status = 'FAILED'"
                + (after == null ? "" : " and (created_at, id) < ($1, $2)") + " order by created_at desc, id desc limit " + limit;
        Tuple args = after == null ? Tuple.tuple() : Tuple.of(after.createdAt(), after.id());
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<FailedMailView> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(new FailedMailView(row.getUUID("id"), row.getString("recipient"), row.getString("subject"),
                        row.getInteger("attempts"), row.getString("last_error"), row.getOffsetDateTime("created_at"),
                        row.getOffsetDateTime("next_attempt_at")));
            }
            return items;
        });
    }

    private Map<String, String> params(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, PARAMS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
