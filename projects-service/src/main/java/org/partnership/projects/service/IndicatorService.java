package org.partnership.projects.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.domain.Indicator;
import org.partnership.projects.domain.ProjectAccessDeniedException;
import org.partnership.projects.domain.ProjectNotFoundException;
import org.partnership.projects.messaging.IndicatorMeasuredEvent;
import org.partnership.projects.messaging.ProjectEvents;
import org.partnership.projects.repository.IndicatorRepository;
import org.partnership.projects.repository.MeasurementRepository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Goals made measurable: the lead declares indicators; the lead and accepted participants record measurements. */
@ApplicationScoped
public class IndicatorService {

    private final ProjectService projects;
    private final IndicatorRepository indicators;
    private final MeasurementRepository measurements;
    private final Outbox outbox;

    public IndicatorService(ProjectService projects, IndicatorRepository indicators, MeasurementRepository measurements,
            Outbox outbox) {
        this.projects = projects;
        this.indicators = indicators;
        this.measurements = measurements;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<List<Indicator>> list(Caller caller, UUID projectId) {
        return projects.insider(caller, projectId).chain(project -> indicators.ofProject(projectId));
    }

    @WithTransaction
    public Uni<Indicator> declare(Caller caller, UUID projectId, String name, String unit, BigDecimal baseline, BigDecimal target) {
        return projects.managed(caller, projectId).chain(project -> {
            project.requireNotClosed("changed");
            return indicators.persist(Indicator.declare(projectId, name, unit, baseline, target, caller.subject()));
        });
    }

    @WithTransaction
    public Uni<Indicator> measure(Caller caller, UUID projectId, UUID indicatorId, BigDecimal value, LocalDate measuredAt) {
        return projects.insider(caller, projectId).chain(project -> {
            boolean acceptedParticipant = caller.partnerId().flatMap(project::participant).map(p -> p.isAccepted()).orElse(false);
            if (!caller.manages(project) && !acceptedParticipant) {
                throw new ProjectAccessDeniedException(caller.isAuditor() ? "auditors read; they change nothing"
                        : "only the lead and accepted participants record measurements");
            }
            project.requireNotClosed("measured");
            return indicators.findById(indicatorId);
        }).chain(indicator -> {
            if (indicator == null || !indicator.projectId().equals(projectId)) {
                throw new ProjectNotFoundException("indicator", indicatorId);
            }
            var measurement = indicator.measure(value, measuredAt, caller.subject());
            return measurements.persist(measurement)
                    .call(() -> outbox.append(ProjectEvents.PROJECT, projectId, ProjectEvents.INDICATOR_MEASURED,
                            IndicatorMeasuredEvent.of(indicator, measurement)))
                    .replaceWith(indicator);
        });
    }
}
