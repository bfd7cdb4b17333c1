package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The administrator's screens: {admin:key} in the templates. English here, Italian in messages/admin_it.properties.
 */
@MessageBundle("admin")
public interface AdminMsg {

    @Message("Reinstate")
    String reinstate();

    @Message("Suspend")
    String suspend();

    @Message("Verify")
    String verify();
}
