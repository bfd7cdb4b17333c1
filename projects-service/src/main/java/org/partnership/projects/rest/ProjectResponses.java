package org.partnership.projects.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.domain.Indicator;
import org.partnership.projects.domain.LaunchReadiness;
import org.partnership.projects.domain.Measurement;
import org.partnership.projects.domain.Participant;
import org.partnership.projects.domain.PartnerReplica;
import org.partnership.projects.domain.Project;
import org.partnership.projects.domain.ProjectFlag;
import org.partnership.projects.service.ProjectDetails;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the projects API. Decimals are strings. */
public final class ProjectResponses {

    private ProjectResponses() {
    }

    /**
     * A project. Participants see it in {@code FULL}; everyone else sees an OPEN project's public {@code SUMMARY}
     * only (no participants, no flags).
     */
    @Schema(name = "Project")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectView(UUID id, String title, String purpose, List<String> dimensions, UUID leadPartnerId,
                              String leadPartnerName, String status, LocalDate plannedStart, LocalDate plannedEnd,
                              int requiredCoveragePercent, String governanceRule, long version, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt,
                              @Schema(enumeration = {"FULL", "SUMMARY"}) String visibility,
                              List<ParticipantView> participants, List<FlagView> flags) {

        static ProjectView of(ProjectDetails details, Caller caller) {
            Project p = details.project();
            boolean full = caller.seesAllOf(p);
            return new ProjectView(p.id(), p.title(), p.purpose(), p.dimensions().stream().map(Enum::name).toList(),
                    p.leadPartnerId(), details.partner(p.leadPartnerId()).map(PartnerReplica::name).orElse(null),
                    p.status().name(), p.plannedStart(), p.plannedEnd(), p.requiredCoveragePercent(), p.governanceRule().name(),
                    p.version(), p.createdAt(), full ? p.updatedAt() : null, full ? "FULL" : "SUMMARY",
                    full ? participants(details) : null, full ? flags(details) : null);
        }

        static List<ParticipantView> participants(ProjectDetails details) {
            return details.project().participants().stream()
                    .map(x -> ParticipantView.of(x, details.partner(x.partnerId()).orElse(null))).toList();
        }

        private static List<FlagView> flags(ProjectDetails details) {
            Map<UUID, String> statuses = new HashMap<>();
            details.partners().forEach((id, r) -> statuses.put(id, r.status()));
            return ProjectFlag.of(details.project(), statuses).stream()
                    .map(f -> new FlagView(f.code(), f.partnerId(), f.detail())).toList();
        }
    }

    /** A participant; name, sector and partner status come from the partner registry (replica). */
    @Schema(name = "Participant")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParticipantView(UUID partnerId, String partnerName, String sector,
                                  @Schema(description = "The partner's status in the registry, e.g. ACTIVE or SUSPENDED") String partnerStatus,
                                  String role,
                                  @Schema(description = "INVITED, ACCEPTED, DECLINED or WITHDRAWN") String status,
                                  String message, OffsetDateTime invitedAt, OffsetDateTime respondedAt,
                                  boolean withdrawnAfterLaunch) {

        static ParticipantView of(Participant p, PartnerReplica partner) {
            return new ParticipantView(p.partnerId(), partner == null ? null : partner.name(),
                    partner == null ? null : partner.sector(), partner == null ? null : partner.status(), p.role().name(),
                    p.status().name(), p.message(), p.invitedAt(), p.respondedAt(), p.withdrawnAfterLaunch());
        }
    }

    @Schema(name = "ProjectFlag")
    public record FlagView(@Schema(examples = "PARTICIPANT_SUSPENDED") String code, UUID partnerId, String detail) {
    }

    @Schema(name = "ParticipantPage")
    public record ParticipantPage(List<ParticipantView> items,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }

    @Schema(name = "IndicatorPage")
    public record IndicatorPage(List<IndicatorView> items,
                                @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }

    @Schema(name = "ProjectPage")
    public record ProjectPage(List<ProjectView> items,
                              @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }

    @Schema(name = "Readiness")
    public record ReadinessView(boolean ready, List<CriterionView> criteria,
                                @Schema(description = "What the lead is asked to do, e.g. REALLOCATE_RISK: allocate again a risk "
                                        + "whose shares were released when their partners left the project")
                                List<ActionView> actions) {
        static ReadinessView of(LaunchReadiness.Readiness r) {
            return new ReadinessView(r.ready(), r.criteria().stream().map(CriterionView::of).toList(),
                    r.actions().stream().map(a -> new ActionView(a.code(), a.riskId(), a.partnerIds(), a.detail())).toList());
        }
    }

    @Schema(name = "ReadinessAction", description = "An action needed from the project's lead")
    public record ActionView(@Schema(enumeration = {"REALLOCATE_RISK"}) String code, UUID riskId,
                             @Schema(description = "The partners whose shares were released") List<UUID> partnerIds,
                             String detail) {
    }

    @Schema(name = "ReadinessCriterion")
    public record CriterionView(
            @Schema(description = "MIN_ACCEPTED_PARTICIPANTS, CROSS_SECTOR, PARTICIPANTS_ACTIVE, NEEDS_COVERED, RISKS_ALLOCATED or LAUNCH_DECISION_APPROVED")
            String code, boolean passed, String reason) {
        static CriterionView of(LaunchReadiness.Criterion c) {
            return new CriterionView(c.code(), c.passed(), c.reason());
        }
    }

    @Schema(name = "Indicator", description = "progressPercent is towards the final target; nextTarget towards the next one due")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorView(UUID id, String name, String unit,
                                @Schema(type = SchemaType.STRING, examples = "0") String baseline,
                                @Schema(type = SchemaType.STRING, examples = "30", description = "The final target (the one due last)") String target,
                                @Schema(type = SchemaType.STRING, examples = "12") String latest,
                                LocalDate latestMeasuredAt,
                                @Schema(type = SchemaType.STRING, examples = "40") String progressPercent,
                                @Schema(description = "Dated targets, earliest due first") List<TargetView> targets,
                                NextTargetView nextTarget, long version) {
        static IndicatorView of(Indicator i) {
            Indicator.Progress next = i.nextTarget(LocalDate.now(ZoneOffset.UTC));
            return new IndicatorView(i.id(), i.name(), i.unit(), plain(i.baseline()), plain(i.target()), plain(i.latestValue()),
                    i.latestMeasuredAt(), plain(i.progressPercent()), i.targets().stream().map(TargetView::of).toList(),
                    new NextTargetView(plain(next.target().value()), next.target().dueDate(), plain(i.latestValue()),
                            plain(i.baseline()), plain(next.percent()), next.reached(), next.overdue()),
                    i.version());
        }
    }

    @Schema(name = "IndicatorTargetView")
    public record TargetView(@Schema(type = SchemaType.STRING, examples = "10") String value, LocalDate dueDate) {
        static TargetView of(Indicator.Target t) {
            return new TargetView(plain(t.value()), t.dueDate());
        }
    }

    @Schema(name = "NextTarget", description = "Progress towards the next target due today or later (the final one once all are past): "
            + "percent = (latest - baseline) / (value - baseline) x 100; overdue when its date passed unreached")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NextTargetView(@Schema(type = SchemaType.STRING, examples = "10") String value, LocalDate dueDate,
                                 @Schema(type = SchemaType.STRING, examples = "12") String latest,
                                 @Schema(type = SchemaType.STRING, examples = "0") String baseline,
                                 @Schema(type = SchemaType.STRING, examples = "120", description = "Absent before the first measurement") String progressPercent,
                                 boolean reached, boolean overdue) {
    }

    @Schema(name = "Measurement", description = "One recorded value: who recorded it (token subject; username and partner when known) and when")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeasurementView(UUID id, UUID indicatorId,
                                  @Schema(type = SchemaType.STRING, examples = "12") String value, LocalDate measuredAt,
                                  @Schema(description = "Token subject of who recorded it") String recordedBy,
                                  @Schema(description = "Their username (absent for values recorded before it was kept)") String recordedByName,
                                  @Schema(description = "The partner they represented (absent when unknown)") UUID recordedByPartnerId,
                                  String recordedByPartnerName, OffsetDateTime recordedAt) {
        static MeasurementView of(Measurement m, PartnerReplica partner) {
            return new MeasurementView(m.id(), m.indicatorId(), plain(m.value()), m.measuredAt(), m.recordedBy(), m.recordedByName(),
                    m.recordedByPartnerId(), partner == null ? null : partner.name(), m.recordedAt());
        }
    }

    @Schema(name = "MeasurementPage")
    public record MeasurementPage(List<MeasurementView> items,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }

    @Schema(name = "InvitationView", description = "An invitation waiting for the caller's partner")
    public record InvitationView(UUID projectId, String projectTitle, String projectStatus, UUID leadPartnerId,
                                 String leadPartnerName, UUID partnerId, String role, String message, OffsetDateTime invitedAt) {
        static InvitationView of(Participant p, PartnerReplica lead) {
            Project project = p.project();
            return new InvitationView(project.id(), project.title(), project.status().name(), project.leadPartnerId(),
                    lead == null ? null : lead.name(), p.partnerId(), p.role().name(), p.message(), p.invitedAt());
        }
    }

    @Schema(name = "InvitationPage")
    public record InvitationPage(List<InvitationView> items,
                                 @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
