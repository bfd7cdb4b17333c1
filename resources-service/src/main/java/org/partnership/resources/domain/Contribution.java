package org.partnership.resources.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A partner's pledge to a project, and what has been delivered against it. The pledged quantity is never
 * rewritten: deliveries are appended ({@link #recordDelivery}), the undelivered remainder may be withdrawn
 * ({@link #withdraw}), and delivered never exceeds pledged.
 */
@Entity
@Table(name = "contribution")
public class Contribution {

    @Id
    private UUID id;

    private UUID projectId;

    private UUID partnerId;

    private UUID needId;

    @Enumerated(EnumType.STRING)
    private ContributionType type;

    @Column(precision = 19, scale = 4)
    private BigDecimal quantity;

    private String unit;

    @Column(precision = 19, scale = 4)
    private BigDecimal valuationAmount;

    private String valuationCurrency;

    private LocalDate dueDate;

    private String description;

    @Enumerated(EnumType.STRING)
    private ContributionStatus status;

    @Column(precision = 19, scale = 4)
    private BigDecimal delivered;

    @Column(precision = 19, scale = 4)
    private BigDecimal withdrawn;

    private String withdrawalReason;

    private LocalDate overdueSince;

    private String createdBy;

    private OffsetDateTime createdAt;

    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Contribution() {
    }

    /** What a partner pledges; the rules about who and where are checked by the service before. */
    public record Pledge(ContributionType type, BigDecimal quantity, String unit, Money valuation, LocalDate dueDate,
                         String description) {
    }

    public static Contribution pledge(UUID id, ProjectReplica project, UUID partnerId, Need need, Pledge pledge,
            String subject, OffsetDateTime now) {
        if (need != null) {
            if (!need.projectId().equals(project.id())) {
                throw new InvalidResourceException("needId", "need " + need.id() + " belongs to another project");
            }
            need.requireCoverableBy(pledge.type(), pledge.unit());
        }
        Contribution c = new Contribution();
        c.id = id;
        c.projectId = project.id();
        c.partnerId = partnerId;
        c.needId = need == null ? null : need.id();
        c.type = pledge.type();
        c.quantity = pledge.quantity();
        c.unit = pledge.unit().trim();
        c.valuationAmount = pledge.valuation() == null ? null : pledge.valuation().amount();
        c.valuationCurrency = pledge.valuation() == null ? null : pledge.valuation().currency();
        c.dueDate = pledge.dueDate();
        c.description = pledge.description();
        c.status = ContributionStatus.PLEDGED;
        c.delivered = BigDecimal.ZERO;
        c.withdrawn = BigDecimal.ZERO;
        c.createdBy = subject;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** Appends a delivery: refused when the contribution is closed or the quantity exceeds what remains. */
    public Delivery recordDelivery(UUID deliveryId, BigDecimal amount, LocalDate deliveredOn, String note, String evidence,
            String subject, OffsetDateTime now) {
        if (!status.isOpen()) {
            throw new ResourceConflictException("contribution-closed", "contribution " + id + " is " + status
                    + ": no more deliveries can be recorded");
        }
        BigDecimal remaining = remaining();
        if (amount.compareTo(remaining) > 0) {
            throw new ResourceConflictException("over-delivery", "delivering " + Decimals.format(amount) + " " + unit
                    + " would exceed the pledge: only " + Decimals.format(remaining) + " " + unit + " remain");
        }
        delivered = delivered.add(amount);
        status = delivered.compareTo(quantity) == 0 ? ContributionStatus.FULFILLED : ContributionStatus.PARTIALLY_DELIVERED;
        updatedAt = now;
        return Delivery.record(deliveryId, id, amount, deliveredOn, note, evidence, subject, now);
    }

    /** Takes back the undelivered remainder, with a reason; what was delivered stays on the ledger. */
    public void withdraw(String reason, OffsetDateTime now) {
        if (!status.isOpen()) {
            throw new ResourceConflictException("contribution-closed", "contribution " + id + " is " + status
                    + ": there is no undelivered remainder to withdraw");
        }
        withdrawn = remaining();
        withdrawalReason = reason;
        status = ContributionStatus.WITHDRAWN;
        updatedAt = now;
    }

    /** Past its due date and still expecting deliveries. */
    public boolean isOverdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && status.isOpen();
    }

    /** Records that the overdue notice went out (once per contribution). */
    public void markOverdue(LocalDate today, OffsetDateTime now) {
        overdueSince = today;
        updatedAt = now;
    }

    /** What is still expected: nothing once fulfilled or withdrawn. */
    public BigDecimal remaining() {
        return status.isOpen() ? quantity.subtract(delivered) : BigDecimal.ZERO;
    }

    /** The pledge net of any withdrawal: what counts towards a need's coverage. */
    public BigDecimal effectivePledge() {
        return quantity.subtract(withdrawn);
    }

    public Money valuation() {
        return valuationAmount == null ? null : new Money(valuationAmount, valuationCurrency);
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public UUID needId() {
        return needId;
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

    public LocalDate dueDate() {
        return dueDate;
    }

    public String description() {
        return description;
    }

    public ContributionStatus status() {
        return status;
    }

    public BigDecimal delivered() {
        return delivered;
    }

    public BigDecimal withdrawn() {
        return withdrawn;
    }

    public String withdrawalReason() {
        return withdrawalReason;
    }

    public LocalDate overdueSince() {
        return overdueSince;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
