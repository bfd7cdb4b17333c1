package org.partnership.projects.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project aggregate's state rules as plain JUnit. */
class ProjectTest {

    static final LaunchReadiness.Readiness READY = new LaunchReadiness.Readiness(true, List.of());
    static final UUID LEAD = UUID.randomUUID();

    @Test
    void shouldStartAsADraftWithTheLeadAsAcceptedParticipant() {
        Project project = project();

        assertThat(project.status()).isEqualTo(ProjectStatus.DRAFT);
        assertThat(project.participants()).singleElement().satisfies(p -> {
            assertThat(p.partnerId()).isEqualTo(LEAD);
            assertThat(p.role()).isEqualTo(ParticipantRole.LEAD);
            assertThat(p.status()).isEqualTo(ParticipationStatus.ACCEPTED);
        });
    }

    @Test
    void shouldAllowOnlyTheLifecycleTransitions() {
        // DRAFT -> OPEN -> ACTIVE -> COMPLETED, and CANCELLED from any status that is not final
        Map<ProjectStatus, Set<ProjectTransition>> allowed = Map.of(
                ProjectStatus.DRAFT, Set.of(ProjectTransition.OPEN, ProjectTransition.CANCEL),
                ProjectStatus.OPEN, Set.of(ProjectTransition.LAUNCH, ProjectTransition.CANCEL),
                ProjectStatus.ACTIVE, Set.of(ProjectTransition.COMPLETE, ProjectTransition.CANCEL),
                ProjectStatus.COMPLETED, Set.of(),
                ProjectStatus.CANCELLED, Set.of());
        Map<ProjectTransition, ProjectStatus> reaches = Map.of(ProjectTransition.OPEN, ProjectStatus.OPEN,
                ProjectTransition.LAUNCH, ProjectStatus.ACTIVE, ProjectTransition.COMPLETE, ProjectStatus.COMPLETED,
                ProjectTransition.CANCEL, ProjectStatus.CANCELLED);
        for (ProjectStatus from : ProjectStatus.values()) {
            for (ProjectTransition t : ProjectTransition.values()) {
                if (allowed.get(from).contains(t)) {
                    assertThat(t.apply(from)).as("%s from %s", t, from).isEqualTo(reaches.get(t));
                } else {
                    assertThatThrownBy(() -> t.apply(from)).as("%s from %s", t, from)
                            .isInstanceOf(ProjectConflictException.class).hasMessageContaining("is " + from);
                }
            }
        }
        assertThatThrownBy(() -> ProjectTransition.LAUNCH.apply(ProjectStatus.DRAFT))
                .hasMessage("cannot launch a project that is DRAFT (allowed from OPEN)");
        assertThatThrownBy(() -> ProjectTransition.CANCEL.apply(ProjectStatus.COMPLETED))
                .hasMessage("cannot cancel a project that is COMPLETED (allowed from DRAFT or OPEN or ACTIVE)");
    }

    @Test
    void shouldNotLaunchWhenNotReady() {
        Project project = project();
        project.transition(ProjectTransition.OPEN, READY, "lead");
        LaunchReadiness.Criterion failing = new LaunchReadiness.Criterion("CROSS_SECTOR", false, "one sector");

        assertThatThrownBy(() -> project.transition(ProjectTransition.LAUNCH,
                new LaunchReadiness.Readiness(false, List.of(failing)), "lead"))
                .isInstanceOf(LaunchNotReadyException.class)
                .satisfies(e -> assertThat(((LaunchNotReadyException) e).failing()).containsExactly(failing));
        assertThat(project.status()).isEqualTo(ProjectStatus.OPEN);
    }

    @Test
    void shouldLetOnlyAnActivePartnerAcceptButAnyPartnerDecline() {
        Project project = project();
        UUID suspended = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        project.invite(suspended, ParticipantRole.FUNDER, "join us", "lead");
        project.invite(unknown, ParticipantRole.ADVISOR, "join us", "lead");

        assertThatThrownBy(() -> project.accept(suspended, "Food Bank", "SUSPENDED", "rep"))
                .isInstanceOf(ProjectConflictException.class)
                .hasMessageContaining("Food Bank").hasMessageContaining("is SUSPENDED")
                .satisfies(e -> assertThat(((ProjectConflictException) e).code()).isEqualTo("partner-not-active"));
        assertThatThrownBy(() -> project.accept(unknown, null, null, "rep")).isInstanceOf(ProjectConflictException.class)
                .hasMessageContaining("not known");
        assertThat(project.participant(suspended).orElseThrow().status()).isEqualTo(ParticipationStatus.INVITED);

        assertThat(project.decline(suspended, "rep").status()).isEqualTo(ParticipationStatus.DECLINED);
        assertThat(project.accept(unknown, "Advisor", "ACTIVE", "rep").status()).isEqualTo(ParticipationStatus.ACCEPTED);
    }

    @Test
    void shouldLetAnInvitedPartnerAnswerOnceAndWithdrawOnlyWhenAccepted() {
        Project project = project();
        UUID partner = UUID.randomUUID();
        project.invite(partner, ParticipantRole.FUNDER, "join us", "lead");

        assertThatThrownBy(() -> project.invite(partner, ParticipantRole.FUNDER, null, "lead")).isInstanceOf(ProjectConflictException.class);
        assertThatThrownBy(() -> project.withdraw(partner, "rep")).isInstanceOf(ProjectConflictException.class);
        project.accept(partner, "Food Bank", "ACTIVE", "rep");
        assertThatThrownBy(() -> project.decline(partner, "rep")).isInstanceOf(ProjectConflictException.class)
                .hasMessageContaining("ACCEPTED");
        assertThat(project.accepted()).hasSize(2);

        Participant withdrawn = project.withdraw(partner, "rep");
        assertThat(withdrawn.status()).isEqualTo(ParticipationStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnAfterLaunch()).isFalse();
        assertThatThrownBy(() -> project.withdraw(LEAD, "lead")).isInstanceOf(ProjectConflictException.class);
        assertThatThrownBy(() -> project.accept(UUID.randomUUID(), "x", "ACTIVE", "x")).isInstanceOf(ProjectNotFoundException.class);

        project.invite(partner, ParticipantRole.ADVISOR, "again?", "lead");
        assertThat(project.participant(partner).orElseThrow().status()).isEqualTo(ParticipationStatus.INVITED);
    }

    @Test
    void shouldFlagAWithdrawalAfterLaunch() {
        Project project = project();
        UUID partner = UUID.randomUUID();
        project.invite(partner, ParticipantRole.CO_PRODUCER, null, "lead");
        project.accept(partner, "Food Bank", "ACTIVE", "rep");
        project.transition(ProjectTransition.OPEN, READY, "lead");
        project.transition(ProjectTransition.LAUNCH, READY, "lead");

        project.withdraw(partner, "rep");

        assertThat(ProjectFlag.of(project, java.util.Map.of(LEAD, "ACTIVE", partner, "ACTIVE")))
                .extracting(ProjectFlag::code).containsExactly(ProjectFlag.PARTICIPANT_WITHDREW_AFTER_LAUNCH);
    }

    @Test
    void shouldFlagAnAcceptedParticipantThatIsSuspended() {
        Project project = project();
        UUID partner = UUID.randomUUID();
        project.invite(partner, ParticipantRole.CO_PRODUCER, null, "lead");
        project.accept(partner, "Food Bank", "ACTIVE", "rep");

        assertThat(ProjectFlag.of(project, java.util.Map.of(LEAD, "ACTIVE", partner, "SUSPENDED")))
                .extracting(ProjectFlag::code, ProjectFlag::partnerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProjectFlag.PARTICIPANT_SUSPENDED, partner));
    }

    @Test
    void shouldChangeNothingOnceClosed() {
        Project project = project();
        project.transition(ProjectTransition.CANCEL, READY, "lead");

        assertThatThrownBy(() -> project.invite(UUID.randomUUID(), ParticipantRole.ADVISOR, null, "lead"))
                .isInstanceOf(ProjectConflictException.class).hasMessageContaining("CANCELLED");
        assertThatThrownBy(() -> project.replan(project.plan(), "lead")).isInstanceOf(ProjectConflictException.class);
    }

    @Test
    void shouldRefuseAPlanThatEndsBeforeItStartsAndAcceptEveryRule() {
        assertThatThrownBy(() -> plan(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1), GovernanceRule.LEAD_DECIDES))
                .isInstanceOf(ProjectValidationException.class).extracting("field").isEqualTo("plannedEnd");
        for (GovernanceRule rule : GovernanceRule.values()) { // every rule can be chosen (issue #21)
            assertThat(plan(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), rule).governanceRule()).isEqualTo(rule);
        }
    }

    static final LocalDate END = LocalDate.of(2027, 8, 31);
    static final Caller LEAD_MEMBER = new Caller("lead-sub", "carla", Set.of("coordinator"), java.util.Optional.of(LEAD));

    @Test
    void shouldMeasureProgressFromBaselineToTarget() {
        Indicator indicator = Indicator.declare(UUID.randomUUID(), "People housed", "people", BigDecimal.ZERO, new BigDecimal("30"), null, END, "lead");
        assertThat(indicator.progressPercent()).isNull();
        assertThat(indicator.targets()).containsExactly(new Indicator.Target(new BigDecimal("30"), END));

        Measurement first = indicator.measure(new BigDecimal("12"), LocalDate.of(2026, 10, 1), LEAD_MEMBER);
        indicator.measure(new BigDecimal("3"), LocalDate.of(2026, 9, 1), LEAD_MEMBER);

        assertThat(indicator.latestValue()).isEqualByComparingTo("12");
        assertThat(indicator.progressPercent()).isEqualByComparingTo("40");
        assertThat(first.recordedBy()).isEqualTo("lead-sub");
        assertThat(first.recordedByName()).isEqualTo("carla");
        assertThat(first.recordedByPartnerId()).isEqualTo(LEAD);

        Indicator falling = Indicator.declare(UUID.randomUUID(), "Waiting days", "days", new BigDecimal("90"), new BigDecimal("30"), null, END, "lead");
        falling.measure(new BigDecimal("70"), LocalDate.of(2026, 10, 1), LEAD_MEMBER);
        assertThat(falling.progressPercent()).isEqualByComparingTo("33.33");
        assertThatThrownBy(() -> Indicator.declare(UUID.randomUUID(), "x", "y", BigDecimal.ONE, BigDecimal.ONE, null, END, "lead"))
                .isInstanceOf(ProjectValidationException.class).extracting("field").isEqualTo("target");
    }

    @Test
    void shouldShowProgressTowardsTheNextDueTarget() {
        Indicator.Target firstYear = new Indicator.Target(new BigDecimal("10"), LocalDate.of(2027, 3, 31));
        Indicator.Target end = new Indicator.Target(new BigDecimal("30"), END);
        Indicator indicator = Indicator.declare(UUID.randomUUID(), "People housed", "people", BigDecimal.ZERO, null,
                List.of(end, firstYear), END, "lead");
        assertThat(indicator.targets()).containsExactly(firstYear, end); // earliest due first
        assertThat(indicator.target()).isEqualByComparingTo("30");
        assertThat(indicator.nextTarget(LocalDate.of(2027, 1, 1))).isEqualTo(new Indicator.Progress(firstYear, null, false, false));

        indicator.measure(new BigDecimal("12"), LocalDate.of(2027, 1, 1), LEAD_MEMBER);
        Indicator.Progress beforeFirst = indicator.nextTarget(LocalDate.of(2027, 1, 1));
        assertThat(beforeFirst.target()).isEqualTo(firstYear);
        assertThat(beforeFirst.percent()).isEqualByComparingTo("120");
        assertThat(beforeFirst.reached()).isTrue();
        Indicator.Progress afterFirst = indicator.nextTarget(LocalDate.of(2027, 4, 1));
        assertThat(afterFirst.target()).isEqualTo(end);
        assertThat(afterFirst.percent()).isEqualByComparingTo("40");
        Indicator.Progress late = indicator.nextTarget(LocalDate.of(2027, 9, 1));
        assertThat(late.target()).isEqualTo(end);
        assertThat(late.overdue()).isTrue();

        indicator.changeTargets(List.of(new Indicator.Target(new BigDecimal("40"), LocalDate.of(2028, 8, 31))));
        assertThat(indicator.target()).isEqualByComparingTo("40");
        assertThat(indicator.nextTarget(LocalDate.of(2027, 9, 1)).overdue()).isFalse();

        assertThatThrownBy(() -> indicator.changeTargets(List.of(new Indicator.Target(BigDecimal.ZERO, END))))
                .isInstanceOf(ProjectValidationException.class).extracting("field").isEqualTo("targets[0].value");
        assertThatThrownBy(() -> indicator.changeTargets(List.of(end, new Indicator.Target(BigDecimal.ONE, END))))
                .isInstanceOf(ProjectValidationException.class).extracting("field").isEqualTo("targets[1].dueDate");
        assertThatThrownBy(() -> Indicator.declare(UUID.randomUUID(), "x", "y", BigDecimal.ZERO, null, null, END, "lead"))
                .isInstanceOf(ProjectValidationException.class).extracting("field").isEqualTo("target");
        assertThatThrownBy(() -> Indicator.declare(UUID.randomUUID(), "x", "y", BigDecimal.ZERO, new BigDecimal("20"),
                List.of(firstYear, end), END, "lead")).isInstanceOf(ProjectValidationException.class).extracting("field").isEqualTo("target");
    }

    private static Project project() {
        return Project.create(UUID.randomUUID(), plan(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31), GovernanceRule.LEAD_DECIDES),
                LEAD, "lead");
    }

    private static Project.Plan plan(LocalDate start, LocalDate end, GovernanceRule rule) {
        return new Project.Plan("Housing First", "Homes with support", List.of(ServiceDomain.HOUSING), start, end, 100, rule);
    }
}
