package org.partnership.projects.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.inbox.Inbox;
import org.partnership.messaging.inbox.PoisonEventException;
import org.partnership.projects.domain.Integration;
import org.partnership.projects.domain.LaunchReadiness;
import org.partnership.projects.repository.ResourcesSummaryRepository;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the latest coverage and risk-allocation summary per project from resources.v1
 * ({@code partnership.project.resources-summarised.v1}); the highest {@code sequence} wins. Every delivery review
 * (confirmed, disputed, confirmed automatically, corrected) is followed by a new summary, so the replica's confirmed and
 * disputed quantities per need converge without consuming {@code partnership.delivery.*.v1} itself. Other resources
 * events are ignored.
 */
@ApplicationScoped
public class ResourcesSummaryConsumer {

    public static final String CONSUMER = "projects-service.resources";

    private final Inbox inbox;
    private final ResourcesSummaryRepository summaries;

    public ResourcesSummaryConsumer(Inbox inbox, ResourcesSummaryRepository summaries) {
        this.inbox = inbox;
        this.summaries = summaries;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SummaryData(UUID projectId, Long sequence, List<NeedData> needs, Integer openRisks,
                              List<RiskData> unallocatedOpenRisks, List<ReallocationData> reallocationNeeded,
                              List<ContributionData> contributions) {
    }

    /** Optional (issue #19): absent from summaries published before it existed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReallocationData(UUID riskId, String title, String status, BigDecimal allocatedPercent,
                                   List<ReleasedData> released) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReleasedData(UUID partnerId, BigDecimal sharePercent) {
    }

    /** Optional (issue #19): absent from summaries published before it existed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContributionData(UUID partnerId, String dimension, String type, String unit, Long count,
                                   BigDecimal pledged, BigDecimal delivered) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NeedData(UUID needId, String type, String unit, BigDecimal quantity, BigDecimal pledged,
                           BigDecimal delivered, BigDecimal coveragePercent, BigDecimal confirmed, BigDecimal disputed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RiskData(UUID riskId, String title, BigDecimal allocatedPercent) {
    }

    @Incoming("resources")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, CONSUMER, Map.of(ProjectEvents.RESOURCES_SUMMARISED, this::apply));
    }

    private Uni<Void> apply(CloudEvent event) {
        SummaryData data = inbox.dataAs(event, SummaryData.class);
        if (data.projectId() == null || data.sequence() == null || data.needs() == null || data.openRisks() == null
                || data.unallocatedOpenRisks() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks projectId, sequence, needs, openRisks or unallocatedOpenRisks");
        }
        List<LaunchReadiness.NeedCoverage> needs = data.needs().stream()
                .map(n -> {
                    if (n.type() == null || n.quantity() == null || n.pledged() == null || n.coveragePercent() == null) {
                        throw new PoisonEventException("event " + event.id() + " has a need without type, quantity, pledged or coveragePercent");
                    }
                    return new LaunchReadiness.NeedCoverage(n.type(), n.unit(), n.quantity(), n.pledged(), n.coveragePercent(),
                            n.confirmed(), n.disputed());
                })
                .toList();
        List<LaunchReadiness.UnallocatedRisk> risks = data.unallocatedOpenRisks().stream()
                .map(r -> new LaunchReadiness.UnallocatedRisk(r.title() == null ? String.valueOf(r.riskId()) : r.title(),
                        r.allocatedPercent() == null ? BigDecimal.ZERO : r.allocatedPercent()))
                .toList();
        List<LaunchReadiness.Reallocation> reallocation = data.reallocationNeeded() == null ? List.of()
                : data.reallocationNeeded().stream().map(r -> {
                    if (r.riskId() == null || r.released() == null) {
                        throw new PoisonEventException("event " + event.id() + " has a risk to reallocate without riskId or released");
                    }
                    return new LaunchReadiness.Reallocation(r.riskId(), r.title() == null ? String.valueOf(r.riskId()) : r.title(),
                            r.status(), r.allocatedPercent() == null ? BigDecimal.ZERO : r.allocatedPercent(),
                            r.released().stream().map(x -> new LaunchReadiness.ReleasedShare(x.partnerId(), x.sharePercent())).toList());
                }).toList();
        List<Integration.Contribution> contributions = data.contributions() == null ? List.of()
                : data.contributions().stream().map(c -> {
                    if (c.partnerId() == null || c.type() == null || c.pledged() == null || c.delivered() == null) {
                        throw new PoisonEventException("event " + event.id() + " has a contribution without partnerId, type, pledged or delivered");
                    }
                    return new Integration.Contribution(c.partnerId(), c.dimension(), c.type(), c.unit(),
                            c.count() == null ? 0 : c.count(), c.pledged(), c.delivered());
                }).toList();
        return summaries.upsert(data.projectId(), data.sequence(), needs, data.openRisks(), risks, reallocation, contributions)
                .invoke(applied -> Log.debugf("resources summary %d of project %s %s", data.sequence(), data.projectId(),
                        applied == 1 ? "applied" : "not newer than the kept one; ignored"))
                .replaceWithVoid();
    }
}
