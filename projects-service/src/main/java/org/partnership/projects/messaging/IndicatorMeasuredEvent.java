package org.partnership.projects.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.partnership.projects.domain.Indicator;
import org.partnership.projects.domain.Measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The data of {@code partnership.indicator.measured.v1}: one measurement, with the indicator's progress after it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IndicatorMeasuredEvent(UUID projectId, UUID indicatorId, String name, String unit, String value,
                                     LocalDate measuredAt, String progressPercent) {

    public static IndicatorMeasuredEvent of(Indicator indicator, Measurement measurement) {
        BigDecimal progress = indicator.progressPercent();
        return new IndicatorMeasuredEvent(indicator.projectId(), indicator.id(), indicator.name(), indicator.unit(),
                measurement.value().stripTrailingZeros().toPlainString(), measurement.measuredAt(),
                progress == null ? null : progress.stripTrailingZeros().toPlainString());
    }
}
