package org.partnership.projects.domain;

import org.junit.jupiter.api.Test;
import org.partnership.projects.domain.Integration.Cell;
import org.partnership.projects.domain.Integration.Contribution;
import org.partnership.projects.domain.Integration.Gap;
import org.partnership.projects.domain.Integration.Member;
import org.partnership.projects.domain.Integration.View;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Horizontal and vertical integration as plain rules (issue #19, hole 7). */
class IntegrationTest {

    static final Member CITY = new Member(UUID.randomUUID(), "City of Riverside", "PUBLIC", "LOCAL");
    static final Member FOOD_BANK = new Member(UUID.randomUUID(), "Riverside Food Bank", "THIRD_SECTOR", "LOCAL");
    static final Member HOUSING_ASSOCIATION = new Member(UUID.randomUUID(), "Open Doors", "THIRD_SECTOR", "REGIONAL");
    static final Member ENERGY = new Member(UUID.randomUUID(), "Nordlicht Energy", "MARKET", "NATIONAL");

    @Test
    void shouldBuildTheSectorsByDimensionsMatrixOfWhatAcceptedParticipantsContribute() {
        View v = Integration.of(List.of("HOUSING", "HEALTH"), List.of(CITY, FOOD_BANK, HOUSING_ASSOCIATION, ENERGY), List.of(
                pledge(FOOD_BANK, "HOUSING", "VOLUNTEER_HOURS", "hours", "100", "20"),
                pledge(HOUSING_ASSOCIATION, "HOUSING", "VOLUNTEER_HOURS", "hours", "50", "0"),
                pledge(ENERGY, "HOUSING", "FUNDING", "EUR", "5000", "1000"),
                pledge(CITY, "HEALTH", "STAFF_HOURS", "hours", "40", "0")));

        assertThat(v.sectors()).containsExactly("MARKET", "PUBLIC", "THIRD_SECTOR");
        assertThat(v.matrix()).extracting(c -> c.sector() + "/" + c.dimension()).containsExactly("MARKET/HOUSING",
                "MARKET/HEALTH", "PUBLIC/HOUSING", "PUBLIC/HEALTH", "THIRD_SECTOR/HOUSING", "THIRD_SECTOR/HEALTH");
        Cell thirdSectorHousing = cell(v, "THIRD_SECTOR", "HOUSING");
        assertThat(thirdSectorHousing.partners()).containsExactly(FOOD_BANK, HOUSING_ASSOCIATION);
        assertThat(thirdSectorHousing.contributions()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("VOLUNTEER_HOURS");
            assertThat(t.count()).isEqualTo(2);
            assertThat(t.pledged()).isEqualByComparingTo("150");
            assertThat(t.delivered()).isEqualByComparingTo("20");
        });
        assertThat(cell(v, "MARKET", "HEALTH").partners()).isEmpty();
        assertThat(v.contributes().get(CITY.partnerId())).containsExactly("HEALTH");
        assertThat(v.contributes().get(ENERGY.partnerId())).containsExactly("HOUSING");
        assertThat(v.levels()).extracting(Integration.Level::level).containsExactly("LOCAL", "REGIONAL", "NATIONAL");
        assertThat(v.levels().get(0).partners()).containsExactly(CITY, FOOD_BANK);
    }

    @Test
    void shouldNameADimensionWithoutContributorsAndOneCoveredBySingleSector() {
        View v = Integration.of(List.of("HOUSING", "HEALTH", "EMPLOYMENT"), List.of(CITY, FOOD_BANK, ENERGY), List.of(
                pledge(FOOD_BANK, "HOUSING", "VOLUNTEER_HOURS", "hours", "100", "0"),
                pledge(ENERGY, "HOUSING", "FUNDING", "EUR", "5000", "0"),
                pledge(FOOD_BANK, "HEALTH", "EXPERTISE", "hours", "10", "0")));

        assertThat(v.gaps()).extracting(Gap::code, Gap::dimension).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Integration.DIMENSION_SINGLE_SECTOR, "HEALTH"),
                org.assertj.core.groups.Tuple.tuple(Integration.DIMENSION_UNCOVERED, "EMPLOYMENT"));
        assertThat(v.gaps().get(0).detail()).isEqualTo("only THIRD_SECTOR partners contribute to HEALTH: no partner from another sector");
        assertThat(v.integratedDimensions()).containsExactly("HOUSING");
        assertThat(v.horizontallyIntegrated()).isFalse();
        assertThat(v.verticallyIntegrated()).isTrue();
    }

    @Test
    void shouldNameASingleLevelAndCountUnknownLevelsForNone() {
        Member unknownLevel = new Member(UUID.randomUUID(), "Unknown", "MARKET", null);
        View v = Integration.of(List.of("HOUSING"), List.of(CITY, FOOD_BANK, unknownLevel), List.of(
                pledge(CITY, "HOUSING", "STAFF_HOURS", "hours", "10", "0"),
                pledge(unknownLevel, "HOUSING", "FUNDING", "EUR", "10", "0")));

        assertThat(v.gaps()).extracting(Gap::code).containsExactly(Integration.SINGLE_LEVEL);
        assertThat(v.gaps().get(0).detail()).contains("every accepted participant acts at the LOCAL level");
        assertThat(v.horizontallyIntegrated()).isTrue();
        assertThat(v.verticallyIntegrated()).isFalse();
        assertThat(Integration.of(List.of("HOUSING"), List.of(), List.of()).gaps()).extracting(Gap::code)
                .containsExactly(Integration.DIMENSION_UNCOVERED, Integration.SINGLE_LEVEL);
    }

    @Test
    void shouldCountNoContributionOfAPartnerThatLeftOrWithdrewItsPledgeOrGaveToNoProjectDimension() {
        Member departed = new Member(UUID.randomUUID(), "Left", "MARKET", "NATIONAL");
        View v = Integration.of(List.of("HOUSING"), List.of(CITY, FOOD_BANK), List.of(
                pledge(departed, "HOUSING", "FUNDING", "EUR", "5000", "0"),
                pledge(CITY, "HOUSING", "FUNDING", "EUR", "0", "0"),
                pledge(FOOD_BANK, null, "IN_KIND", "boxes", "10", "0"),
                pledge(FOOD_BANK, "CULTURE", "IN_KIND", "boxes", "10", "0")));

        assertThat(v.matrix()).allSatisfy(c -> assertThat(c.partners()).isEmpty());
        assertThat(v.gaps()).extracting(Gap::code).containsExactly(Integration.DIMENSION_UNCOVERED, Integration.SINGLE_LEVEL);
        assertThat(v.sectors()).containsExactly("PUBLIC", "THIRD_SECTOR");
    }

    static Cell cell(View v, String sector, String dimension) {
        return v.matrix().stream().filter(c -> c.sector().equals(sector) && c.dimension().equals(dimension)).findFirst().orElseThrow();
    }

    static Contribution pledge(Member m, String dimension, String type, String unit, String pledged, String delivered) {
        return new Contribution(m.partnerId(), dimension, type, unit, 1, new BigDecimal(pledged), new BigDecimal(delivered));
    }
}
