package org.partnership.notifications.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The one-line text of each kind of notification, in English; Italian in {@code messages/notice_it.properties}
 * (same keys). Used by the in-app list, the e-mail subject and body, and the digest.
 */
@MessageBundle(value = "notice", locale = "en")
public interface NoticeMsg {

    @Message("{partnerName} is invited to join the project \"{projectTitle}\"")
    String invited(String partnerName, String projectTitle);

    @Message("{partnerName} accepted the invitation to \"{projectTitle}\"")
    String invitationAccepted(String partnerName, String projectTitle);

    @Message("{partnerName} declined the invitation to \"{projectTitle}\"")
    String invitationDeclined(String partnerName, String projectTitle);

    @Message("{partnerName} pledged {quantity} {unit} to \"{projectTitle}\"")
    String pledgeReceived(String partnerName, String quantity, String unit, String projectTitle);

    @Message("{partnerName} recorded a delivery of {quantity} {unit} to \"{projectTitle}\": confirm or dispute it")
    String deliveryRecorded(String partnerName, String quantity, String unit, String projectTitle);

    @Message("The pledge of {quantity} {unit} by {partnerName} to \"{projectTitle}\" was due on {dueDate} and is overdue")
    String pledgeOverdue(String partnerName, String quantity, String unit, String projectTitle, String dueDate);

    @Message("{partnerName} was verified: it can now be invited to projects and contribute")
    String partnerVerified(String partnerName);

    @Message("{partnerName} was suspended by an administrator: {reason}")
    String partnerSuspended(String partnerName, String reason);

    @Message("{partnerName} carries {sharePercent}% of the risk \"{riskTitle}\" in \"{projectTitle}\"")
    String riskAllocated(String partnerName, String sharePercent, String riskTitle, String projectTitle);

    @Message("A proposal waits for your vote in \"{projectTitle}\": {proposalTitle}")
    String proposalOpened(String proposalTitle, String projectTitle);

    @Message("The proposal \"{proposalTitle}\" in \"{projectTitle}\" expires at {deadline} and waits for your vote")
    String proposalExpiring(String proposalTitle, String projectTitle, String deadline);

    @Message("The proposal \"{proposalTitle}\" in \"{projectTitle}\" passed")
    String proposalPassed(String proposalTitle, String projectTitle);

    @Message("The proposal \"{proposalTitle}\" in \"{projectTitle}\" was rejected")
    String proposalRejected(String proposalTitle, String projectTitle);

    @Message("The proposal \"{proposalTitle}\" in \"{projectTitle}\" expired without a quorum")
    String proposalExpired(String proposalTitle, String projectTitle);

    @Message("Partnership: {text}")
    String subject(String text);

    @Message("Partnership: your daily digest ({count} notifications)")
    String digestSubject(int count);
}
