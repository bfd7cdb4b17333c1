package org.partnership.resources.messaging;

import java.util.List;
import java.util.UUID;

/**
 * Data of {@code partnership.project.resources-summarised.v1} (subject: project id): coverage per need and the
 * open risks not allocated 100 %, after every change to the project's needs, contributions or risks.
 * {@code sequence} increases with every summary of the project.
 */
public record ResourcesSummarisedEvent(UUID projectId, long sequence, List<NeedCoverage> needs, long openRisks,
                                       List<UnallocatedRisk> unallocatedOpenRisks) {

    public record NeedCoverage(UUID needId, String type, String unit, String quantity, String pledged, String delivered,
                               String coveragePercent) {
    }

    public record UnallocatedRisk(UUID riskId, String title, String allocatedPercent) {
    }
}
