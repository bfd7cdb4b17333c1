package org.partnership.projects.domain;

import java.util.Set;

/** Lifecycle of a project: {@code DRAFT → OPEN → ACTIVE → COMPLETED}, or {@code CANCELLED} from any open state. */
public enum ProjectStatus {
    DRAFT, OPEN, ACTIVE, COMPLETED, CANCELLED;

    /** The statuses this one may change to. */
    public Set<ProjectStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(OPEN, CANCELLED);
            case OPEN -> Set.of(ACTIVE, CANCELLED);
            case ACTIVE -> Set.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> Set.of();
        };
    }

    public boolean canBecome(ProjectStatus target) {
        return next().contains(target);
    }

    /** Completed and cancelled projects are closed: nothing about them changes any more. */
    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }
}
