package org.partnership.notifications.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.notifications.domain.Channel;
import org.partnership.notifications.domain.Kind;
import org.partnership.notifications.domain.Recipient;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one event into notifications for its recipients, in the consumer's transaction (the inbox's): one row per
 * recipient (unique per event, recipient and kind, so nothing is notified twice) and, by the recipient's preference
 * for the kind, an e-mail queued in {@code outgoing_mail} (EMAIL, the default, when the member events gave an
 * address), a place in the next daily digest (DIGEST) or nothing more (IN_APP).
 */
@ApplicationScoped
public class Notifier {

    /** What to notify: the kind, its text's parameters and the console path of the item. */
    public record Notice(String eventId, Kind kind, UUID projectId, UUID partnerId, Map<String, String> params, String path) {
    }

    private static final String INSERT = """
            insert into notification (id, user_id, kind, event_id, project_id, partner_id, params, link, created_at, digest_due)
            values (:id, :user, :kind, :event, :project, :partner, cast(cast(:params as text) as jsonb), :link, :now, :digest)
            on conflict (event_id, user_id, kind) do nothing
            """;

    private static final String QUEUE = """
            insert into outgoing_mail (id, user_id, recipient, locale, subject, body_text, body_html, notification_id,
                                       status, attempts, next_attempt_at, created_at)
            values (:id, :user, :to, :locale, :subject, :text, :html, :notification, 'PENDING', 0, :now, :now)
            """;

    private final Mails mails;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Notifier(Mails mails, ObjectMapper mapper, Clock clock) {
        this.mails = mails;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Uni<Void> notify(Notice notice, List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            Log.debugf("no recipient for %s of event %s", notice.kind(), notice.eventId());
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(recipients)
                .onItem().transformToUniAndConcatenate(recipient -> one(notice, recipient))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> one(Notice notice, Recipient recipient) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = UUID.randomUUID();
        return channel(recipient.userId(), notice.kind()).chain(channel -> Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", id).setParameter("user", recipient.userId()).setParameter("kind", notice.kind().name())
                        .setParameter("event", notice.eventId()).setParameter("project", notice.projectId())
                        .setParameter("partner", notice.partnerId()).setParameter("params", json(notice.params()))
                        .setParameter("link", notice.path()).setParameter("now", now)
                        .setParameter("digest", channel == Channel.DIGEST && recipient.email() != null)
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0 || channel != Channel.EMAIL || recipient.email() == null) {
                        return Uni.createFrom().voidItem();
                    }
                    Mails.Mail mail = mails.notification(recipient, Texts.of(notice.kind(), notice.params(), recipient.language()), notice.path());
                    return Panache.getSession().chain(session -> session.createNativeQuery(QUEUE)
                            .setParameter("id", UUID.randomUUID()).setParameter("user", recipient.userId())
                            .setParameter("to", recipient.email()).setParameter("locale", recipient.language())
                            .setParameter("subject", mail.subject()).setParameter("text", mail.text())
                            .setParameter("html", mail.html()).setParameter("notification", id).setParameter("now", now)
                            .executeUpdate()).replaceWithVoid();
                }));
    }

    private Uni<Channel> channel(String userId, Kind kind) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select channel, kind from preference where user_id = :user and kind = :kind", Object[].class)
                .setParameter("user", userId).setParameter("kind", kind.name()).getResultList())
                .map(rows -> rows.isEmpty() ? Channel.DEFAULT : Channel.valueOf((String) rows.get(0)[0]));
    }

    private String json(Map<String, String> params) {
        try {
            return mapper.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
