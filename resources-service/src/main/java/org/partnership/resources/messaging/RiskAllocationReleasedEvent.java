package org.partnership.resources.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.partnership.resources.domain.Decimals;
import org.partnership.resources.domain.Risk;
import org.partnership.resources.domain.RiskAllocationRelease;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code partnership.risk.allocation-released.v1} (subject: risk id): the risk after the shares of partners
 * that left the project were released ({@code allocations} and {@code allocatedPercent} no longer count them), and
 * the shares released by this change; {@code reallocationNeeded} is true while the lead has not allocated it again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskAllocationReleasedEvent(UUID riskId, UUID projectId, String category, String title, int likelihood,
                                          int impact, int score, String status, UUID ownerPartnerId,
                                          List<RiskChangedEvent.Share> allocations, String allocatedPercent, long version,
                                          List<Released> released, boolean reallocationNeeded) {

    public record Released(UUID partnerId, String sharePercent, String reason, OffsetDateTime releasedAt) {
    }

    public static RiskAllocationReleasedEvent of(Risk risk, List<RiskAllocationRelease> released) {
        RiskChangedEvent r = RiskChangedEvent.of(risk, null);
        return new RiskAllocationReleasedEvent(r.riskId(), r.projectId(), r.category(), r.title(), r.likelihood(), r.impact(),
                r.score(), r.status(), r.ownerPartnerId(), r.allocations(), r.allocatedPercent(), r.version(),
                released.stream().map(x -> new Released(x.partnerId(), Decimals.format(x.sharePercent()), x.reason(),
                        x.releasedAt())).toList(), risk.needsReallocation());
    }
}
