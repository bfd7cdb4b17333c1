package org.partnership.console.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorChartTest {

    private static final Map<String, Object> INDICATOR = Map.of("baseline", "0", "target", "100",
            "targets", List.of(Map.of("value", "50", "dueDate", "2027-01-31"), Map.of("value", "100", "dueDate", "2027-12-31")));

    @Test
    void shouldDrawTheMeasurementsOldestFirstOnADateAxisThatRunsToTheLastTarget() {
        // newest first, as the API lists them
        IndicatorChart chart = IndicatorChart.of(INDICATOR, List.of(Map.of("value", "30", "measuredAt", "2027-01-01"),
                Map.of("value", "10", "measuredAt", "2026-01-01")));
        assertThat(chart.points()).extracting(IndicatorChart.Point::date).containsExactly("2026-01-01", "2027-01-01");
        assertThat(chart.from()).isEqualTo("2026-01-01");
        assertThat(chart.to()).isEqualTo("2027-12-31");
        // the first measurement at the left edge, the last target at the right edge
        assertThat(chart.points().get(0).x()).isEqualTo(IndicatorChart.LEFT);
        assertThat(chart.targets().get(1).x()).isEqualTo(IndicatorChart.RIGHT);
        // a higher value is higher up: 0 at the bottom, 100 (the final target) at the top
        assertThat(chart.top()).isEqualTo("100");
        assertThat(chart.bottom()).isEqualTo("0");
        assertThat(chart.targetY()).isEqualTo(IndicatorChart.TOP);
        assertThat(chart.points().get(0).y()).isLessThan(IndicatorChart.BOTTOM).isGreaterThan(chart.points().get(1).y());
        assertThat(chart.line()).isEqualTo(chart.points().get(0).x() + "," + chart.points().get(0).y() + " "
                + chart.points().get(1).x() + "," + chart.points().get(1).y());
        // 2027-01-01 is a year after the first point, of a 2-year axis: about half-way
        int half = (IndicatorChart.LEFT + IndicatorChart.RIGHT) / 2;
        assertThat(chart.points().get(1).x()).isBetween(half - 3, half + 3);
    }

    @Test
    void shouldKeepAValueBelowTheBaselineInsideThePlot() {
        IndicatorChart chart = IndicatorChart.of(Map.of("baseline", "10", "target", "20"),
                List.of(Map.of("value", "-5", "measuredAt", "2026-03-01"), Map.of("value", "25", "measuredAt", "2026-04-01")));
        assertThat(chart.bottom()).isEqualTo("-5");
        assertThat(chart.top()).isEqualTo("25");
        assertThat(chart.points()).allSatisfy(p -> assertThat(p.y()).isBetween(IndicatorChart.TOP, IndicatorChart.BOTTOM));
        assertThat(chart.points().get(0).y()).isEqualTo(IndicatorChart.BOTTOM);
        assertThat(chart.points().get(1).y()).isEqualTo(IndicatorChart.TOP);
    }

    @Test
    void shouldCentreASingleMeasurementAndDrawNothingWithoutOne() {
        IndicatorChart one = IndicatorChart.of(Map.of("baseline", "0", "target", "0"), List.of(Map.of("value", "0", "measuredAt", "2026-05-01")));
        assertThat(one.points()).singleElement().satisfies(p -> assertThat(p.x()).isEqualTo((IndicatorChart.LEFT + IndicatorChart.RIGHT) / 2));
        // no range at all: the axis still spans one unit rather than dividing by zero
        assertThat(one.top()).isEqualTo("1");
        IndicatorChart none = IndicatorChart.of(Map.of("baseline", "0"), List.of(Map.of("value", "not a number", "measuredAt", "2026-05-01")));
        assertThat(none.points()).isEmpty();
        assertThat(none.line()).isEmpty();
        assertThat(none.from()).isNull();
        assertThat(none.targetY()).isNull();
    }
}
