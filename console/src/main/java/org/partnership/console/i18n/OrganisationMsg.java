package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Registering my organisation: {organisation:key} in the templates. English here, Italian in
 * messages/organisation_it.properties.
 */
@MessageBundle("organisation")
public interface OrganisationMsg {

    @Message("Contact e-mail")
    String contact_email();

    @Message("Country (ISO code, e.g. IT)")
    String country();

    @Message("Legal form")
    String legal_form();

    @Message("Name")
    String name();

    @Message("Registered: an administrator verifies the organisation before it can take part.")
    String pending();

    @Message("Register my organisation")
    String register();

    @Message("Registration number")
    String registration_number();

    @Message("Members")
    String members();

    @Message("User")
    String member_username();

    @Message("Member since")
    String member_since();

    @Message("Remove")
    String member_remove();

    @Message("Back to the first members")
    String member_first_page();

    @Message("You are its only member: add a colleague before you can leave.")
    String member_last();

    @Message("Username or e-mail of a colleague (they need an account)")
    String member_user();

    @Message("Add a colleague")
    String member_add();
}
