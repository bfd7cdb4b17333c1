package org.partnership.projects.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A goal of a project made measurable: from {@code baseline} to {@code target} in {@code unit}. Measurements are
 * appended over time; the one measured last is the {@code latest}, and progress is how far it got from baseline to
 * target.
 */
@Entity
@Table(name = "indicator")
public class Indicator {

    @Id
    private UUID id;

    private UUID projectId;

    private String name;

    private String unit;

    private BigDecimal baseline;

    private BigDecimal target;

    private BigDecimal latestValue;

    private LocalDate latestMeasuredAt;

    private String createdBy;

    private OffsetDateTime createdAt;

    protected Indicator() {
    }

    public static Indicator declare(UUID projectId, String name, String unit, BigDecimal baseline, BigDecimal target, String subject) {
        if (baseline.compareTo(target) == 0) {
            throw new ProjectValidationException("target", "must differ from the baseline");
        }
        Indicator indicator = new Indicator();
        indicator.id = UUID.randomUUID();
        indicator.projectId = projectId;
        indicator.name = name.trim();
        indicator.unit = unit.trim();
        indicator.baseline = baseline;
        indicator.target = target;
        indicator.createdBy = subject;
        indicator.createdAt = Project.now();
        return indicator;
    }

    /** Records a measurement; it becomes the latest unless a later one was already recorded. */
    public Measurement measure(BigDecimal value, LocalDate measuredAt, String subject) {
        if (latestMeasuredAt == null || !measuredAt.isBefore(latestMeasuredAt)) {
            latestValue = value;
            latestMeasuredAt = measuredAt;
        }
        return new Measurement(UUID.randomUUID(), id, value, measuredAt, subject, Project.now());
    }

    /** (latest − baseline) / (target − baseline) × 100, two decimals; null before the first measurement. */
    public BigDecimal progressPercent() {
        if (latestValue == null) {
            return null;
        }
        return latestValue.subtract(baseline).multiply(BigDecimal.valueOf(100))
                .divide(target.subtract(baseline), 2, RoundingMode.HALF_UP);
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public BigDecimal baseline() {
        return baseline;
    }

    public BigDecimal target() {
        return target;
    }

    public BigDecimal latestValue() {
        return latestValue;
    }

    public LocalDate latestMeasuredAt() {
        return latestMeasuredAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
