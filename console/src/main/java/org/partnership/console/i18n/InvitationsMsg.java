package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * A partner's invitations: {invitations:key} in the templates. English here, Italian in
 * messages/invitations_it.properties.
 */
@MessageBundle("invitations")
public interface InvitationsMsg {

    @Message("Accept")
    String accept();

    @Message("Decline")
    String decline();

    @Message("Invited by {lead}")
    String from(String lead);

    @Message("Look at the project")
    String look();

    @Message("No invitations are waiting.")
    String none();
}
