package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Co-governance (#21): proposals, votes, the rule's tally and the decision log: {governance:key} in the templates.
 * English here, Italian in messages/governance_it.properties.
 */
@MessageBundle("governance")
public interface GovernanceMsg {

    @Message("Approve")
    String APPROVE();

    @Message("Abstain")
    String ABSTAIN();

    @Message("Reject")
    String REJECT();

    @Message("Application")
    String application();

    @Message("Awaiting my vote")
    String awaiting();

    @Message("Proposals awaiting my organisation's vote: {count}")
    String awaiting_count(int count);

    @Message("Nothing awaits your vote.")
    String awaiting_none();

    @Message("Comment (optional)")
    String comment();

    @Message("Deadline")
    String deadline();

    @Message("Decided")
    String decided();

    @Message("Decision log")
    String decision_log();

    @Message("No decision has been taken yet.")
    String decision_log_none();

    @Message("Description")
    String description();

    @Message("Eligible partners")
    String eligible();

    @Message("Not met")
    String failing();

    @Message("Missing votes")
    String missing();

    @Message("Need")
    String need();

    @Message("CHANGE sets a new quantity, CANCEL cancels the need")
    String need_action();

    @Message("New quantity (for CHANGE)")
    String need_quantity();

    @Message("New rule (for CHANGE_RULE)")
    String new_rule();

    @Message("Open proposals")
    String open();

    @Message("No open proposal.")
    String open_none();

    @Message("Outcome")
    String outcome();

    @Message("Payload")
    String payload();

    @Message("Project")
    String project();

    @Message("Propose")
    String propose();

    @Message("Propose a decision")
    String propose_title();

    @Message("Proposed by")
    String proposed_by();

    @Message("Proposal")
    String proposal();

    @Message("Proposals")
    String proposals();

    @Message("Quorum reached")
    String quorum();

    @Message("Approvals needed")
    String approvals_needed();

    @Message("Sectors")
    String sectors();

    @Message("Sectors that approved")
    String sectors_approving();

    @Message("Sectors still without an approval")
    String sectors_without();

    @Message("Status")
    String status();

    @Message("The rule's current tally")
    String tally();

    @Message("Rule")
    String rule();

    @Message("Text (for RESOLUTION)")
    String text();

    @Message("Title")
    String title();

    @Message("Type")
    String type();

    @Message("Vote")
    String vote();

    @Message("Cast or change my organisation's vote")
    String vote_title();

    @Message("Your vote was recorded.")
    String voted();

    @Message("Voted")
    String voted_at();

    @Message("Votes")
    String votes();

    @Message("No vote yet.")
    String votes_none();

    @Message("Who")
    String who();

    @Message("Partner")
    String partner();

    @Message("Choice")
    String choice();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("Someone voted or the proposal changed meanwhile: here it is as it is now. Your choice is kept; send it again.")
    String stale();
}
