package org.partnership.resources.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import org.partnership.messaging.Actor;
import org.partnership.messaging.Actors;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Every hour ({@code partnership.deliveries.auto-confirm.cron}) confirms the deliveries nobody reviewed within
 * {@code partnership.deliveries.auto-confirm-after} (default 14 days) of being recorded: reviewed by
 * {@code system:auto-confirm}, with a note saying so, and {@code partnership.delivery.confirmed.v1} with
 * {@code automatic: true}. Disputed deliveries are never confirmed automatically.
 */
@ApplicationScoped
public class AutoConfirmJob {

    static final int BATCH = 200;

    private final ContributionService contributions;
    private final Duration after;

    public AutoConfirmJob(ContributionService contributions,
            @ConfigProperty(name = "partnership.deliveries.auto-confirm-after", defaultValue = "14d") Duration after) {
        this.contributions = contributions;
        this.after = after;
    }

    @Scheduled(identity = "auto-confirm-deliveries", cron = "${partnership.deliveries.auto-confirm.cron:0 40 * * * ?}",
            timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().invoke(n -> Log.infof("auto-confirm job confirmed %d deliveries", n)).replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("auto-confirm job failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Confirms every delivery left unreviewed longer than the period, a batch per transaction; returns how many. */
    public Uni<Integer> run() {
        return Actors.as(Actor.system("auto-confirm"), null, () -> next(0));
    }

    /** The review period. */
    public Duration after() {
        return after;
    }

    private Uni<Integer> next(int done) {
        return contributions.autoConfirmBatch(after, BATCH)
                .chain(confirmed -> confirmed < BATCH ? Uni.createFrom().item(done + confirmed) : next(done + confirmed));
    }
}
