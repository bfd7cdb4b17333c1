package org.partnership.projects.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One measurement of an indicator, with who recorded it and when; append-only. */
@Entity
@Table(name = "measurement")
public class Measurement {

    @Id
    private UUID id;

    private UUID indicatorId;

    private BigDecimal value;

    private LocalDate measuredAt;

    private String recordedBy;

    private String recordedByName;

    private UUID recordedByPartnerId;

    private OffsetDateTime recordedAt;

    protected Measurement() {
    }

    Measurement(UUID id, UUID indicatorId, BigDecimal value, LocalDate measuredAt, String recordedBy, String recordedByName,
            UUID recordedByPartnerId, OffsetDateTime recordedAt) {
        this.id = id;
        this.indicatorId = indicatorId;
        this.value = value;
        this.measuredAt = measuredAt;
        this.recordedBy = recordedBy;
        this.recordedByName = recordedByName;
        this.recordedByPartnerId = recordedByPartnerId;
        this.recordedAt = recordedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID indicatorId() {
        return indicatorId;
    }

    public BigDecimal value() {
        return value;
    }

    public LocalDate measuredAt() {
        return measuredAt;
    }

    /** The token subject of who recorded it. */
    public String recordedBy() {
        return recordedBy;
    }

    /** Their username; null for measurements recorded before it was kept. */
    public String recordedByName() {
        return recordedByName;
    }

    /** The partner they represented; null for measurements recorded before it was kept (or by a user of no partner). */
    public UUID recordedByPartnerId() {
        return recordedByPartnerId;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }
}
