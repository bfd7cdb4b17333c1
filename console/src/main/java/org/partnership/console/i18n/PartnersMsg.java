package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Finding and inviting partners; partner attributes shown on several screens: {partners:key} in the templates.
 * English here, Italian in messages/partners_it.properties.
 */
@MessageBundle("partners")
public interface PartnersMsg {

    @Message("Capability")
    String capability();

    @Message("Service domains")
    String domain();

    @Message("Find and invite partners")
    String find();

    @Message("Invite")
    String invite();

    @Message("Message")
    String invite_message();

    @Message("Level")
    String level();

    @Message("No organisations found.")
    String none();

    @Message("Organisations")
    String results();

    @Message("Sector")
    String sector();
}
