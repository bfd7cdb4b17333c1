package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Text every page shares: the layout (header, navigation, footer), sign-in/out and common words: {common:key} in the
 * templates. English here, Italian in messages/common_it.properties.
 */
@MessageBundle("common")
public interface CommonMsg {

    @Message("Any")
    String any();

    @Message("Partnership console")
    String app_name();

    @Message("due")
    String due();

    @Message("Filter")
    String filter();

    @Message("Partnership platform · demo realm: demo accounts only")
    String footer();

    @Message("Organisations")
    String nav_admin();

    @Message("My contributions")
    String nav_contributions();

    @Message("Invitations")
    String nav_invitations();

    @Message("Main")
    String nav_main();

    @Message("My organisation")
    String nav_organisation();

    @Message("Projects")
    String nav_projects();

    @Message("Next page")
    String next_page();

    @Message("None.")
    String none();

    @Message("Organisation")
    String organisation();

    @Message("Reason")
    String reason();

    @Message("Visible to the project's accepted participants only.")
    String restricted();

    @Message("Role")
    String role();

    @Message("Search")
    String search();

    @Message("Sign in")
    String sign_in();

    @Message("Sign out")
    String sign_out();

    @Message("You are signed out")
    String signed_out_title();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Status")
    String status();

    @Message("Italiano")
    String switch_language();

    @Message("Yes")
    String yes();
}
