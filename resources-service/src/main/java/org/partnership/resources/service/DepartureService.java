package org.partnership.resources.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.resources.domain.ProjectReplica;
import org.partnership.resources.domain.Risk;
import org.partnership.resources.domain.RiskAllocationRelease;
import org.partnership.resources.messaging.ResourceEvents;
import org.partnership.resources.messaging.RiskAllocationReleasedEvent;
import org.partnership.resources.repository.RiskRepository;

import java.util.List;

/**
 * A partner that left a project (withdrew, or is no longer an accepted participant for any other reason) no longer
 * carries its risks: its shares of the risks not CLOSED are released ({@link Risk#releaseDeparted}), each risk
 * publishes {@code partnership.risk.allocation-released.v1}, and the project is summarised again so launch readiness
 * sees the risks not fully allocated. Runs inside the inbox's transaction, right after the project replica was
 * updated from a newer snapshot.
 */
@ApplicationScoped
public class DepartureService {

    private final RiskRepository risks;
    private final SummaryService summaries;
    private final Outbox outbox;
    private final Time time;

    public DepartureService(RiskRepository risks, SummaryService summaries, Outbox outbox, Time time) {
        this.risks = risks;
        this.summaries = summaries;
        this.outbox = outbox;
        this.time = time;
    }

    /** @param project the project as its newest snapshot says (its accepted participants) */
    public Uni<Void> releaseDeparted(ProjectReplica project, RiskAllocationRelease.Departure departure) {
        return risks.ofProject(project.id()).chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            boolean any = false;
            for (Risk risk : list) {
                List<RiskAllocationRelease> released = risk.releaseDeparted(project, departure, time.now());
                if (released.isEmpty()) {
                    continue;
                }
                any = true;
                Log.debugf("risk %s: released %d share(s) of partners that left project %s", risk.id(), released.size(), project.id());
                for (RiskAllocationRelease release : released) {
                    chain = chain.chain(() -> risks.record(release));
                }
                chain = chain.chain(() -> risks.flush()).chain(() -> outbox.append(ResourceEvents.RISK, risk.id(),
                        ResourceEvents.RISK_ALLOCATION_RELEASED, RiskAllocationReleasedEvent.of(risk, released))).replaceWithVoid();
            }
            return any ? chain.chain(() -> summaries.summarise(project.id())) : chain;
        });
    }
}
