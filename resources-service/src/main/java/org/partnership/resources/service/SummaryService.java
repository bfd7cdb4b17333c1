package org.partnership.resources.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.resources.domain.Decimals;
import org.partnership.resources.domain.Risk;
import org.partnership.resources.messaging.ResourceEvents;
import org.partnership.resources.messaging.ResourcesSummarisedEvent;
import org.partnership.resources.repository.NeedRepository;
import org.partnership.resources.repository.RiskRepository;
import org.partnership.resources.repository.SummaryRepository;

import java.util.UUID;

/**
 * Appends {@code partnership.project.resources-summarised.v1} in the transaction of every change to a project's
 * needs, contributions or risks (deliveries and their reviews included): coverage per need (pledged, delivered,
 * confirmed, disputed), open risks, and the open risks not allocated 100 %.
 */
@ApplicationScoped
public class SummaryService {

    private final SummaryRepository summaries;
    private final NeedRepository needs;
    private final RiskRepository risks;
    private final Outbox outbox;

    public SummaryService(SummaryRepository summaries, NeedRepository needs, RiskRepository risks, Outbox outbox) {
        this.summaries = summaries;
        this.needs = needs;
        this.risks = risks;
        this.outbox = outbox;
    }

    /** Call last in the transaction: the sequence row stays locked until commit, ordering concurrent summaries. */
    public Uni<Void> summarise(UUID projectId) {
        return summaries.nextSequence(projectId).chain(sequence -> needs.coverage(projectId)
                .chain(coverage -> needs.ofProject(projectId).map(list -> list.stream().filter(need -> !need.isCancelled()).map(need -> {
                    NeedRepository.Coverage c = coverage.getOrDefault(need.id(), NeedRepository.Coverage.NONE);
                    return new ResourcesSummarisedEvent.NeedCoverage(need.id(), need.type().name(), need.unit(),
                            Decimals.format(need.quantity()), Decimals.format(c.pledged()), Decimals.format(c.delivered()),
                            Decimals.format(Decimals.percent(c.pledged(), need.quantity())), Decimals.format(c.confirmed()),
                            Decimals.format(c.disputed()), Decimals.format(Decimals.percent(c.confirmed(), need.quantity())));
                }).toList()))
                .chain(needCoverage -> risks.openCount(projectId).chain(open -> risks.unallocatedOpen(projectId)
                        .chain(unallocated -> risks.needingReallocation(projectId)
                        .chain(reallocation -> summaries.contributions(projectId)
                        .map(contributions -> new ResourcesSummarisedEvent(projectId, sequence, needCoverage, open,
                                unallocated.stream().map(u -> new ResourcesSummarisedEvent.UnallocatedRisk(u.riskId(), u.title(),
                                        Decimals.format(u.allocatedPercent()))).toList(),
                                reallocation.stream().map(SummaryService::reallocation).toList(),
                                contributions.stream().map(c -> new ResourcesSummarisedEvent.PartnerContribution(c.partnerId(),
                                        c.dimension(), c.type(), c.unit(), c.count(), Decimals.format(c.pledged()),
                                        Decimals.format(c.delivered()))).toList()))))))
                .chain(event -> outbox.append(ResourceEvents.PROJECT, projectId, ResourceEvents.RESOURCES_SUMMARISED, event)))
                .replaceWithVoid();
    }

    private static ResourcesSummarisedEvent.Reallocation reallocation(Risk risk) {
        return new ResourcesSummarisedEvent.Reallocation(risk.id(), risk.title(), risk.status().name(),
                Decimals.format(risk.allocatedPercent()), risk.openReleases().stream()
                .map(r -> new ResourcesSummarisedEvent.ReleasedShare(r.partnerId(), Decimals.format(r.sharePercent()))).toList());
    }
}
