package org.partnership.projects.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import org.partnership.messaging.Actor;
import org.partnership.messaging.Actors;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every minute ({@code partnership.proposals.deadline-check}) closes the OPEN proposals whose deadline has come:
 * PASSED (and applied), REJECTED or EXPIRED, with {@code partnership.proposal.decided.v1} or {@code .expired.v1}. Safe
 * with several replicas: each batch claims its rows with {@code FOR UPDATE SKIP LOCKED} (as resources-service's
 * overdue job does), so no proposal is closed twice.
 */
@ApplicationScoped
public class ProposalDeadlineJob {

    static final int BATCH = 100;

    private final ProposalService proposals;

    public ProposalDeadlineJob(ProposalService proposals) {
        this.proposals = proposals;
    }

    @Scheduled(identity = "proposal-deadlines", every = "${partnership.proposals.deadline-check:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().invoke(n -> {
                    if (n > 0) {
                        Log.infof("proposal deadline job closed %d proposals", n);
                    }
                }).replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("proposal deadline job failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Closes every proposal whose deadline has come, a batch per transaction; returns how many. */
    public Uni<Integer> run() {
        return Actors.as(Actor.system("proposal-deadline"), null, () -> next(0));
    }

    private Uni<Integer> next(int done) {
        return proposals.closeDueBatch(BATCH)
                .chain(closed -> closed < BATCH ? Uni.createFrom().item(done + closed) : next(done + closed));
    }
}
