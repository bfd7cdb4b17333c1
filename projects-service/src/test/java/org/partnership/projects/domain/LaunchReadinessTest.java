package org.partnership.projects.domain;

import org.junit.jupiter.api.Test;
import org.partnership.projects.domain.LaunchReadiness.Coverage;
import org.partnership.projects.domain.LaunchReadiness.Criterion;
import org.partnership.projects.domain.LaunchReadiness.Member;
import org.partnership.projects.domain.LaunchReadiness.NeedCoverage;
import org.partnership.projects.domain.LaunchReadiness.Readiness;
import org.partnership.projects.domain.LaunchReadiness.UnallocatedRisk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The launch checklist as plain rules. */
class LaunchReadinessTest {

    static final Member CITY = new Member("City of Riverside", "PUBLIC", "ACTIVE");
    static final Member FOOD_BANK = new Member("Riverside Food Bank", "THIRD_SECTOR", "ACTIVE");
    static final Member ENERGY = new Member("Nordlicht Energy", "MARKET", "ACTIVE");
    static final Coverage COVERED = new Coverage(List.of(need("100")), 2, List.of());

    @Test
    void shouldBeReadyWhenEveryCriterionPasses() {
        Readiness r = LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100, List.of(CITY, FOOD_BANK, ENERGY), Optional.of(COVERED), false);

        assertThat(r.ready()).isTrue();
        assertThat(r.criteria()).extracting(Criterion::code).containsExactly("MIN_ACCEPTED_PARTICIPANTS", "CROSS_SECTOR",
                "PARTICIPANTS_ACTIVE", "NEEDS_COVERED", "RISKS_ALLOCATED");
        assertThat(r.criteria()).allMatch(Criterion::passed).allMatch(c -> !c.reason().isBlank());
        assertThat(r.failing()).isEmpty();
    }

    @Test
    void shouldNeedTwoAcceptedParticipantsTheLeadIncluded() {
        Readiness r = LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100, List.of(CITY), Optional.of(COVERED), false);

        assertThat(r.failing()).extracting(Criterion::code).containsExactly("MIN_ACCEPTED_PARTICIPANTS", "CROSS_SECTOR");
        assertThat(r.failing().get(0).reason()).startsWith("1 accepted participant ");
    }

    @Test
    void shouldNeedTwoSectors() {
        Readiness r = LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100,
                List.of(CITY, new Member("Another council", "PUBLIC", "ACTIVE")), Optional.of(COVERED), false);

        assertThat(r.failing()).extracting(Criterion::code).containsExactly("CROSS_SECTOR");
        assertThat(r.failing().get(0).reason()).contains("1 sector (PUBLIC)");
    }

    @Test
    void shouldNeedEveryParticipantActiveAndNameTheOthers() {
        Readiness r = LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100,
                List.of(CITY, new Member("Riverside Food Bank", "THIRD_SECTOR", "SUSPENDED"), new Member("x-1", null, null)),
                Optional.of(COVERED), false);

        assertThat(r.failing()).extracting(Criterion::code).containsExactly("PARTICIPANTS_ACTIVE");
        assertThat(r.failing().get(0).reason()).contains("Riverside Food Bank is SUSPENDED").contains("unknown to the partner registry");
    }

    @Test
    void shouldNeedEveryNeedCoveredToTheRequiredPercent() {
        Coverage partly = new Coverage(List.of(need("100"), need("79.5")), 0, List.of());
        List<Member> members = List.of(CITY, FOOD_BANK);

        assertThat(LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100, members, Optional.of(partly), false).failing())
                .extracting(Criterion::code).containsExactly("NEEDS_COVERED");
        assertThat(LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 80, members, Optional.of(partly), false).failing())
                .extracting(Criterion::reason).singleElement().asString().contains("1 of 2 needs").contains("79.5 %");
        assertThat(LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 75, members, Optional.of(partly), false).ready()).isTrue();
    }

    @Test
    void shouldShowDeliveryProgressCountingOnlyConfirmedQuantities() {
        NeedCoverage delivering = new NeedCoverage("VOLUNTEER_HOURS", "hours", new BigDecimal("400"), new BigDecimal("400"),
                new BigDecimal("100"), new BigDecimal("120.0000"), new BigDecimal("30"));
        NeedCoverage resolved = new NeedCoverage("FUNDING", "EUR", new BigDecimal("1000"), new BigDecimal("1000"),
                new BigDecimal("100"), new BigDecimal("1000"), BigDecimal.ZERO);
        Criterion needs = LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100, List.of(CITY, FOOD_BANK),
                Optional.of(new Coverage(List.of(delivering, resolved, need("100")), 0, List.of())), false).criteria().stream()
                .filter(c -> c.code().equals("NEEDS_COVERED")).findFirst().orElseThrow();

        assertThat(needs.passed()).isTrue();
        assertThat(needs.reason()).isEqualTo("3 of 3 needs covered to the required 100 %; confirmed as delivered: "
                + "VOLUNTEER_HOURS 120 of 400 hours (30 disputed), FUNDING 1000 of 1000 EUR");
        assertThat(LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100, List.of(CITY, FOOD_BANK), Optional.of(COVERED), false)
                .criteria()).extracting(Criterion::reason).noneMatch(r -> r.contains("delivered"));
    }

    @Test
    void shouldNotLaunchWithoutAnyDeclaredNeed() {
        Readiness r = LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100, List.of(CITY, FOOD_BANK), Optional.empty(), false);

        assertThat(r.failing()).extracting(Criterion::code).containsExactly("NEEDS_COVERED");
        assertThat(r.criteria()).filteredOn(c -> c.code().equals("RISKS_ALLOCATED")).singleElement()
                .extracting(Criterion::passed).isEqualTo(true);
    }

    @Test
    void shouldNeedEveryOpenRiskFullyAllocated() {
        Coverage risky = new Coverage(List.of(need("100")), 3, List.of(new UnallocatedRisk("Funding gap in year 2", new BigDecimal("60"))));

        Readiness r = LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100, List.of(CITY, FOOD_BANK), Optional.of(risky), false);

        assertThat(r.failing()).extracting(Criterion::code).containsExactly("RISKS_ALLOCATED");
        assertThat(r.failing().get(0).reason()).contains("1 of 3").contains("\"Funding gap in year 2\" 60 %");
    }

    @Test
    void shouldAskForAnApprovedLaunchDecisionUnderVotingRules() {
        Readiness pending = LaunchReadiness.evaluate(GovernanceRule.CONSENSUS, 100, List.of(CITY, FOOD_BANK), Optional.of(COVERED), false);
        Readiness approved = LaunchReadiness.evaluate(GovernanceRule.CONSENSUS, 100, List.of(CITY, FOOD_BANK), Optional.of(COVERED), true);

        assertThat(pending.failing()).extracting(Criterion::code).containsExactly("LAUNCH_DECISION_APPROVED");
        assertThat(approved.ready()).isTrue();
        assertThat(LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100, List.of(CITY, FOOD_BANK), Optional.of(COVERED), false)
                .criteria()).extracting(Criterion::code).doesNotContain("LAUNCH_DECISION_APPROVED");
    }

    /** Issue #19, hole 3: the risk shares of a partner that left are released; the lead is asked to allocate them again. */
    @Test
    void shouldFailRisksAndAskTheLeadToReallocateSharesReleasedByAPartnerThatLeft() {
        java.util.UUID risk = java.util.UUID.randomUUID();
        java.util.UUID departed = java.util.UUID.randomUUID();
        LaunchReadiness.Reallocation released = new LaunchReadiness.Reallocation(risk, "Funding gap", "MITIGATED", new BigDecimal("60"),
                List.of(new LaunchReadiness.ReleasedShare(departed, new BigDecimal("40.00"))));
        Coverage coverage = new Coverage(List.of(need("100")), 0, List.of(), List.of(released));

        Readiness r = LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100, List.of(CITY, FOOD_BANK), Optional.of(coverage), false);

        assertThat(r.failing()).extracting(Criterion::code).containsExactly("RISKS_ALLOCATED");
        assertThat(r.failing().get(0).reason()).isEqualTo("1 risk lost the shares of partners that left the project and must be "
                + "allocated again by the lead: \"Funding gap\" (MITIGATED, 60 % allocated)");
        assertThat(r.actions()).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo(LaunchReadiness.REALLOCATE_RISK);
            assertThat(a.riskId()).isEqualTo(risk);
            assertThat(a.partnerIds()).containsExactly(departed);
            assertThat(a.detail()).isEqualTo("\"Funding gap\" is 60 % allocated: 40 % released when a partner left the project; "
                    + "the lead must allocate it again");
        });
        assertThat(LaunchReadiness.evaluate(GovernanceRule.LEAD_DECIDES, 100, List.of(CITY, FOOD_BANK), Optional.of(COVERED), false)
                .actions()).isEmpty();
    }

    private static NeedCoverage need(String percent) {
        BigDecimal p = new BigDecimal(percent);
        return new NeedCoverage("VOLUNTEER_HOURS", "hours", new BigDecimal("400"), p.multiply(new BigDecimal(4)), p, null, null);
    }
}
