package org.partnership.projects.domain;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A goal of a project made measurable: from {@code baseline} towards dated {@code targets} in {@code unit}; the target
 * due last is the final {@code target}. Measurements are appended over time; the one measured last is the
 * {@code latest}, and progress is how far it got from baseline to a target.
 */
@Entity
@Table(name = "indicator")
public class Indicator {

    /** At most this many dated targets per indicator. */
    public static final int MAX_TARGETS = 20;

    /** A value to reach by a date. */
    public record Target(BigDecimal value, LocalDate dueDate) {
    }

    /**
     * Progress towards one target: {@code percent} = (latest − baseline) / (target − baseline) × 100 (null before the
     * first measurement); reached at 100 % or more; overdue when its date has passed and it is not reached.
     */
    public record Progress(Target target, BigDecimal percent, boolean reached, boolean overdue) {
    }

    @Id
    private UUID id;

    private UUID projectId;

    private String name;

    private String unit;

    private BigDecimal baseline;

    private BigDecimal target;

    @Convert(converter = JsonConverters.Targets.class)
    private List<Target> targets;

    private BigDecimal latestValue;

    private LocalDate latestMeasuredAt;

    private String createdBy;

    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Indicator() {
    }

    /**
     * Declares an indicator with dated {@code targets}; or, without them, with the single {@code target} due at
     * {@code defaultDueDate} (the project's planned end). When both are sent, {@code target} must be the value of the
     * target due last.
     */
    public static Indicator declare(UUID projectId, String name, String unit, BigDecimal baseline, BigDecimal target,
            List<Target> targets, LocalDate defaultDueDate, String subject) {
        boolean single = targets == null || targets.isEmpty();
        if (single && target == null) {
            throw new ProjectValidationException("target", "send a target, or dated targets");
        }
        Indicator indicator = new Indicator();
        indicator.id = UUID.randomUUID();
        indicator.projectId = projectId;
        indicator.name = name.trim();
        indicator.unit = unit.trim();
        indicator.baseline = baseline;
        indicator.setTargets(single ? List.of(new Target(target, defaultDueDate)) : targets, single);
        if (target != null && target.compareTo(indicator.target) != 0) {
            throw new ProjectValidationException("target", "must be the value of the target due last ("
                    + indicator.target.stripTrailingZeros().toPlainString() + "), or be left out");
        }
        indicator.createdBy = subject;
        indicator.createdAt = Project.now();
        return indicator;
    }

    /** Replaces the dated targets (the lead's members); the one due last becomes the final target. */
    public void changeTargets(List<Target> changed) {
        setTargets(changed, false);
    }

    private void setTargets(List<Target> dated, boolean single) {
        if (dated.isEmpty() || dated.size() > MAX_TARGETS) {
            throw new ProjectValidationException("targets", "must hold between 1 and " + MAX_TARGETS + " targets");
        }
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < dated.size(); i++) {
            Target t = dated.get(i);
            if (t.value().compareTo(baseline) == 0) {
                throw new ProjectValidationException(single ? "target" : "targets[" + i + "].value",
                        "must differ from the baseline");
            }
            if (!dates.add(t.dueDate())) {
                throw new ProjectValidationException("targets[" + i + "].dueDate", "two targets are due on " + t.dueDate());
            }
        }
        List<Target> sorted = new ArrayList<>(dated);
        sorted.sort(Comparator.comparing(Target::dueDate));
        targets = List.copyOf(sorted);
        target = sorted.get(sorted.size() - 1).value();
    }

    /** Records a measurement; it becomes the latest unless a later one was already recorded. */
    public Measurement measure(BigDecimal value, LocalDate measuredAt, Caller caller) {
        if (latestMeasuredAt == null || !measuredAt.isBefore(latestMeasuredAt)) {
            latestValue = value;
            latestMeasuredAt = measuredAt;
        }
        return new Measurement(UUID.randomUUID(), id, value, measuredAt, caller.subject(), caller.username(),
                caller.partnerId().orElse(null), Project.now());
    }

    /** (latest − baseline) / (target − baseline) × 100 towards the final target, two decimals; null before the first measurement. */
    public BigDecimal progressPercent() {
        return percentOf(target);
    }

    /** Progress towards the next target due on or after {@code today}, or towards the final one once all are past. */
    public Progress nextTarget(LocalDate today) {
        Target next = targets.stream().filter(t -> !t.dueDate().isBefore(today)).findFirst()
                .orElse(targets.get(targets.size() - 1));
        BigDecimal percent = percentOf(next.value());
        boolean reached = percent != null && percent.compareTo(BigDecimal.valueOf(100)) >= 0;
        return new Progress(next, percent, reached, !reached && next.dueDate().isBefore(today));
    }

    private BigDecimal percentOf(BigDecimal goal) {
        if (latestValue == null) {
            return null;
        }
        return latestValue.subtract(baseline).multiply(BigDecimal.valueOf(100))
                .divide(goal.subtract(baseline), 2, RoundingMode.HALF_UP);
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

    public List<Target> targets() {
        return targets;
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

    public long version() {
        return version;
    }
}
