package org.partnership.resources.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * Data of {@code partnership.project.resources-summarised.v1} (subject: project id): coverage per need and the
 * open risks not allocated 100 % and the risks whose released shares the lead must reallocate, after every change to the project's needs, contributions or risks.
 * {@code sequence} increases with every summary of the project.
 */
@JsonInclude(JsonInclude.Include.ALWAYS) // the event contract, whatever the services' response convention
public record ResourcesSummarisedEvent(UUID projectId, long sequence, List<NeedCoverage> needs, long openRisks,
                                       List<UnallocatedRisk> unallocatedOpenRisks, List<Reallocation> reallocationNeeded,
                                       List<PartnerContribution> contributions) {

    /**
     * What one partner contributes to needs of one dimension ({@code null}: no need, or a need without a dimension),
     * of one type and unit: count, net pledge and delivered (issue #19: the integration matrix).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PartnerContribution(UUID partnerId, String dimension, String type, String unit, long count, String pledged,
                                      String delivered) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    /** {@code delivered} counts deliveries that stand (disputed ones do not); {@code confirmed} is part of it. */
    public record NeedCoverage(UUID needId, String type, String unit, String quantity, String pledged, String delivered,
                               String coveragePercent, String confirmed, String disputed, String confirmedPercent) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnallocatedRisk(UUID riskId, String title, String allocatedPercent) {
    }

    /**
     * A risk not CLOSED whose shares were released because their partners left the project, not yet reallocated by the
     * lead (issue #19): the lead is asked to reallocate it.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Reallocation(UUID riskId, String title, String status, String allocatedPercent, List<ReleasedShare> released) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReleasedShare(UUID partnerId, String sharePercent) {
    }
}
