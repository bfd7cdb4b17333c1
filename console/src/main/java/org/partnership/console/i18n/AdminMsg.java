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

    @Message("Proposed change, waiting for an administrator")
    String pending_change();

    @Message("Proposed by")
    String proposed_by();

    @Message("Approve the change")
    String approve();

    @Message("Reject the change")
    String reject();

    @Message("This organisation changed since you read it: the proposal below is the current one. Check it and decide again.")
    String stale_change();
}
