package org.partnership.projects.domain;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The latest coverage and risk-allocation summary of a project, kept from resources.v1 (read-only here: written
 * only by its consumer, highest {@code sequence} wins).
 */
@Entity
@Table(name = "resources_summary")
public class ResourcesSummary {

    @Id
    private UUID projectId;

    private long sequence;

    @Convert(converter = JsonConverters.Needs.class)
    private List<LaunchReadiness.NeedCoverage> needs;

    private int openRisks;

    @Convert(converter = JsonConverters.Risks.class)
    private List<LaunchReadiness.UnallocatedRisk> unallocatedOpenRisks;

    @Convert(converter = JsonConverters.Reallocations.class)
    private List<LaunchReadiness.Reallocation> reallocationNeeded;

    @Convert(converter = JsonConverters.Contributions.class)
    private List<Integration.Contribution> contributions;

    private OffsetDateTime updatedAt;

    protected ResourcesSummary() {
    }

    public LaunchReadiness.Coverage coverage() {
        return new LaunchReadiness.Coverage(needs == null ? List.of() : needs, openRisks,
                unallocatedOpenRisks == null ? List.of() : unallocatedOpenRisks,
                reallocationNeeded == null ? List.of() : reallocationNeeded);
    }

    /** Per partner, dimension, type and unit: what it contributes (for the integration matrix). */
    public List<Integration.Contribution> contributions() {
        return contributions == null ? List.of() : contributions;
    }

    public UUID projectId() {
        return projectId;
    }

    public long sequence() {
        return sequence;
    }
}
