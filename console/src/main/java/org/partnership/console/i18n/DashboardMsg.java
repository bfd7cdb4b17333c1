package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The project dashboard: {dashboard:key} in the templates. English here, Italian in
 * messages/dashboard_it.properties.
 */
@MessageBundle("dashboard")
public interface DashboardMsg {

    @Message("Contributions per partner")
    String contributions();

    @Message("Coverage of needs")
    String coverage();

    @Message("Risk heat map")
    String heatmap();

    @Message("Rows: likelihood 5 (top) to 1; columns: impact 1 (left) to 5. Each cell shows the number of open risks.")
    String heatmap_axes();

    @Message("Open risks by likelihood and impact")
    String heatmap_desc();

    @Message("Indicators")
    String indicators();

    @Message("Overdue")
    String overdue();

    @Message("Part of the dashboard is unavailable right now; what is shown is up to date.")
    String partial();

    @Message("Partially delivered")
    String partially_delivered();

    @Message("Dashboard")
    String title();
}
