package org.partnership.projects.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A partner's vote on a proposal, cast by one of its representatives; changed (not added again) until the proposal
 * closes, and voided when the partner leaves the project while the proposal is open. Changed only through
 * {@link Proposal}.
 */
@Entity
@Table(name = "vote")
public class Vote {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "proposal_id")
    private Proposal proposal;

    private UUID partnerId;

    @Enumerated(EnumType.STRING)
    private Governance.Choice choice;

    private String comment;

    private String votedBy;

    private String votedByName;

    private OffsetDateTime firstVotedAt;

    private OffsetDateTime votedAt;

    private int changes;

    private OffsetDateTime voidedAt;

    private String voidedReason;

    protected Vote() {
    }

    static Vote cast(Proposal proposal, UUID partnerId, Governance.Choice choice, String comment, String subject, String username,
            OffsetDateTime now) {
        Vote v = new Vote();
        v.id = UUID.randomUUID();
        v.proposal = proposal;
        v.partnerId = partnerId;
        v.firstVotedAt = now;
        v.set(choice, comment, subject, username, now);
        return v;
    }

    void change(Governance.Choice newChoice, String newComment, String subject, String username, OffsetDateTime now) {
        changes++;
        voidedAt = null;
        voidedReason = null;
        set(newChoice, newComment, subject, username, now);
    }

    private void set(Governance.Choice newChoice, String newComment, String subject, String username, OffsetDateTime now) {
        choice = newChoice;
        comment = newComment;
        votedBy = subject;
        votedByName = username;
        votedAt = now;
    }

    void voidIt(String reason, OffsetDateTime now) {
        voidedAt = now;
        voidedReason = reason;
    }

    public boolean isVoid() {
        return voidedAt != null;
    }

    public UUID id() {
        return id;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public Governance.Choice choice() {
        return choice;
    }

    public String comment() {
        return comment;
    }

    public String votedBy() {
        return votedBy;
    }

    public String votedByName() {
        return votedByName;
    }

    public OffsetDateTime firstVotedAt() {
        return firstVotedAt;
    }

    public OffsetDateTime votedAt() {
        return votedAt;
    }

    public int changes() {
        return changes;
    }

    public OffsetDateTime voidedAt() {
        return voidedAt;
    }

    public String voidedReason() {
        return voidedReason;
    }
}
