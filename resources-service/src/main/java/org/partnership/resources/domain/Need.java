package org.partnership.resources.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What a project needs: a type and quantity (+ unit, + dimension), declared by its lead. */
@Entity
@Table(name = "need")
public class Need {

    public static final String OPEN = "OPEN";
    public static final String CANCELLED = "CANCELLED";

    @Id
    private UUID id;

    private UUID projectId;

    @Enumerated(EnumType.STRING)
    private ContributionType type;

    @Column(precision = 19, scale = 4)
    private BigDecimal quantity;

    private String unit;

    private String dimension;

    private String description;

    private String createdBy;

    private OffsetDateTime createdAt;

    /** OPEN, or CANCELLED by a passed CHANGE_NEED proposal (#21). */
    private String status = OPEN;

    private OffsetDateTime cancelledAt;

    /** The last passed proposal that changed or cancelled this need. */
    private UUID decidedByProposal;

    @Version
    private long version;

    protected Need() {
    }

    public static Need declare(UUID id, ProjectReplica project, ContributionType type, BigDecimal quantity, String unit,
            String dimension, String description, String subject, OffsetDateTime now) {
        Need need = new Need();
        need.id = id;
        need.projectId = project.id();
        need.type = type;
        need.quantity = quantity;
        need.unit = unit.trim();
        need.dimension = dimension == null || dimension.isBlank() ? null : dimension.trim();
        need.description = description;
        need.createdBy = subject;
        need.createdAt = now;
        return need;
    }

    /**
     * A passed CHANGE_NEED proposal sets a new quantity (#21). The ledger is not touched: pledges above the new
     * quantity stay, and coverage is capped at 100 %.
     */
    public void changeQuantity(BigDecimal newQuantity, UUID proposalId) {
        requireOpen();
        if (newQuantity == null || newQuantity.signum() <= 0) {
            throw new InvalidResourceException("quantity", "a need's quantity must be above zero, not " + newQuantity);
        }
        quantity = newQuantity;
        decidedByProposal = proposalId;
    }

    /**
     * A passed CHANGE_NEED proposal cancels the need (#21): it no longer counts in the project's coverage and takes no
     * new pledge. Pledges against it are not rewritten: they stay in their partners' ledgers, may still be delivered
     * or withdrawn, and keep their link to the need.
     */
    public void cancel(UUID proposalId, OffsetDateTime now) {
        requireOpen();
        status = CANCELLED;
        cancelledAt = now;
        decidedByProposal = proposalId;
    }

    public boolean isCancelled() {
        return CANCELLED.equals(status);
    }

    private void requireOpen() {
        if (isCancelled()) {
            throw new IllegalStateException("need " + id + " was cancelled");
        }
    }

    /** A contribution may cover this need only with the same type and unit, so coverage adds up. */
    public void requireCoverableBy(ContributionType contributionType, String contributionUnit) {
        if (isCancelled()) {
            throw new InvalidResourceException("needId", "need " + id + " was cancelled by a decision of the partnership:"
                    + " it takes no new pledge");
        }
        if (type != contributionType || !unit.equalsIgnoreCase(contributionUnit.trim())) {
            throw new InvalidResourceException("needId", "need " + id + " asks for " + type + " in '" + unit
                    + "'; a contribution covering it must have the same type and unit");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public ContributionType type() {
        return type;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public String unit() {
        return unit;
    }

    public String dimension() {
        return dimension;
    }

    public String description() {
        return description;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String status() {
        return status;
    }

    public OffsetDateTime cancelledAt() {
        return cancelledAt;
    }

    public UUID decidedByProposal() {
        return decidedByProposal;
    }

    public long version() {
        return version;
    }
}
