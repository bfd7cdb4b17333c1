package org.partnership.partners.domain;

/** The administrator's status actions, each with the transition it makes and the event it publishes. */
public enum StatusChange {
    VERIFY(PartnerStatus.PENDING_VERIFICATION, PartnerStatus.ACTIVE, "verified"),
    SUSPEND(PartnerStatus.ACTIVE, PartnerStatus.SUSPENDED, "suspended"),
    REINSTATE(PartnerStatus.SUSPENDED, PartnerStatus.ACTIVE, "reinstated"),
    ARCHIVE(null, PartnerStatus.ARCHIVED, "archived");

    private final PartnerStatus from;
    private final PartnerStatus to;
    private final String verb;

    StatusChange(PartnerStatus from, PartnerStatus to, String verb) {
        this.from = from;
        this.to = to;
        this.verb = verb;
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

    /** The past-tense verb of the event type, e.g. {@code verified}. */
    public String verb() {
        return verb;
    }
}
