package org.partnership.resources.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One append-only ledger entry: what was delivered, when, with a note and an evidence reference, and the recipient
 * side's review. Quantities are never rewritten: a disputed entry is resolved by a later confirmation or by a
 * correction (a new entry that {@link #corrects()} it), never edited. Changed only through its {@link Contribution}, which
 * keeps the totals.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    private UUID id;

    private UUID contributionId;

    @Column(precision = 19, scale = 4)
    private BigDecimal quantity;

    private LocalDate deliveredOn;

    private String note;

    private String evidence;

    private String recordedBy;

    private OffsetDateTime recordedAt;

    @Enumerated(EnumType.STRING)
    private DeliveryReview review;

    private String reviewNote;

    private String reviewedBy;

    private OffsetDateTime reviewedAt;

    private UUID corrects;

    private UUID correctedBy;

    private String disputeNote;

    private String disputedBy;

    private OffsetDateTime disputedAt;

    /** Who confirms deliveries that nobody reviewed in time. */
    public static final String AUTO_CONFIRM = "system:auto-confirm";

    protected Delivery() {
    }

    static Delivery record(UUID id, UUID contributionId, BigDecimal quantity, LocalDate deliveredOn, String note,
            String evidence, String subject, OffsetDateTime now) {
        Delivery d = new Delivery();
        d.id = id;
        d.contributionId = contributionId;
        d.quantity = quantity;
        d.deliveredOn = deliveredOn;
        d.note = note;
        d.evidence = evidence;
        d.recordedBy = subject;
        d.recordedAt = now;
        d.review = DeliveryReview.UNREVIEWED;
        return d;
    }

    /** A correction of a disputed entry: it counts in place of that one, and is reviewed afresh. */
    static Delivery correction(UUID id, Delivery disputed, BigDecimal quantity, LocalDate deliveredOn, String note,
            String evidence, String subject, OffsetDateTime now) {
        Delivery d = record(id, disputed.contributionId, quantity, deliveredOn, note, evidence, subject, now);
        d.corrects = disputed.id;
        disputed.correctedBy = id;
        return d;
    }

    /**
     * The recipient's verdict. An unreviewed entry may be confirmed or disputed; a disputed one may still be confirmed
     * (that resolves the dispute; the dispute stays on record); a confirmed or corrected one is final.
     */
    void review(DeliveryReview verdict, String note, String subject, OffsetDateTime now) {
        if (correctedBy != null) {
            throw new ResourceConflictException("delivery-corrected", "delivery " + id + " was corrected by delivery "
                    + correctedBy + ": review the correction instead");
        }
        if (review == DeliveryReview.CONFIRMED) {
            throw new ResourceConflictException("already-reviewed", "delivery " + id + " was already CONFIRMED");
        }
        if (verdict == DeliveryReview.DISPUTED) {
            if (review == DeliveryReview.DISPUTED) {
                throw new ResourceConflictException("already-reviewed", "delivery " + id + " is already DISPUTED");
            }
            disputeNote = note;
            disputedBy = subject;
            disputedAt = now;
        }
        review = verdict;
        reviewNote = note;
        reviewedBy = subject;
        reviewedAt = now;
    }

    /** Whether it counts as delivered: unreviewed or confirmed, and not replaced by a correction. */
    public boolean stands() {
        return correctedBy == null && review != DeliveryReview.DISPUTED;
    }

    /** Disputed and neither confirmed since nor corrected. */
    public boolean isOpenDispute() {
        return correctedBy == null && review == DeliveryReview.DISPUTED;
    }

    public UUID id() {
        return id;
    }

    public UUID contributionId() {
        return contributionId;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public LocalDate deliveredOn() {
        return deliveredOn;
    }

    public String note() {
        return note;
    }

    public String evidence() {
        return evidence;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    public DeliveryReview review() {
        return review;
    }

    public String reviewNote() {
        return reviewNote;
    }

    public OffsetDateTime reviewedAt() {
        return reviewedAt;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    /** Confirmed by the auto-confirm job (or, for entries older than reviews, by the migration), not by a person. */
    public boolean reviewedAutomatically() {
        return reviewedBy != null && reviewedBy.startsWith("system:");
    }

    public UUID corrects() {
        return corrects;
    }

    public UUID correctedBy() {
        return correctedBy;
    }

    public String disputeNote() {
        return disputeNote;
    }

    public String disputedBy() {
        return disputedBy;
    }

    public OffsetDateTime disputedAt() {
        return disputedAt;
    }
}
