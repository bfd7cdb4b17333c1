package org.partnership.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The console's own text, English (Italian in messages/msg_it.properties): {msg:key} in the templates. */
@MessageBundle
public interface Msg {

    @Message("Accept")
    String accept();

    @Message("{pct} % allocated")
    String allocation_allocated(String pct);

    @Message("Shares of the accepted participants (must sum to 100 %)")
    String allocation_legend();

    @Message("Save allocation")
    String allocation_save();

    @Message("Sum: {total} %")
    String allocation_sum(String total);

    @Message("Sum: not a number")
    String allocation_sum_invalid();

    @Message("Any")
    String any();

    @Message("Partnership console")
    String app_name();

    @Message("Contributions across projects")
    String contributions_caption();

    @Message("No contributions yet.")
    String contributions_none();

    @Message("Contributions per partner")
    String dashboard_contributions();

    @Message("Coverage of needs")
    String dashboard_coverage();

    @Message("Risk heat map")
    String dashboard_heatmap();

    @Message("Indicators")
    String dashboard_indicators();

    @Message("Overdue")
    String dashboard_overdue();

    @Message("Part of the dashboard is unavailable right now; what is shown is up to date.")
    String dashboard_partial();

    @Message("Partially delivered")
    String dashboard_partial_delivered();

    @Message("Dashboard")
    String dashboard_title();

    @Message("Decline")
    String decline();

    @Message("Record delivery")
    String deliver();

    @Message("Quantity delivered")
    String deliver_quantity();

    @Message("Delivered")
    String delivered();

    @Message("Download CSV")
    String download_csv();

    @Message("due")
    String due();

    @Message("Back to the start page")
    String failure_back();

    @Message("This form could not be accepted: it was older than your session, or sent from another site. Nothing was changed. Go back, reload the page and send it again.")
    String failure_expired();

    @Message("This page does not exist, or you may not see it.")
    String failure_not_found();

    @Message("Something went wrong on our side. Please try again.")
    String failure_other();

    @Message("We could not show this page")
    String failure_title();

    @Message("A service of the platform is slow or unavailable right now. Nothing was lost: please try again in a minute.")
    String failure_unavailable();

    @Message("Filter")
    String filter();

    @Message("Invite partners")
    String fix_invite();

    @Message("Declare or cover needs")
    String fix_needs();

    @Message("Review participants")
    String fix_participants();

    @Message("Allocate risks")
    String fix_risks();

    @Message("Partnership platform · demo realm: demo accounts only")
    String footer();

    @Message("Fulfilment ratio")
    String fulfilment_ratio();

    @Message("Rows: likelihood 5 (top) to 1; columns: impact 1 (left) to 5. Each cell shows the number of open risks.")
    String heatmap_axes();

    @Message("Open risks by likelihood and impact")
    String heatmap_desc();

    @Message("What you can do")
    String home_next();

    @Message("Welcome")
    String home_title();

    @Message("Invited by {lead}")
    String invitation_from(String lead);

    @Message("Look at the project")
    String invitation_look();

    @Message("No invitations are waiting.")
    String invitations_none();

    @Message("Invite")
    String invite();

    @Message("Message")
    String invite_message();

    @Message("Next page")
    String list_next();

    @Message("Signed in as")
    String me_heading();

    @Message("none yet")
    String me_no_organisation();

    @Message("Organisation")
    String me_organisation();

    @Message("Roles")
    String me_roles();

    @Message("User")
    String me_username();

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

    @Message("Coverage")
    String need_coverage();

    @Message("Declare a need")
    String need_declare();

    @Message("Description")
    String need_description();

    @Message("Dimension")
    String need_dimension();

    @Message("Quantity")
    String need_quantity();

    @Message("Type")
    String need_type();

    @Message("Unit")
    String need_unit();

    @Message("No needs declared yet.")
    String needs_none();

    @Message("Needs")
    String needs_title();

    @Message("None.")
    String none();

    @Message("Contact e-mail")
    String org_contact_email();

    @Message("Country (ISO code, e.g. IT)")
    String org_country();

    @Message("Legal form")
    String org_legal_form();

    @Message("Name")
    String org_name();

    @Message("Registered: an administrator verifies the organisation before it can take part.")
    String org_pending();

    @Message("Register my organisation")
    String org_register();

    @Message("Registration number")
    String org_registration_number();

    @Message("overdue")
    String overdue();

    @Message("Overdue items")
    String overdue_count();

    @Message("Overdue only")
    String overdue_only();

    @Message("Role")
    String participant_role();

    @Message("Status")
    String participant_status();

    @Message("Participants")
    String participants_title();

    @Message("Capability")
    String partner_capability();

    @Message("Service domains")
    String partner_domain();

    @Message("Level")
    String partner_level();

    @Message("Organisation")
    String partner_name();

    @Message("Sector")
    String partner_sector();

    @Message("Find and invite partners")
    String partners_find();

    @Message("No organisations found.")
    String partners_none();

    @Message("Organisations")
    String partners_results();

    @Message("Currency")
    String pledge_currency();

    @Message("Due date")
    String pledge_due();

    @Message("Pledge for this need")
    String pledge_for_need();

    @Message("Need it covers")
    String pledge_need();

    @Message("Pledge")
    String pledge_submit();

    @Message("Pledge a contribution")
    String pledge_title();

    @Message("Valuation")
    String pledge_valuation();

    @Message("Pledged")
    String pledged();

    @Message("Create a project")
    String project_create();

    @Message("Create project")
    String project_create_submit();

    @Message("Dimensions")
    String project_dimensions();

    @Message("Governance rule")
    String project_governance();

    @Message("Launch the project")
    String project_launch();

    @Message("Open for partners")
    String project_open();

    @Message("Planned end")
    String project_planned_end();

    @Message("Planned start")
    String project_planned_start();

    @Message("Purpose")
    String project_purpose();

    @Message("Readiness")
    String project_readiness();

    @Message("Required coverage (%)")
    String project_required_coverage();

    @Message("Status")
    String project_status();

    @Message("Project")
    String project_title();

    @Message("My projects with status and readiness")
    String projects_caption();

    @Message("No projects yet.")
    String projects_none();

    @Message("My projects")
    String projects_title();

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

    @Message("Reason")
    String reason();

    @Message("Reinstate")
    String reinstate();

    @Message("Visible to the project's accepted participants only.")
    String restricted();

    @Message("Category")
    String risk_category();

    @Message("Risk exposure")
    String risk_exposure();

    @Message("Impact (1-5)")
    String risk_impact();

    @Message("Likelihood (1-5)")
    String risk_likelihood();

    @Message("Mitigation")
    String risk_mitigation();

    @Message("Register a risk")
    String risk_register();

    @Message("likelihood {l} × impact {i} = {s}")
    String risk_score(Object l, Object i, Object s);

    @Message("Title")
    String risk_title();

    @Message("No risks registered yet.")
    String risks_none();

    @Message("Risks")
    String risks_title();

    @Message("Search")
    String search();

    @Message("Sign out")
    String sign_out();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Someone else changed this risk meanwhile. Your shares are kept below: check them and save again.")
    String stale_allocation();

    @Message("Suspend")
    String suspend();

    @Message("Italiano")
    String switch_language();

    @Message("Verify")
    String verify();

    @Message("Yes")
    String yes();

    @Message("You are signed out")
    String signed_out_title();

    @Message("Sign in")
    String sign_in();
}
