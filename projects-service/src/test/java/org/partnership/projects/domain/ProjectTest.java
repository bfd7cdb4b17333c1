package org.partnership.projects.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
        for (ProjectStatus from : ProjectStatus.values()) {
            for (ProjectTransition t : ProjectTransition.values()) {
                boolean allowed = from.canBecome(t.target());
                if (allowed) {
                    assertThat(t.apply(from)).isEqualTo(t.target());
                } else {
                    assertThatThrownBy(() -> t.apply(from)).isInstanceOf(ProjectConflictException.class)
                            .hasMessageContaining("is " + from);
                }
            }
        }
        assertThat(ProjectStatus.DRAFT.next()).containsExactlyInAnyOrder(ProjectStatus.OPEN, ProjectStatus.CANCELLED);
        assertThat(ProjectStatus.OPEN.next()).containsExactlyInAnyOrder(ProjectStatus.ACTIVE, ProjectStatus.CANCELLED);
        assertThat(ProjectStatus.ACTIVE.next()).containsExactlyInAnyOrder(ProjectStatus.COMPLETED, ProjectStatus.CANCELLED);
        assertThat(ProjectStatus.COMPLETED.next()).isEmpty();
        assertThat(ProjectStatus.CANCELLED.next()).isEmpty();
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
    void shouldLetAnInvitedPartnerAnswerOnceAndWithdrawOnlyWhenAccepted() {
        Project project = project();
        UUID partner = UUID.randomUUID();
        project.invite(partner, ParticipantRole.FUNDER, "join us", "lead");

        assertThatThrownBy(() -> project.invite(partner, ParticipantRole.FUNDER, null, "lead")).isInstanceOf(ProjectConflictException.class);
        assertThatThrownBy(() -> project.withdraw(partner, "rep")).isInstanceOf(ProjectConflictException.class);
        project.respond(partner, true, "rep");
        assertThatThrownBy(() -> project.respond(partner, false, "rep")).isInstanceOf(ProjectConflictException.class)
                .hasMessageContaining("ACCEPTED");
        assertThat(project.accepted()).hasSize(2);

        Participant withdrawn = project.withdraw(partner, "rep");
        assertThat(withdrawn.status()).isEqualTo(ParticipationStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnAfterLaunch()).isFalse();
        assertThatThrownBy(() -> project.withdraw(LEAD, "lead")).isInstanceOf(ProjectConflictException.class);
        assertThatThrownBy(() -> project.respond(UUID.randomUUID(), true, "x")).isInstanceOf(ProjectNotFoundException.class);

        project.invite(partner, ParticipantRole.ADVISOR, "again?", "lead");
        assertThat(project.participant(partner).orElseThrow().status()).isEqualTo(ParticipationStatus.INVITED);
    }

    @Test
    void shouldFlagAWithdrawalAfterLaunch() {
        Project project = project();
        UUID partner = UUID.randomUUID();
        project.invite(partner, ParticipantRole.CO_PRODUCER, null, "lead");
        project.respond(partner, true, "rep");
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
        project.respond(partner, true, "rep");

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
    void shouldRefuseAPlanThatEndsBeforeItStartsOrUsesAnUnavailableRule() {
        assertThatThrownBy(() -> plan(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1), GovernanceRule.LEAD_DECIDES))
                .isInstanceOf(ProjectValidationException.class).extracting("field").isEqualTo("plannedEnd");
        assertThatThrownBy(() -> plan(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), GovernanceRule.MAJORITY))
                .isInstanceOf(ProjectValidationException.class).extracting("field").isEqualTo("governanceRule");
    }

    @Test
    void shouldMeasureProgressFromBaselineToTarget() {
        Indicator indicator = Indicator.declare(UUID.randomUUID(), "People housed", "people", BigDecimal.ZERO, new BigDecimal("30"), "lead");
        assertThat(indicator.progressPercent()).isNull();

        indicator.measure(new BigDecimal("12"), LocalDate.of(2026, 10, 1), "lead");
        indicator.measure(new BigDecimal("3"), LocalDate.of(2026, 9, 1), "lead");

        assertThat(indicator.latestValue()).isEqualByComparingTo("12");
        assertThat(indicator.progressPercent()).isEqualByComparingTo("40");

        Indicator falling = Indicator.declare(UUID.randomUUID(), "Waiting days", "days", new BigDecimal("90"), new BigDecimal("30"), "lead");
        falling.measure(new BigDecimal("70"), LocalDate.of(2026, 10, 1), "lead");
        assertThat(falling.progressPercent()).isEqualByComparingTo("33.33");
        assertThatThrownBy(() -> Indicator.declare(UUID.randomUUID(), "x", "y", BigDecimal.ONE, BigDecimal.ONE, "lead"))
                .isInstanceOf(ProjectValidationException.class);
    }

    private static Project project() {
        return Project.create(UUID.randomUUID(), plan(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31), GovernanceRule.LEAD_DECIDES),
                LEAD, "lead");
    }

    private static Project.Plan plan(LocalDate start, LocalDate end, GovernanceRule rule) {
        return new Project.Plan("Housing First", "Homes with support", List.of(ServiceDomain.HOUSING), start, end, 100, rule);
    }
}
