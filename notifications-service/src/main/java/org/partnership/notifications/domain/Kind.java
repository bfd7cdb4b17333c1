package org.partnership.notifications.domain;

/** What a notification is about; preferences are set per kind. */
public enum Kind {
    /** The partner was invited into a project (its members). */
    INVITED,
    /** An invited partner accepted or declined (the lead's members). */
    INVITATION_ANSWERED,
    /** A partner pledged a contribution to the project (the lead's members). */
    PLEDGE_RECEIVED,
    /** A delivery was recorded against a pledge and waits for review (the lead's members). */
    DELIVERY_RECORDED,
    /** A pledge is past its due date (the contributor's members and the lead's). */
    PLEDGE_OVERDUE,
    /** An administrator verified the partner (its members). */
    PARTNER_VERIFIED,
    /** An administrator suspended the partner (its members). */
    PARTNER_SUSPENDED,
    /** A share of a risk was allocated to the partner (its members). */
    RISK_ALLOCATED,
    /** A participant proposed a decision to vote on (the other participants' members). */
    PROPOSAL_OPENED,
    /** An open proposal's deadline is near (the members of participants that have not voted). */
    PROPOSAL_EXPIRING,
    /** A proposal passed, was rejected or expired (the participants' members). */
    PROPOSAL_DECIDED
}
