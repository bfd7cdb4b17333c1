package org.partnership.resources.domain;

/** PLEDGED → PARTIALLY_DELIVERED → FULFILLED, or WITHDRAWN (the undelivered remainder taken back). */
public enum ContributionStatus {
    PLEDGED, PARTIALLY_DELIVERED, FULFILLED, WITHDRAWN;

    /** Still expected to deliver something. */
    public boolean isOpen() {
        return this == PLEDGED || this == PARTIALLY_DELIVERED;
    }
}
