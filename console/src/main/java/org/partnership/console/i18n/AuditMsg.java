package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The audit trail (issue #22): the auditors' and administrators' screen, and a project's history for its participants:
 * {audit:key} in the templates. English here, Italian in messages/audit_it.properties.
 */
@MessageBundle("audit")
public interface AuditMsg {

    @Message("Action")
    String action();

    @Message("Actor")
    String actor();

    @Message("Apply filters")
    String apply();

    @Message("The chain is broken at entry {seq}: {reason}")
    String broken(Object seq, String reason);

    @Message("Changes")
    String changes();

    @Message("Clear")
    String clear();

    @Message("Correlation id")
    String correlation();

    @Message("Download CSV")
    String csv();

    @Message("Filters")
    String filters();

    @Message("From (day)")
    String from();

    @Message("Decisions and changes recorded for this project, newest first.")
    String history_intro();

    @Message("History")
    String history_link();

    @Message("History of {title}")
    String history_title(String title);

    @Message("The chain is intact: {entries} entries checked.")
    String intact(Object entries);

    @Message("Audit trail")
    String nav();

    @Message("Next page")
    String next();

    @Message("No entries match.")
    String none();

    @Message("Object")
    String object();

    @Message("Partner id")
    String partner();

    @Message("Project id")
    String project();

    @Message("Event type")
    String type();

    @Message("When")
    String time();

    @Message("Audit trail")
    String title();

    @Message("To (day, included)")
    String to();

    @Message("Chain verification")
    String verify_title();

    @Message("Verify the chain now")
    String verify();
}
