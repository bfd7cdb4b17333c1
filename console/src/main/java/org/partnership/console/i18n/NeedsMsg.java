package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * A project's needs: {needs:key} in the templates. English here, Italian in messages/needs_it.properties.
 */
@MessageBundle("needs")
public interface NeedsMsg {

    @Message("Coverage")
    String coverage();

    @Message("Declare a need")
    String declare();

    @Message("Description")
    String description();

    @Message("Dimension")
    String dimension();

    @Message("No needs declared yet.")
    String none();

    @Message("Quantity")
    String quantity();

    @Message("Needs")
    String title();

    @Message("Type")
    String type();

    @Message("Unit")
    String unit();
}
