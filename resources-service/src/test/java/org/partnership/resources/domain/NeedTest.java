package org.partnership.resources.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A project's needs as plain JUnit: what a declared need keeps, and which contributions may cover it. */
class NeedTest {

    static final ProjectReplica PROJECT = ProjectReplica.of(UUID.randomUUID(), "Warm rooms", "OPEN",
            ContributionTest.LEAD, List.of(ContributionTest.LEAD), 1);

    @Test
    void shouldBelongToItsProjectWithATrimmedUnitAndNoBlankDimension() {
        Need need = Need.declare(UUID.randomUUID(), PROJECT, ContributionType.FACILITY, new BigDecimal("3"), " rooms ",
                "  ", "heated rooms for the afternoon", "lead", ContributionTest.NOW);

        assertThat(need.projectId()).isEqualTo(PROJECT.id());
        assertThat(need.unit()).isEqualTo("rooms");
        assertThat(need.dimension()).isNull();
        assertThat(need.quantity()).isEqualByComparingTo("3");
    }

    @Test
    void shouldKeepATrimmedDimension() {
        Need need = Need.declare(UUID.randomUUID(), PROJECT, ContributionType.STAFF_HOURS, BigDecimal.TEN, "hours",
                " social work ", null, "lead", ContributionTest.NOW);

        assertThat(need.dimension()).isEqualTo("social work");
    }

    @Test
    void shouldBeCoverableByTheSameTypeAndUnitInAnyCase() {
        Need need = Need.declare(UUID.randomUUID(), PROJECT, ContributionType.FACILITY, new BigDecimal("3"), "rooms",
                null, null, "lead", ContributionTest.NOW);

        need.requireCoverableBy(ContributionType.FACILITY, " Rooms ");

        assertThatThrownBy(() -> need.requireCoverableBy(ContributionType.EQUIPMENT, "rooms"))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessage("need " + need.id() + " asks for FACILITY in 'rooms'; a contribution covering it must have "
                        + "the same type and unit");
        assertThatThrownBy(() -> need.requireCoverableBy(ContributionType.FACILITY, "m2"))
                .isInstanceOf(InvalidResourceException.class)
                .satisfies(e -> assertThat(((InvalidResourceException) e).field()).isEqualTo("needId"));
    }
}
