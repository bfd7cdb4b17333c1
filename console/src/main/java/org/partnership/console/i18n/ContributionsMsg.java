package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Pledges, deliveries and a partner's commitments across projects: {contributions:key} in the templates. English
 * here, Italian in messages/contributions_it.properties.
 */
@MessageBundle("contributions")
public interface ContributionsMsg {

    @Message("Contributions across projects")
    String caption();

    @Message("Currency")
    String currency();

    @Message("Record delivery")
    String deliver();

    @Message("Quantity delivered")
    String deliver_quantity();

    @Message("Delivered")
    String delivered();

    @Message("Download CSV")
    String download_csv();

    @Message("Due date")
    String due_date();

    @Message("Fulfilment ratio")
    String fulfilment_ratio();

    @Message("Need it covers")
    String need();

    @Message("No contributions yet.")
    String none();

    @Message("overdue")
    String overdue();

    @Message("Overdue items")
    String overdue_count();

    @Message("Overdue only")
    String overdue_only();

    @Message("Pledge")
    String pledge();

    @Message("Pledge for this need")
    String pledge_for_need();

    @Message("Pledge a contribution")
    String pledge_title();

    @Message("Pledged")
    String pledged();

    @Message("Risk exposure")
    String risk_exposure();

    @Message("Valuation")
    String valuation();

    @Message("Commitments per partner")
    String project_title();

    @Message("What each partner pledged, delivered and still owes in this project, and the risk it carries")
    String project_caption();

    @Message("Commitments")
    String project_link();

    @Message("Confirmed")
    String confirmed();

    @Message("Remaining")
    String remaining();

    @Message("Contributions")
    String count();
}
