package org.partnership.notifications.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sends the queued e-mail ({@code outgoing_mail}). Each run claims the due rows with {@code FOR UPDATE SKIP LOCKED}
 * and leases them (their next attempt moves a lease period ahead) in one short transaction, so several replicas never
 * send the same mail; then sends each over SMTP and records the outcome: SENT, or another attempt after a backoff
 * that doubles from {@code initial-backoff} up to {@code max-backoff}, and FAILED after {@code max-attempts}
 * (listed for administrators). A replica that dies mid-send leaves the lease to expire, and the mail is sent then.
 */
@ApplicationScoped
public class MailSender {

    static final Duration LEASE = Duration.ofMinutes(2);

    private static final String CLAIM = """
            update outgoing_mail set next_attempt_at = $1
             where id in (select id from outgoing_mail where status = 'PENDING' and next_attempt_at <= $2
                           order by next_attempt_at limit $3 for update skip locked)
            returning id, recipient, subject, body_text, body_html, attempts
            """;

    private record Claimed(UUID id, String recipient, String subject, String text, String html, int attempts) {
    }

    private final Pool pool;
    private final ReactiveMailer mailer;
    private final Clock clock;
    private final MeterRegistry registry;
    private final int batch;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public MailSender(Pool pool, ReactiveMailer mailer, Clock clock, MeterRegistry registry,
            @ConfigProperty(name = "partnership.notifications.mail.batch", defaultValue = "20") int batch,
            @ConfigProperty(name = "partnership.notifications.mail.max-attempts", defaultValue = "8") int maxAttempts,
            @ConfigProperty(name = "partnership.notifications.mail.initial-backoff", defaultValue = "5s") Duration initialBackoff,
            @ConfigProperty(name = "partnership.notifications.mail.max-backoff", defaultValue = "10m") Duration maxBackoff) {
        this.pool = pool;
        this.mailer = mailer;
        this.clock = clock;
        this.registry = registry;
        this.batch = batch;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Scheduled(identity = "mail-sender", every = "${partnership.notifications.mail.every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("mail sender: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Sends what is due now; returns how many were sent. */
    public Uni<Integer> run() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                        .execute(Tuple.of(now.plus(LEASE), now, batch)))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Claimed(row.getUUID("id"), row.getString("recipient"), row.getString("subject"),
                                row.getString("body_text"), row.getString("body_html"), row.getInteger("attempts")));
                    }
                    return claimed;
                })
                .chain(claimed -> Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(this::send)
                        .collect().asList())
                .map(outcomes -> (int) outcomes.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> send(Claimed mail) {
        return mailer.send(Mail.withText(mail.recipient(), mail.subject(), mail.text()).setHtml(mail.html()))
                .onItem().transformToUni(ok -> pool.preparedQuery(
                                "update outgoing_mail set status = 'SENT', sent_at = $2, attempts = attempts + 1, last_error = null where id = $1")
                        .execute(Tuple.of(mail.id(), OffsetDateTime.now(clock)))
                        .invoke(() -> {
                            Log.debugf("sent mail %s to %s", mail.id(), mail.recipient());
                            registry.counter("notifications.mail", "outcome", "sent").increment();
                        })
                        .replaceWith(true))
                .onFailure().recoverWithUni(failure -> failed(mail, failure));
    }

    private Uni<Boolean> failed(Claimed mail, Throwable failure) {
        int attempts = mail.attempts() + 1;
        boolean last = attempts >= maxAttempts;
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime next = last ? now : now.plus(backoff(attempts));
        String error = String.valueOf(failure.getMessage());
        Log.warnf("mail %s to %s: attempt %d failed (%s)%s", mail.id(), mail.recipient(), attempts, error,
                last ? "; recorded FAILED" : "; next attempt at " + next);
        registry.counter("notifications.mail", "outcome", last ? "failed" : "retry").increment();
        return pool.preparedQuery("update outgoing_mail set status = $2, attempts = $3, next_attempt_at = $4, last_error = $5 where id = $1")
                .execute(Tuple.of(mail.id(), last ? "FAILED" : "PENDING", attempts, next,
                        error.length() > 1000 ? error.substring(0, 1000) : error))
                .replaceWith(false);
    }

    /** initial-backoff, doubled per attempt, at most max-backoff. */
    Duration backoff(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
