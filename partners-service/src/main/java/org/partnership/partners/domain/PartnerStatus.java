package org.partnership.partners.domain;

import java.util.Set;

/**
 * Lifecycle of a partner organisation: {@code PENDING_VERIFICATION → ACTIVE ↔ SUSPENDED → ARCHIVED}. Only
 * administrators move a partner along it.
 */
public enum PartnerStatus {
    PENDING_VERIFICATION, ACTIVE, SUSPENDED, ARCHIVED;

    /** The statuses this one may change to. */
    public Set<PartnerStatus> next() {
        return switch (this) {
            case PENDING_VERIFICATION -> Set.of(ACTIVE, ARCHIVED);
            case ACTIVE -> Set.of(SUSPENDED, ARCHIVED);
            case SUSPENDED -> Set.of(ACTIVE, ARCHIVED);
            case ARCHIVED -> Set.of();
        };
    }

    public boolean canBecome(PartnerStatus target) {
        return next().contains(target);
    }
}
