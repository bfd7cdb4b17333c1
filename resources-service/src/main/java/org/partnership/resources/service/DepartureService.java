package org.partnership.resources.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.resources.domain.Caller;
import org.partnership.resources.domain.Contribution;
import org.partnership.resources.domain.ProjectReplica;
import org.partnership.resources.domain.ResourceAccessDeniedException;
import org.partnership.resources.domain.Risk;
import org.partnership.resources.domain.RiskAllocationRelease;
import org.partnership.resources.messaging.ResourceEvents;
import org.partnership.resources.messaging.RiskAllocationReleasedEvent;
import org.partnership.resources.repository.ContributionRepository;
import org.partnership.resources.repository.DepartureRepository;
import org.partnership.resources.repository.RiskRepository;

import java.util.List;
import java.util.UUID;

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
    private final DepartureRepository departures;
    private final Projects projects;
    private final SummaryService summaries;
    private final Outbox outbox;
    private final Time time;

    public DepartureService(RiskRepository risks, DepartureRepository departures, Projects projects, SummaryService summaries,
            Outbox outbox, Time time) {
        this.risks = risks;
        this.departures = departures;
        this.projects = projects;
        this.summaries = summaries;
        this.outbox = outbox;
        this.time = time;
    }

    /**
     * The open pledges of partners that left the project: the project's lead (who must replace them), auditors and
     * administrators see them; other participants get a 403, everyone else a 404.
     */
    @WithSession
    public Uni<List<Contribution>> departedPledges(Caller caller, UUID projectId, ContributionRepository.Position after, int limit) {
        return projects.visible(caller, projectId).chain(project -> {
            if (!caller.readsEverything() && !caller.leads(project)) {
                throw new ResourceAccessDeniedException("only the project's lead, auditors and administrators see what departed "
                        + "partners still owe the project");
            }
            return departures.openPledgesOfDeparted(projectId, after, limit);
        });
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
