package org.partnership.resources.domain;

/**
 * PLEDGED → PARTIALLY_DELIVERED → DELIVERED → FULFILLED, or WITHDRAWN (the undelivered remainder taken back).
 * DELIVERED: everything pledged is recorded as delivered, but not all of it is confirmed yet (unreviewed or disputed).
 * FULFILLED: confirmed ≥ pledged.
 */
public enum ContributionStatus {
    PLEDGED, PARTIALLY_DELIVERED, DELIVERED, FULFILLED, WITHDRAWN;

    /** Still expected to deliver something. */
    public boolean isOpen() {
        return this == PLEDGED || this == PARTIALLY_DELIVERED;
    }
}
