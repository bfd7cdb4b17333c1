package org.partnership.projects.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.http.Preconditions;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.domain.Indicator;
import org.partnership.projects.domain.Measurement;
import org.partnership.projects.domain.PartnerReplica;
import org.partnership.projects.domain.Project;
import org.partnership.projects.domain.ProjectAccessDeniedException;
import org.partnership.projects.domain.ProjectNotFoundException;
import org.partnership.projects.messaging.IndicatorMeasuredEvent;
import org.partnership.projects.messaging.ProjectEvents;
import org.partnership.projects.repository.IndicatorRepository;
import org.partnership.projects.repository.MeasurementRepository;
import org.partnership.projects.repository.PartnerReplicaRepository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Goals made measurable: the lead declares indicators and their dated targets; the lead and accepted participants
 * record measurements; participants, auditors and administrators read them back with who recorded each value.
 */
@ApplicationScoped
public class IndicatorService {

    private final ProjectService projects;
    private final IndicatorRepository indicators;
    private final MeasurementRepository measurements;
    private final PartnerReplicaRepository partners;
    private final Outbox outbox;

    public IndicatorService(ProjectService projects, IndicatorRepository indicators, MeasurementRepository measurements,
            PartnerReplicaRepository partners, Outbox outbox) {
        this.projects = projects;
        this.indicators = indicators;
        this.measurements = measurements;
        this.partners = partners;
        this.outbox = outbox;
    }

    /** A measurement with the replica of the partner its recorder represented (null when unknown). */
    public record RecordedMeasurement(Measurement measurement, PartnerReplica partner) {
    }

    /** A measurement just recorded and the indicator after it. */
    public record Recorded(Indicator indicator, Measurement measurement) {
    }

    /** A page of the project's indicators, oldest declared first. */
    @WithSession
    public Uni<List<Indicator>> list(Caller caller, UUID projectId, IndicatorRepository.Position after, int limit) {
        return projects.insider(caller, projectId).chain(project -> indicators.page(projectId, after, limit));
    }

    /** One indicator of a project the caller sees in full. */
    @WithSession
    public Uni<Indicator> get(Caller caller, UUID projectId, UUID indicatorId) {
        return projects.insider(caller, projectId).chain(project -> indicator(projectId, indicatorId));
    }

    /** A page of an indicator's measurements, newest measured first. */
    @WithSession
    public Uni<List<RecordedMeasurement>> measurements(Caller caller, UUID projectId, UUID indicatorId,
            MeasurementRepository.Position after, int limit) {
        return get(caller, projectId, indicatorId).chain(indicator -> measurements.history(indicatorId, after, limit))
                .chain(this::withPartners);
    }

    /** One measurement of an indicator. */
    @WithSession
    public Uni<RecordedMeasurement> measurement(Caller caller, UUID projectId, UUID indicatorId, UUID measurementId) {
        return get(caller, projectId, indicatorId).chain(indicator -> measurements.findById(measurementId)).map(m -> {
            if (m == null || !m.indicatorId().equals(indicatorId)) {
                throw new ProjectNotFoundException("measurement", measurementId);
            }
            return m;
        }).chain(m -> withPartners(List.of(m))).map(list -> list.get(0));
    }

    @WithTransaction
    public Uni<Indicator> declare(Caller caller, UUID projectId, String name, String unit, BigDecimal baseline, BigDecimal target,
            List<Indicator.Target> targets) {
        return projects.managed(caller, projectId).chain(project -> {
            project.requireNotClosed("changed");
            return indicators.persist(Indicator.declare(projectId, name, unit, baseline, target, targets,
                    project.plannedEnd(), caller.subject()));
        });
    }

    /** The lead's members replace an indicator's dated targets, based on the version they read (412 when stale). */
    @WithTransaction
    public Uni<Indicator> changeTargets(Caller caller, UUID projectId, UUID indicatorId, long expectedVersion,
            List<Indicator.Target> targets) {
        return projects.managed(caller, projectId).chain(project -> {
            project.requireNotClosed("changed");
            return indicator(projectId, indicatorId);
        }).chain(indicator -> {
            Preconditions.check(expectedVersion, indicator.version());
            indicator.changeTargets(targets);
            return indicators.flush().replaceWith(indicator);
        });
    }

    @WithTransaction
    public Uni<Recorded> measure(Caller caller, UUID projectId, UUID indicatorId, BigDecimal value, LocalDate measuredAt) {
        return projects.insider(caller, projectId).chain(project -> {
            requireRecorder(caller, project);
            project.requireNotClosed("measured");
            return indicator(projectId, indicatorId);
        }).chain(indicator -> {
            var measurement = indicator.measure(value, measuredAt, caller);
            return measurements.persist(measurement)
                    .call(() -> outbox.append(ProjectEvents.PROJECT, projectId, ProjectEvents.INDICATOR_MEASURED,
                            IndicatorMeasuredEvent.of(indicator, measurement)))
                    .call(indicators::flush)
                    .replaceWith(new Recorded(indicator, measurement));
        });
    }

    private static void requireRecorder(Caller caller, Project project) {
        boolean acceptedParticipant = caller.partnerId().flatMap(project::participant).map(p -> p.isAccepted()).orElse(false);
        if (!caller.manages(project) && !acceptedParticipant) {
            throw new ProjectAccessDeniedException(caller.isAuditor() ? "auditors read; they change nothing"
                    : "only the lead and accepted participants record measurements");
        }
    }

    private Uni<Indicator> indicator(UUID projectId, UUID indicatorId) {
        return indicators.findById(indicatorId).map(indicator -> {
            if (indicator == null || !indicator.projectId().equals(projectId)) {
                throw new ProjectNotFoundException("indicator", indicatorId);
            }
            return indicator;
        });
    }

    private Uni<List<RecordedMeasurement>> withPartners(List<Measurement> found) {
        List<UUID> ids = found.stream().map(Measurement::recordedByPartnerId).filter(Objects::nonNull).distinct().toList();
        return partners.byIds(ids).map((Map<UUID, PartnerReplica> replicas) -> found.stream()
                .map(m -> new RecordedMeasurement(m, m.recordedByPartnerId() == null ? null : replicas.get(m.recordedByPartnerId())))
                .toList());
    }
}
