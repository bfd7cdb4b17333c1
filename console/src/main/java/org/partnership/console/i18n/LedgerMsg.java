package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The delivery ledger: the recipient side confirms or disputes each delivery, the contributor corrects a disputed one
 * (issue #19): {ledger:key} in the templates. English here, Italian in messages/ledger_it.properties.
 */
@MessageBundle("ledger")
public interface LedgerMsg {

    @Message("Confirmed")
    String confirmed();

    @Message("Note on the correction")
    String correction_note();

    @Message("Quantity actually delivered")
    String correction_quantity();

    @Message("Record correction")
    String correction_submit();

    @Message("No deliveries recorded against this project yet.")
    String deliveries_none();

    @Message("Deliveries to review")
    String deliveries_title();

    @Message("confirmed automatically")
    String delivery_auto_confirmed();

    @Message("Confirm")
    String delivery_confirm();

    @Message("replaced by a correction: no longer counts")
    String delivery_corrected();

    @Message("Delivered on")
    String delivery_date();

    @Message("Dispute")
    String delivery_dispute();

    @Message("Disputed: {note}")
    String delivery_disputed_because(String note);

    @Message("a correction of a disputed delivery")
    String delivery_is_correction();

    @Message("The pledge")
    String delivery_pledge_totals();

    @Message("Quantity")
    String delivery_quantity();

    @Message("Review")
    String delivery_review();

    @Message("Your verdict")
    String delivery_verdict();

    @Message("Reason for the dispute")
    String dispute_reason();

    @Message("Say why you dispute this delivery: the partner sees it and records a correction.")
    String dispute_reason_required();

    @Message("Disputed")
    String disputed();

    @Message("The project's lead disputed these deliveries: they count nowhere until it confirms them after all, or you record what was actually delivered.")
    String disputes_intro();

    @Message("Disputed deliveries")
    String disputes_title();

    @Message("Someone changed this pledge meanwhile. Check the delivery as it is now and review it again.")
    String stale_review();
}
