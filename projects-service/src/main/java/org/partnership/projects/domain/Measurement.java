package org.partnership.projects.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One measurement of an indicator; append-only. */
@Entity
@Table(name = "measurement")
public class Measurement {

    @Id
    private UUID id;

    private UUID indicatorId;

    private BigDecimal value;

    private LocalDate measuredAt;

    private String recordedBy;

    private OffsetDateTime recordedAt;

    protected Measurement() {
    }

    Measurement(UUID id, UUID indicatorId, BigDecimal value, LocalDate measuredAt, String recordedBy, OffsetDateTime recordedAt) {
        this.id = id;
        this.indicatorId = indicatorId;
        this.value = value;
        this.measuredAt = measuredAt;
        this.recordedBy = recordedBy;
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

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }
}
