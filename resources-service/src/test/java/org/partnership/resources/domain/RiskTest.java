package org.partnership.resources.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The risk register's rules as plain JUnit: score, owners, allocations that sum to 100, a final CLOSED. */
class RiskTest {

    static final OffsetDateTime NOW = ContributionTest.NOW;
    static final UUID LEAD = UUID.randomUUID();
    static final UUID FUNDER = UUID.randomUUID();
    static final UUID OUTSIDER = UUID.randomUUID();
    static final ProjectReplica PROJECT = ProjectReplica.of(UUID.randomUUID(), "Debt advice", "ACTIVE", LEAD,
            List.of(LEAD, FUNDER), 5);

    @Test
    void shouldScoreLikelihoodTimesImpact() {
        assertThat(risk(4, 5).score()).isEqualTo(20);
        assertThat(risk(1, 1).score()).isEqualTo(1);
        assertThat(risk(5, 5).score()).isEqualTo(25);
    }

    @Test
    void shouldWeighAShareOfARiskAsItsScoreTimesTheShare() {
        assertThat(Risk.exposure(risk(3, 4).score(), new BigDecimal("60.00"))).isEqualByComparingTo("7.2");
        assertThat(Risk.exposure(12, new BigDecimal("33.33"))).isEqualByComparingTo("3.9996");
        assertThat(Risk.exposure(25, new BigDecimal("100"))).isEqualByComparingTo("25");
    }

    @Test
    void shouldStartOpenWithAnOpeningHistoryEntryAndNothingAllocated() {
        Risk risk = risk(2, 3);

        assertThat(risk.status()).isEqualTo(RiskStatus.OPEN);
        assertThat(risk.allocations()).isEmpty();
        assertThat(risk.allocatedPercent()).isEqualByComparingTo("0");
        RiskStatusChange opened = risk.opened("carla");
        assertThat(opened.toStatus()).isEqualTo(RiskStatus.OPEN);
        assertThat(opened.fromStatus()).isNull();
    }

    @Test
    void shouldRequireTheOwnerToBeAnAcceptedParticipant() {
        assertThatThrownBy(() -> Risk.propose(UUID.randomUUID(), PROJECT, proposal(2, 2, OUTSIDER), "carla", NOW))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessage("partner " + OUTSIDER + " is not an accepted participant of the project")
                .satisfies(e -> assertThat(((InvalidResourceException) e).field()).isEqualTo("ownerPartnerId"));
    }

    @Test
    void shouldAcceptAllocationsSummingToExactlyOneHundred() {
        Risk risk = risk(3, 4);

        risk.allocate(PROJECT, List.of(share(LEAD, "62.5"), share(FUNDER, "37.5")), NOW);

        assertThat(risk.allocatedPercent()).isEqualByComparingTo("100");
        assertThat(risk.allocations()).extracting(RiskAllocation::partnerId).containsExactly(LEAD, FUNDER);
    }

    @Test
    void shouldRefuseAllocationsThatDoNotSumToOneHundredAndKeepThePreviousOne() {
        Risk risk = risk(3, 4);
        risk.allocate(PROJECT, List.of(share(LEAD, "100")), NOW);

        assertThatThrownBy(() -> risk.allocate(PROJECT, List.of(share(LEAD, "60"), share(FUNDER, "30")), NOW))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessage("the shares sum to 90; they must sum to exactly 100");
        assertThatThrownBy(() -> risk.allocate(PROJECT, List.of(share(LEAD, "60"), share(FUNDER, "40.01")), NOW))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessage("the shares sum to 100.01; they must sum to exactly 100");
        assertThat(risk.allocations()).singleElement().satisfies(a -> {
            assertThat(a.partnerId()).isEqualTo(LEAD);
            assertThat(a.sharePercent()).isEqualByComparingTo("100");
        });
    }

    @Test
    void shouldRefuseAPartnerListedTwiceOrNotAcceptedNamingTheEntry() {
        Risk risk = risk(3, 4);

        assertThatThrownBy(() -> risk.allocate(PROJECT, List.of(share(LEAD, "50"), share(LEAD, "50")), NOW))
                .isInstanceOf(InvalidResourceException.class).hasMessageContaining("is listed twice")
                .satisfies(e -> assertThat(((InvalidResourceException) e).field()).isEqualTo("[1].partnerId"));
        assertThatThrownBy(() -> risk.allocate(PROJECT, List.of(share(OUTSIDER, "100")), NOW))
                .isInstanceOf(InvalidResourceException.class).hasMessageContaining("is not an accepted participant")
                .satisfies(e -> assertThat(((InvalidResourceException) e).field()).isEqualTo("[0].partnerId"));
    }

    @Test
    void shouldRecordEachStatusChangeAndKeepClosedFinal() {
        Risk risk = risk(3, 4);

        RiskStatusChange mitigated = risk.changeStatus(RiskStatus.MITIGATED, "extra volunteers", "carla", NOW);
        assertThat(mitigated.fromStatus()).isEqualTo(RiskStatus.OPEN);
        assertThat(mitigated.toStatus()).isEqualTo(RiskStatus.MITIGATED);
        assertThatThrownBy(() -> risk.changeStatus(RiskStatus.MITIGATED, null, "carla", NOW))
                .isInstanceOf(ResourceConflictException.class)
                .satisfies(e -> assertThat(((ResourceConflictException) e).code()).isEqualTo("same-status"));

        risk.changeStatus(RiskStatus.CLOSED, "project ended", "carla", NOW);
        assertThatThrownBy(() -> risk.changeStatus(RiskStatus.OPEN, null, "carla", NOW))
                .isInstanceOf(ResourceConflictException.class)
                .satisfies(e -> assertThat(((ResourceConflictException) e).code()).isEqualTo("risk-closed"));
        assertThatThrownBy(() -> risk.allocate(PROJECT, List.of(share(LEAD, "100")), NOW))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining("its allocation is final");
        assertThat(risk.status()).isEqualTo(RiskStatus.CLOSED);
    }

    // ---- issue #19, hole 3: a partner that left no longer carries risk

    static final ProjectReplica AFTER_FUNDER_LEFT = ProjectReplica.of(PROJECT.id(), "Debt advice", "ACTIVE", LEAD, List.of(LEAD), 6);
    static final RiskAllocationRelease.Departure WITHDREW = new RiskAllocationRelease.Departure(
            "the partner withdrew from the project", "projects.v1 partnership.participant.withdrew.v1", "event-1", "req-1");

    @Test
    void shouldReleaseTheSharesOfAPartnerThatLeftSoTheRiskIsNoLongerFullyAllocated() {
        Risk risk = risk(3, 4);
        risk.allocate(PROJECT, List.of(share(LEAD, "60"), share(FUNDER, "40")), NOW);

        List<RiskAllocationRelease> released = risk.releaseDeparted(AFTER_FUNDER_LEFT, WITHDREW, NOW.plusDays(1));

        assertThat(risk.allocatedPercent()).isEqualByComparingTo("60");
        assertThat(risk.allocations()).extracting(RiskAllocation::partnerId).containsExactly(LEAD);
        assertThat(released).singleElement().satisfies(r -> {
            assertThat(r.partnerId()).isEqualTo(FUNDER);
            assertThat(r.sharePercent()).isEqualByComparingTo("40");
            assertThat(r.reason()).isEqualTo("the partner withdrew from the project");
            assertThat(r.releasedBy()).isEqualTo("projects.v1 partnership.participant.withdrew.v1");
            assertThat(r.releasedAt()).isEqualTo(NOW.plusDays(1));
            assertThat(r.causeEventId()).isEqualTo("event-1");
            assertThat(r.correlationId()).isEqualTo("req-1");
            assertThat(r.isOpen()).isTrue();
        });
        assertThat(risk.needsReallocation()).isTrue();
        assertThat(risk.openReleases()).containsExactlyElementsOf(released);
    }

    @Test
    void shouldCloseTheReleasesWhenTheLeadAllocatesAgain() {
        Risk risk = risk(3, 4);
        risk.allocate(PROJECT, List.of(share(LEAD, "60"), share(FUNDER, "40")), NOW);
        RiskAllocationRelease release = risk.releaseDeparted(AFTER_FUNDER_LEFT, WITHDREW, NOW).get(0);

        assertThatThrownBy(() -> risk.allocate(AFTER_FUNDER_LEFT, List.of(share(LEAD, "60"), share(FUNDER, "40")), NOW))
                .isInstanceOf(InvalidResourceException.class).hasMessageContaining("is not an accepted participant");
        assertThat(risk.needsReallocation()).isTrue();
        risk.allocate(AFTER_FUNDER_LEFT, List.of(share(LEAD, "100")), NOW.plusDays(2));

        assertThat(risk.allocatedPercent()).isEqualByComparingTo("100");
        assertThat(risk.needsReallocation()).isFalse();
        assertThat(risk.openReleases()).isEmpty();
        assertThat(release.isOpen()).isFalse();
        assertThat(release.reallocatedAt()).isEqualTo(NOW.plusDays(2));
    }

    @Test
    void shouldReleaseNothingOfPartnersStillAcceptedNorOfAClosedRisk() {
        Risk kept = risk(3, 4);
        kept.allocate(PROJECT, List.of(share(LEAD, "60"), share(FUNDER, "40")), NOW);
        assertThat(kept.releaseDeparted(PROJECT, WITHDREW, NOW)).isEmpty();
        assertThat(kept.allocatedPercent()).isEqualByComparingTo("100");
        assertThat(kept.needsReallocation()).isFalse();

        Risk closed = risk(3, 4);
        closed.allocate(PROJECT, List.of(share(LEAD, "60"), share(FUNDER, "40")), NOW);
        closed.changeStatus(RiskStatus.CLOSED, "over", "carla", NOW);
        assertThat(closed.releaseDeparted(AFTER_FUNDER_LEFT, WITHDREW, NOW)).isEmpty();
        assertThat(closed.allocatedPercent()).isEqualByComparingTo("100");
        assertThat(closed.needsReallocation()).isFalse();
    }

    static Risk risk(int likelihood, int impact) {
        return Risk.propose(UUID.randomUUID(), PROJECT, proposal(likelihood, impact, FUNDER), "carla", NOW);
    }

    static Risk.Proposal proposal(int likelihood, int impact, UUID owner) {
        return new Risk.Proposal(RiskCategory.DELIVERY, " Volunteers drop out ", null, likelihood, impact,
                "a reserve list", owner);
    }

    static RiskAllocation share(UUID partner, String percent) {
        return new RiskAllocation(partner, new BigDecimal(percent));
    }
}
