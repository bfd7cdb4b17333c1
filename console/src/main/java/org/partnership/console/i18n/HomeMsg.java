package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The start page: who is signed in and what they can do: {home:key} in the templates. English here, Italian in
 * messages/home_it.properties.
 */
@MessageBundle("home")
public interface HomeMsg {

    @Message("Signed in as")
    String me_heading();

    @Message("What you can do")
    String next();

    @Message("none yet")
    String no_organisation();

    @Message("Organisation")
    String organisation();

    @Message("Roles")
    String roles();

    @Message("Welcome")
    String title();

    @Message("User")
    String username();
}
