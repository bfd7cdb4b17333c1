package org.partnership.resources.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.partnership.resources.domain.Decimals;
import org.partnership.resources.domain.Risk;

import java.util.List;
import java.util.UUID;

/** Data of every {@code partnership.risk.*.v1} event (subject: risk id): the risk after the change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskChangedEvent(UUID riskId, UUID projectId, String category, String title, int likelihood, int impact,
                               int score, String status, UUID ownerPartnerId, List<Share> allocations,
                               String allocatedPercent, long version, String note) {

    public record Share(UUID partnerId, String sharePercent) {
    }

    public static RiskChangedEvent of(Risk risk, String note) {
        return new RiskChangedEvent(risk.id(), risk.projectId(), risk.category().name(), risk.title(), risk.likelihood(),
                risk.impact(), risk.score(), risk.status().name(), risk.ownerPartnerId(),
                risk.allocations().stream().map(a -> new Share(a.partnerId(), Decimals.format(a.sharePercent()))).toList(),
                Decimals.format(risk.allocatedPercent()), risk.version(), note);
    }
}
