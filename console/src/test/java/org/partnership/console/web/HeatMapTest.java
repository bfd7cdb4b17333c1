package org.partnership.console.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeatMapTest {

    @Test
    void shouldCountRisksPerLikelihoodAndImpactCell() {
        HeatMap map = HeatMap.of(List.of(Map.of("likelihood", 3, "impact", 4), Map.of("likelihood", 3, "impact", 4),
                Map.of("likelihood", 5, "impact", 5), Map.of("likelihood", 9, "impact", 1)));
        assertThat(map.cells()).hasSize(25);
        assertThat(cell(map, 3, 4).count()).isEqualTo(2);
        assertThat(cell(map, 5, 5).count()).isEqualTo(1);
        assertThat(cell(map, 5, 5).text()).isEqualTo("#ffffff");
        assertThat(map.cells().stream().mapToInt(HeatMap.Cell::count).sum()).isEqualTo(3);
        // likelihood 5 is the top row, impact 1 the left column
        assertThat(cell(map, 5, 1).y()).isZero();
        assertThat(cell(map, 1, 1).x()).isEqualTo(40);
        // each likelihood's label sits level with the middle of its row
        assertThat(map.likelihoods()).extracting(HeatMap.Label::value).containsExactly(5, 4, 3, 2, 1);
        assertThat(map.likelihoods()).allSatisfy(label -> assertThat(label.y()).isEqualTo(cell(map, label.value(), 1).y() + 33));
    }

    private static HeatMap.Cell cell(HeatMap map, int likelihood, int impact) {
        return map.cells().stream().filter(c -> c.likelihood() == likelihood && c.impact() == impact).findFirst().orElseThrow();
    }
}
