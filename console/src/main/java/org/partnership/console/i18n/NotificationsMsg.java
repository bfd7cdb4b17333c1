package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The user's notifications and their preferences (#23): {notifications:key} in the templates. English here, Italian in
 * messages/notifications_it.properties. The notifications' own texts come from the API, in the user's language.
 */
@MessageBundle("notifications")
public interface NotificationsMsg {

    @Message("Notifications")
    String title();

    @Message("{count} unread")
    String unread_label(long count);

    @Message("Nothing needs you at the moment.")
    String none();

    @Message("Open")
    String open();

    @Message("Mark read")
    String mark_read();

    @Message("Mark all read")
    String mark_all_read();

    @Message("Unread")
    String unread();

    @Message("Older notifications")
    String older();

    @Message("How you receive them")
    String preferences();

    @Message("For each kind of notification: in the app only, also by e-mail at once, or in a daily e-mail digest.")
    String preferences_intro();

    @Message("Save")
    String save();

    @Message("Your preferences are saved.")
    String saved();

    @Message("In the app only")
    String channel_IN_APP();

    @Message("E-mail at once")
    String channel_EMAIL();

    @Message("Daily digest")
    String channel_DIGEST();

    @Message("My organisation is invited to a project")
    String kind_INVITED();

    @Message("An invited partner answers")
    String kind_INVITATION_ANSWERED();

    @Message("A partner pledges to my project")
    String kind_PLEDGE_RECEIVED();

    @Message("A delivery waits for my review")
    String kind_DELIVERY_RECORDED();

    @Message("A pledge is overdue")
    String kind_PLEDGE_OVERDUE();

    @Message("My organisation is verified")
    String kind_PARTNER_VERIFIED();

    @Message("My organisation is suspended")
    String kind_PARTNER_SUSPENDED();

    @Message("A risk share is allocated to my organisation")
    String kind_RISK_ALLOCATED();

    @Message("A proposal waits for a vote")
    String kind_PROPOSAL_OPENED();

    @Message("A proposal is about to expire")
    String kind_PROPOSAL_EXPIRING();

    @Message("A proposal is decided")
    String kind_PROPOSAL_DECIDED();
}
