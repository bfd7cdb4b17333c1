package org.partnership.resources.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import org.partnership.messaging.Actor;
import org.partnership.messaging.Actors;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Once a day ({@code partnership.overdue.cron}, default 02:15 UTC) marks open pledges past their due date as
 * overdue and emits {@code partnership.contribution.overdue.v1} for each, once. Overdue is also computed on every
 * read, so the flag never waits for the job.
 */
@ApplicationScoped
public class OverdueJob {

    static final int BATCH = 500;

    private final ContributionService contributions;

    public OverdueJob(ContributionService contributions) {
        this.contributions = contributions;
    }

    @Scheduled(identity = "overdue-contributions", cron = "${partnership.overdue.cron:0 15 2 * * ?}",
            timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().invoke(n -> Log.infof("overdue job marked %d contributions", n)).replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("overdue job failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Marks every newly overdue contribution, a batch per transaction; returns how many. */
    public Uni<Integer> run() {
        return Actors.as(Actor.system("overdue"), null, () -> next(0));
    }

    private Uni<Integer> next(int done) {
        return contributions.markOverdueBatch(BATCH)
                .chain(marked -> marked < BATCH ? Uni.createFrom().item(done + marked) : next(done + marked));
    }
}
