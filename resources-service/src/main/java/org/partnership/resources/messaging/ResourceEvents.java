package org.partnership.resources.messaging;

import java.util.List;

/**
 * The CloudEvents types this service publishes on {@code resources.v1} and consumes from {@code partners.v1} and
 * {@code projects.v1}, one literal each (grep a type to find its producer and consumers), and the aggregate names.
 * Each service keeps the types it publishes and consumes in its own {@code messaging/*Events} class.
 */
public final class ResourceEvents {

    public static final String NEED_DECLARED = "partnership.need.declared.v1";
    /** A passed CHANGE_NEED proposal changed the need's quantity, or cancelled it (#21). */
    public static final String NEED_CHANGED = "partnership.need.changed.v1";
    public static final String NEED_CANCELLED = "partnership.need.cancelled.v1";
    public static final String CONTRIBUTION_PLEDGED = "partnership.contribution.pledged.v1";
    public static final String CONTRIBUTION_DELIVERED = "partnership.contribution.delivered.v1";
    public static final String CONTRIBUTION_FULFILLED = "partnership.contribution.fulfilled.v1";
    public static final String CONTRIBUTION_WITHDRAWN = "partnership.contribution.withdrawn.v1";
    public static final String CONTRIBUTION_OVERDUE = "partnership.contribution.overdue.v1";
    /** Keyed by the contribution id: a delivery is part of its contribution's ledger. */
    public static final String DELIVERY_CONFIRMED = "partnership.delivery.confirmed.v1";
    public static final String DELIVERY_DISPUTED = "partnership.delivery.disputed.v1";
    public static final String RISK_REGISTERED = "partnership.risk.registered.v1";
    public static final String RISK_ALLOCATED = "partnership.risk.allocated.v1";
    public static final String RISK_STATUS_CHANGED = "partnership.risk.status-changed.v1";
    /** Shares of partners that left the project released (issue #19): the lead is asked to reallocate. */
    public static final String RISK_ALLOCATION_RELEASED = "partnership.risk.allocation-released.v1";
    public static final String RESOURCES_SUMMARISED = "partnership.project.resources-summarised.v1";

    public static final String NEED = "need";
    public static final String CONTRIBUTION = "contribution";
    public static final String RISK = "risk";
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

    /** Consumed from projects.v1: every one carries the project's snapshot. */
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
    /** Consumed from projects.v1: a passed CHANGE_NEED is applied here (other proposal types are ignored). */
    public static final String PROPOSAL_DECIDED = "partnership.proposal.decided.v1";
    public static final List<String> PROJECT_SNAPSHOTS = List.of(PROJECT_CREATED, PROJECT_UPDATED, PROJECT_OPENED,
            PROJECT_LAUNCHED, PROJECT_COMPLETED, PROJECT_CANCELLED, PARTICIPANT_INVITED, PARTICIPANT_ACCEPTED,
            PARTICIPANT_DECLINED, PARTICIPANT_WITHDREW);

    private ResourceEvents() {
    }
}
