package org.partnership.resources.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A share of a risk released because its partner left the project (withdrew, or is no longer an accepted participant
 * for another reason): it no longer counts toward 100 %, and stays here, append-only, with who, when and why. It is
 * open — the lead is asked to reallocate the risk — until the lead allocates the risk again.
 */
@Entity
@Table(name = "risk_allocation_release")
public class RiskAllocationRelease {

    @Id
    private UUID id;

    private UUID riskId;

    private UUID partnerId;

    private BigDecimal sharePercent;

    private String reason;

    private String releasedBy;

    private OffsetDateTime releasedAt;

    private String causeEventId;

    private String correlationId;

    private OffsetDateTime reallocatedAt;

    protected RiskAllocationRelease() {
    }

    RiskAllocationRelease(UUID riskId, RiskAllocation share, Departure departure, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.riskId = riskId;
        this.partnerId = share.partnerId();
        this.sharePercent = share.sharePercent();
        this.reason = departure.reason();
        this.releasedBy = departure.by();
        this.releasedAt = now;
        this.causeEventId = departure.causeEventId();
        this.correlationId = departure.correlationId();
    }

    /**
     * Why shares are released: {@code reason} for people, {@code by} what acted (the platform, on an event), and the
     * event and request that caused it, for the audit trail.
     */
    public record Departure(String reason, String by, String causeEventId, String correlationId) {
    }

    public boolean isOpen() {
        return reallocatedAt == null;
    }

    public UUID id() {
        return id;
    }

    public UUID riskId() {
        return riskId;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public BigDecimal sharePercent() {
        return sharePercent;
    }

    public String reason() {
        return reason;
    }

    public String releasedBy() {
        return releasedBy;
    }

    public OffsetDateTime releasedAt() {
        return releasedAt;
    }

    public String causeEventId() {
        return causeEventId;
    }

    public String correlationId() {
        return correlationId;
    }

    public OffsetDateTime reallocatedAt() {
        return reallocatedAt;
    }

    void reallocated(OffsetDateTime now) {
        if (reallocatedAt == null) {
            reallocatedAt = now;
        }
    }
}
