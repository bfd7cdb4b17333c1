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
 * rewritten: deliveries are appended ({@link #recordDelivery}), the recipient side reviews each ({@link #review}),
 * a disputed one is resolved by a later confirmation or a correction ({@link #recordCorrection}), the undelivered
 * remainder may be withdrawn ({@link #withdraw}).
 * <ul>
 * <li>{@code delivered}: the deliveries that stand (unreviewed or confirmed; disputed and corrected ones do not count);</li>
 * <li>{@code confirmed}: the part of it the recipient side confirmed (or that was confirmed automatically);</li>
 * <li>{@code disputed}: deliveries disputed and not yet resolved; they still take their room in the pledge, so the
 *     contributor corrects them rather than delivering again;</li>
 * <li>delivered + disputed + withdrawn never exceeds pledged; FULFILLED means confirmed = pledged.</li>
 * </ul>
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
    private BigDecimal confirmed;

    @Column(precision = 19, scale = 4)
    private BigDecimal disputed;

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
        c.confirmed = BigDecimal.ZERO;
        c.disputed = BigDecimal.ZERO;
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
                    + ": no more deliveries can be recorded" + (disputed.signum() > 0
                    ? "; a disputed delivery is corrected by recording its correction (corrects)" : ""));
        }
        requireRoom(amount, remaining(), "");
        delivered = delivered.add(amount);
        settle(now);
        return Delivery.record(deliveryId, id, amount, deliveredOn, note, evidence, subject, now);
    }

    /**
     * The contributor's resolution of a dispute: a corrected delivery that replaces the disputed entry (which stays on
     * the ledger, naming its correction, and no longer counts). It may be larger or smaller than the disputed one,
     * within what the pledge leaves room for; it is unreviewed until the recipient side reviews it.
     */
    public Delivery recordCorrection(UUID deliveryId, Delivery disputedEntry, BigDecimal amount, LocalDate deliveredOn,
            String note, String evidence, String subject, OffsetDateTime now) {
        requireOwn(disputedEntry);
        if (!disputedEntry.isOpenDispute()) {
            throw new ResourceConflictException("not-disputed", "delivery " + disputedEntry.id() + " is "
                    + (disputedEntry.correctedBy() != null ? "already corrected by delivery " + disputedEntry.correctedBy()
                    : disputedEntry.review()) + ": only a disputed delivery is corrected");
        }
        requireRoom(amount, unrecorded().add(disputedEntry.quantity()), " in place of the disputed " + Decimals.format(disputedEntry.quantity()));
        Delivery correction = Delivery.correction(deliveryId, disputedEntry, amount, deliveredOn, note, evidence, subject, now);
        disputed = disputed.subtract(disputedEntry.quantity());
        delivered = delivered.add(amount);
        settle(now);
        return correction;
    }

    /**
     * The recipient side's verdict on one of its deliveries (who may give it is checked by {@link Caller#requireRecipient}).
     * Disputing takes the quantity out of delivered until resolved; confirming a disputed entry puts it back.
     */
    public void review(Delivery delivery, DeliveryReview verdict, String note, String subject, OffsetDateTime now) {
        requireOwn(delivery);
        if (verdict == DeliveryReview.UNREVIEWED) {
            throw new IllegalArgumentException("a review is CONFIRMED or DISPUTED");
        }
        DeliveryReview before = delivery.review();
        delivery.review(verdict, note, subject, now);
        BigDecimal q = delivery.quantity();
        if (verdict == DeliveryReview.DISPUTED) {
            delivered = delivered.subtract(q);
            disputed = disputed.add(q);
        } else {
            if (before == DeliveryReview.DISPUTED) {
                disputed = disputed.subtract(q);
                delivered = delivered.add(q);
            }
            confirmed = confirmed.add(q);
        }
        settle(now);
    }

    private void requireOwn(Delivery delivery) {
        if (!delivery.contributionId().equals(id)) {
            throw new ObjectNotFoundException("delivery", delivery.id());
        }
    }

    private void requireRoom(BigDecimal amount, BigDecimal room, String context) {
        if (amount.compareTo(room) > 0) {
            throw new ResourceConflictException("over-delivery", "delivering " + Decimals.format(amount) + " " + unit
                    + context + " would exceed the pledge: only " + Decimals.format(room) + " " + unit + " remain"
                    + (disputed.signum() > 0 ? " (" + Decimals.format(disputed) + " " + unit
                    + " are disputed: correct the disputed delivery instead)" : ""));
        }
    }

    /** The status after a change: FULFILLED once confirmed reaches the pledge; a withdrawal stays a withdrawal. */
    private void settle(OffsetDateTime now) {
        if (status != ContributionStatus.WITHDRAWN) {
            BigDecimal recorded = delivered.add(disputed);
            if (confirmed.compareTo(quantity) >= 0) {
                status = ContributionStatus.FULFILLED;
            } else if (recorded.compareTo(quantity) >= 0) {
                status = ContributionStatus.DELIVERED;
            } else if (recorded.signum() > 0) {
                status = ContributionStatus.PARTIALLY_DELIVERED;
            } else {
                status = ContributionStatus.PLEDGED;
            }
        }
        updatedAt = now;
    }

    /** Takes back the undelivered remainder, with a reason; what was delivered stays on the ledger. */
    public void withdraw(String reason, OffsetDateTime now) {
        if (!status.isOpen()) {
            throw new ResourceConflictException("contribution-closed", "contribution " + id + " is " + status
                    + ": there is no undelivered remainder to withdraw");
        }
        withdrawn = unrecorded();
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

    /** What is still expected: nothing once everything is recorded, fulfilled or withdrawn. */
    public BigDecimal remaining() {
        return status.isOpen() ? unrecorded() : BigDecimal.ZERO;
    }

    /** The pledge not yet recorded as delivered (standing or disputed) nor withdrawn. */
    private BigDecimal unrecorded() {
        return quantity.subtract(withdrawn).subtract(delivered).subtract(disputed);
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

    public BigDecimal confirmed() {
        return confirmed;
    }

    public BigDecimal disputed() {
        return disputed;
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
