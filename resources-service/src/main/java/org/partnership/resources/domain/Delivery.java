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

/** One append-only ledger entry: what was delivered, when, with a note and an evidence reference. */
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

    /** The lead confirms or disputes a delivery once; the verdict is not rewritten afterwards. */
    public void review(DeliveryReview verdict, String note, String subject, OffsetDateTime now) {
        if (review != DeliveryReview.UNREVIEWED) {
            throw new ResourceConflictException("already-reviewed", "delivery " + id + " was already " + review);
        }
        review = verdict;
        reviewNote = note;
        reviewedBy = subject;
        reviewedAt = now;
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
}
