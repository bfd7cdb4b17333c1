package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * A project's indicators (#20): their measurements over time, recording one, dated targets: {indicators:key} in the
 * templates. English here, Italian in messages/indicators_it.properties.
 */
@MessageBundle("indicators")
public interface IndicatorsMsg {

    @Message("Indicators")
    String title();

    @Message("Indicator")
    String name();

    @Message("Unit")
    String unit();

    @Message("Baseline")
    String baseline();

    @Message("Latest measurement")
    String latest();

    @Message("Target")
    String target();

    @Message("Final target")
    String target_final();

    @Message("Progress to the final target")
    String progress();

    @Message("Due by")
    String due();

    @Message("Without a date, the final target is due at the project's planned end.")
    String due_hint();

    @Message("Declare an indicator")
    String declare();

    @Message("The indicator was declared.")
    String declared();

    @Message("The measurement was recorded.")
    String measured();

    @Message("The targets were changed.")
    String targets_changed();

    @Message("Someone else changed these targets meanwhile: the current ones are above, what you typed is kept in the form. Check it and save again.")
    String stale();

    @Message("Where it stands")
    String now();

    @Message("Next target")
    String next_target();

    @Message("Measurements over time")
    String history();

    @Message("Record a measurement")
    String record();

    @Message("Value")
    String value();

    @Message("Measured on")
    String measured_at();

    @Message("Dated targets")
    String targets();

    @Message("Leave a row blank to drop it; the target due last becomes the final target.")
    String targets_hint();

    @Message("Save the targets")
    String targets_save();

    @Message("Measurements")
    String measurements();

    @Message("Recorded by")
    String recorded_by();

    @Message("Recorded on")
    String recorded_at();

    @Message("{name} over time")
    String chart_title(String name);

    @Message("Solid line and dots: the measured values. Hollow circles: the dated targets. Dashed line: the final target.")
    String chart_legend();

    @Message("Indicators and their history")
    String open();
}
