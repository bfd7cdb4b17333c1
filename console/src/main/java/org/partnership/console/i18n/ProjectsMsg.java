package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Projects: the list, creating one, the project page and its launch readiness: {projects:key} in the templates.
 * English here, Italian in messages/projects_it.properties.
 */
@MessageBundle("projects")
public interface ProjectsMsg {

    @Message("My projects with status and readiness")
    String caption();

    @Message("Create a project")
    String create();

    @Message("Create project")
    String create_submit();

    @Message("Dimensions")
    String dimensions();

    @Message("Invite partners")
    String fix_invite();

    @Message("Declare or cover needs")
    String fix_needs();

    @Message("Review participants")
    String fix_participants();

    @Message("Allocate risks")
    String fix_risks();

    @Message("Governance rule")
    String governance();

    @Message("Launch the project")
    String launch();

    @Message("No projects yet.")
    String none();

    @Message("Open for partners")
    String open();

    @Message("Participants")
    String participants();

    @Message("Planned end")
    String planned_end();

    @Message("Planned start")
    String planned_start();

    @Message("Project")
    String project_title();

    @Message("Purpose")
    String purpose();

    @Message("Readiness")
    String readiness();

    @Message("not met")
    String readiness_fail();

    @Message("not ready to launch")
    String readiness_not_ready();

    @Message("met")
    String readiness_pass();

    @Message("{passed} of {total} criteria met")
    String readiness_passed(Object passed, Object total);

    @Message("ready")
    String readiness_ready();

    @Message("Launch readiness")
    String readiness_title();

    @Message("Required coverage (%)")
    String required_coverage();

    @Message("Status")
    String status();

    @Message("My projects")
    String title();

    @Message("All projects")
    String all_title();

    @Message("All projects with status and readiness")
    String all_caption();
}
