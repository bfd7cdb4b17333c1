package org.partnership.partners.domain;

/** The administrator's status actions, each with the transition it makes. */
public enum StatusChange {
    VERIFY(PartnerStatus.PENDING_VERIFICATION, PartnerStatus.ACTIVE),
    SUSPEND(PartnerStatus.ACTIVE, PartnerStatus.SUSPENDED),
    REINSTATE(PartnerStatus.SUSPENDED, PartnerStatus.ACTIVE),
    ARCHIVE(null, PartnerStatus.ARCHIVED);

    private final PartnerStatus from;
    private final PartnerStatus to;

    StatusChange(PartnerStatus from, PartnerStatus to) {
        this.from = from;
        this.to = to;
    }

    /** The status after the change; fails with the current status when the change is not allowed from it. */
    public PartnerStatus apply(PartnerStatus current) {
        boolean allowed = from == null ? current.canBecome(to) : current == from;
        if (!allowed) {
            throw new PartnerConflictException("illegal-transition", "cannot " + name().toLowerCase()
                    + " a partner that is " + current + " (allowed from " + (from == null ? "any status but ARCHIVED" : from) + ")");
        }
        return to;
    }

    public PartnerStatus target() {
        return to;
    }
}
