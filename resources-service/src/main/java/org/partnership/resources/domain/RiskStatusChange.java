package org.partnership.resources.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a risk's append-only status history. */
@Entity
@Table(name = "risk_status_change")
public class RiskStatusChange {

    @Id
    private UUID id;

    private UUID riskId;

    @Enumerated(EnumType.STRING)
    private RiskStatus fromStatus;

    @Enumerated(EnumType.STRING)
    private RiskStatus toStatus;

    private String note;

    private String changedBy;

    private OffsetDateTime changedAt;

    protected RiskStatusChange() {
    }

    RiskStatusChange(UUID riskId, RiskStatus from, RiskStatus to, String note, String subject, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.riskId = riskId;
        this.fromStatus = from;
        this.toStatus = to;
        this.note = note;
        this.changedBy = subject;
        this.changedAt = now;
    }

    public RiskStatus fromStatus() {
        return fromStatus;
    }

    public RiskStatus toStatus() {
        return toStatus;
    }

    public String note() {
        return note;
    }

    public String changedBy() {
        return changedBy;
    }

    public OffsetDateTime changedAt() {
        return changedAt;
    }
}
