package org.partnership.projects.messaging;

import org.partnership.projects.domain.ProjectTransition;

import java.util.List;

/**
 * The CloudEvents types this service publishes on {@code projects.v1} and consumes from {@code partners.v1} and
 * {@code resources.v1}, one literal each (grep a type to find its producer and consumers), and the aggregate name.
 * Each service keeps the types it publishes and consumes in its own {@code messaging/*Events} class.
 */
public final class ProjectEvents {

    public static final String PROJECT_CREATED = "partnership.project.created.v1";
    public static final String PROJECT_UPDATED = "partnership.project.updated.v1";
    public static final String PROJECT_OPENED = "partnership.project.opened.v1";
    public static final String PROJECT_LAUNCHED = "partnership.project.launched.v1";
    public static final String PROJECT_COMPLETED = "partnership.project.completed.v1";
    public static final String PROJECT_CANCELLED = "partnership.project.cancelled.v1";
    public static final String PARTICIPANT_INVITED = "partnership.participant.invited.v1";
    public static final String PARTICIPANT_ACCEPTED = "partnership.participant.accepted.v1";
    public static final String PARTICIPANT_DECLINED = "partnership.participant.declined.v1";
    public static final String PARTICIPANT_WITHDREW = "partnership.participant.withdrew.v1";
    public static final String INDICATOR_MEASURED = "partnership.indicator.measured.v1";
    /** Co-governance (issue #21): keyed by project id, so a project's decisions and their effects stay in order. */
    public static final String PROPOSAL_OPENED = "partnership.proposal.opened.v1";
    public static final String PROPOSAL_VOTED = "partnership.proposal.voted.v1";
    public static final String PROPOSAL_DECIDED = "partnership.proposal.decided.v1";
    public static final String PROPOSAL_EXPIRED = "partnership.proposal.expired.v1";

    public static final String PROJECT = "project";

    /** Consumed from partners.v1: every one carries the partner's snapshot. */
    public static final String PARTNER_REGISTERED = "partnership.partner.registered.v1";
    public static final String PARTNER_UPDATED = "partnership.partner.updated.v1";
    public static final String PARTNER_VERIFIED = "partnership.partner.verified.v1";
    public static final String PARTNER_SUSPENDED = "partnership.partner.suspended.v1";
    public static final String PARTNER_REINSTATED = "partnership.partner.reinstated.v1";
    public static final String PARTNER_ARCHIVED = "partnership.partner.archived.v1";
    public static final List<String> PARTNER_SNAPSHOTS = List.of(PARTNER_REGISTERED, PARTNER_UPDATED, PARTNER_VERIFIED,
            PARTNER_SUSPENDED, PARTNER_REINSTATED, PARTNER_ARCHIVED);

    /** Consumed from resources.v1. */
    public static final String RESOURCES_SUMMARISED = "partnership.project.resources-summarised.v1";

    private ProjectEvents() {
    }

    /** The event a lead's lifecycle action publishes. */
    public static String of(ProjectTransition transition) {
        return switch (transition) {
            case OPEN -> PROJECT_OPENED;
            case LAUNCH -> PROJECT_LAUNCHED;
            case COMPLETE -> PROJECT_COMPLETED;
            case CANCEL -> PROJECT_CANCELLED;
        };
    }
}
