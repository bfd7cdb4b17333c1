package org.partnership.notifications.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnership.notifications.domain.Kind;
import org.partnership.notifications.repository.Proposals;
import org.partnership.notifications.repository.Replicas;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every few minutes ({@code partnership.notifications.expiring.every}) tells the participants of each open proposal
 * whose deadline is less than {@code partnership.notifications.expiring.before} away (default 24 h) and who have not
 * voted yet (from proposal.voted) that it is about to expire: once per proposal. Safe with several replicas: each
 * batch locks the proposals it takes ({@code FOR UPDATE SKIP LOCKED}) and marks them reminded in the transaction that
 * writes the notifications; the notifications' key (a per-proposal event id) stops a second one regardless.
 */
@ApplicationScoped
public class ProposalReminderJob {

    static final int BATCH = 100;
    static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Proposals proposals;
    private final Replicas replicas;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration before;

    public ProposalReminderJob(Proposals proposals, Replicas replicas, Notifier notifier, Clock clock,
                               @ConfigProperty(name = "partnership.notifications.expiring.before", defaultValue = "24h") Duration before) {
        this.proposals = proposals;
        this.replicas = replicas;
        this.notifier = notifier;
        this.clock = clock;
        this.before = before;
    }

    @Scheduled(identity = "proposal-expiring", every = "${partnership.notifications.expiring.every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().invoke(n -> {
                    if (n > 0) {
                        Log.infof("reminded of %d proposals about to expire", n);
                    }
                }).replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("proposal reminder job failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Reminds of every proposal due for it; returns how many proposals. */
    public Uni<Integer> run() {
        return next(0);
    }

    private Uni<Integer> next(int done) {
        return Panache.withTransaction(this::batch)
                .chain(count -> count < BATCH ? Uni.createFrom().item(done + count) : next(done + count));
    }

    private Uni<Integer> batch() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return proposals.claimDue(now, now.plus(before), BATCH).chain(due -> due.isEmpty() ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(proposal -> remind(proposal, now))
                .collect().last().replaceWith(due.size()));
    }

    private Uni<Void> remind(Proposals.Due proposal, OffsetDateTime now) {
        return replicas.project(proposal.projectId()).chain(found -> proposals.voters(proposal.id()).chain(voters -> {
            if (found.isEmpty()) {
                Log.debugf("proposal %s of unknown project %s: nobody to remind", proposal.id(), proposal.projectId());
                return Uni.createFrom().voidItem();
            }
            List<UUID> partners = found.get().acceptedPartners().stream().filter(p -> !voters.contains(p)).toList();
            Map<String, String> params = new HashMap<>();
            params.put("projectTitle", found.get().title());
            params.put("proposalTitle", proposal.title());
            params.put("deadline", DEADLINE.format(proposal.deadline()));
            return replicas.members(partners).chain(members -> notifier.notify(new Notifier.Notice(
                    "proposal-expiring:" + proposal.id(), Kind.PROPOSAL_EXPIRING, proposal.projectId(), null, params,
                    "/projects/" + proposal.projectId()), members));
        }).chain(() -> proposals.reminded(proposal.id(), now)));
    }
}
