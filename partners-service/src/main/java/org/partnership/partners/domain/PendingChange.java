package org.partnership.partners.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A change to the fields an administrator vouches for when verifying a partner (its name, legal form and sector),
 * proposed by one of its members and not yet in force. Only the fields that would change are set; the others are
 * {@code null}. An administrator approves it ({@link Partner#approvePendingChange}) or rejects it.
 */
@Embeddable
public class PendingChange {

    @Column(name = "pending_name")
    private String name;

    @Column(name = "pending_legal_form")
    private String legalForm;

    @Enumerated(EnumType.STRING)
    @Column(name = "pending_sector")
    private Sector sector;

    @Column(name = "pending_proposed_by")
    private String proposedBy;

    @Column(name = "pending_proposed_at")
    private OffsetDateTime proposedAt;

    protected PendingChange() {
    }

    PendingChange(String name, String legalForm, Sector sector, String proposedBy, OffsetDateTime proposedAt) {
        this.name = name;
        this.legalForm = legalForm;
        this.sector = sector;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    /** True when it changes nothing (every proposed value is the one in force). */
    boolean isEmpty() {
        return name == null && legalForm == null && sector == null;
    }

    /** A proposed value, or null when it is the value in force. */
    static <T> T differing(T proposed, T current) {
        return Objects.equals(proposed, current) ? null : proposed;
    }

    public String name() {
        return name;
    }

    public String legalForm() {
        return legalForm;
    }

    public Sector sector() {
        return sector;
    }

    /** The user (username, or token subject when it has none) who proposed it last. */
    public String proposedBy() {
        return proposedBy;
    }

    public OffsetDateTime proposedAt() {
        return proposedAt;
    }
}
