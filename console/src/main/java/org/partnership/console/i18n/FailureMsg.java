package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The failure page: not found, refused form, unavailable service: {failure:key} in the templates. English here,
 * Italian in messages/failure_it.properties.
 */
@MessageBundle("failure")
public interface FailureMsg {

    @Message("Back to the start page")
    String back();

    @Message("This form could not be accepted: it was older than your session, or sent from another site. Nothing was changed. Go back, reload the page and send it again.")
    String expired();

    @Message("This page does not exist, or you may not see it.")
    String not_found();

    @Message("Something went wrong on our side. Please try again.")
    String other();

    @Message("We could not show this page")
    String title();

    @Message("A service of the platform is slow or unavailable right now. Nothing was lost: please try again in a minute.")
    String unavailable();
}
