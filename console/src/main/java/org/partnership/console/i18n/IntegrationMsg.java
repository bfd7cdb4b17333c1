package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * How a project integrates sectors, dimensions and levels, and a coordinator's portfolio: {integration:key} in the
 * templates. English here, Italian in messages/integration_it.properties.
 */
@MessageBundle("integration")
public interface IntegrationMsg {

    @Message("Gaps")
    String gaps();

    @Message("Integrated across sectors")
    String horizontal();

    @Message("Integrated dimensions")
    String integrated();

    @Message("Levels")
    String levels();

    @Message("Integration")
    String link();

    @Message("Sectors and dimensions")
    String matrix();

    @Message("Sectors (rows) by dimensions (columns): who contributes, and what they pledged")
    String matrix_caption();

    @Message("No")
    String no();

    @Message("Portfolio")
    String portfolio();

    @Message("My organisation's projects: sectors, levels, integrated dimensions and gaps")
    String portfolio_caption();

    @Message("Sectors")
    String sectors();

    @Message("Integration across sectors and levels")
    String title();

    @Message("Integrated across levels")
    String vertical();
}
