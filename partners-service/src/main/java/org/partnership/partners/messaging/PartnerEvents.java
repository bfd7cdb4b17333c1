package org.partnership.partners.messaging;

import org.partnership.partners.domain.StatusChange;

/**
 * The CloudEvents types this service publishes on {@code partners.v1}, one literal each (grep a type to find its
 * producer and consumers), and the aggregate name. Each service keeps the types it publishes and consumes in its own
 * {@code messaging/*Events} class.
 */
public final class PartnerEvents {

    public static final String PARTNER_REGISTERED = "partnership.partner.registered.v1";
    public static final String PARTNER_UPDATED = "partnership.partner.updated.v1";
    public static final String PARTNER_VERIFIED = "partnership.partner.verified.v1";
    public static final String PARTNER_SUSPENDED = "partnership.partner.suspended.v1";
    public static final String PARTNER_REINSTATED = "partnership.partner.reinstated.v1";
    public static final String PARTNER_ARCHIVED = "partnership.partner.archived.v1";
    public static final String MEMBER_ADDED = "partnership.partner.member-added.v1";
    public static final String MEMBER_REMOVED = "partnership.partner.member-removed.v1";

    public static final String PARTNER = "partner";

    private PartnerEvents() {
    }

    /** The event an administrator's status change publishes. */
    public static String of(StatusChange change) {
        return switch (change) {
            case VERIFY -> PARTNER_VERIFIED;
            case SUSPEND -> PARTNER_SUSPENDED;
            case REINSTATE -> PARTNER_REINSTATED;
            case ARCHIVE -> PARTNER_ARCHIVED;
        };
    }
}
