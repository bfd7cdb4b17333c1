package org.partnership.projects.domain;

/** The lead's lifecycle actions, each with the status it reaches. */
public enum ProjectTransition {
    OPEN(ProjectStatus.OPEN),
    LAUNCH(ProjectStatus.ACTIVE),
    COMPLETE(ProjectStatus.COMPLETED),
    CANCEL(ProjectStatus.CANCELLED);

    private final ProjectStatus target;

    ProjectTransition(ProjectStatus target) {
        this.target = target;
    }

    /** The status after the transition; a 409 naming the current status when it is not allowed from it. */
    public ProjectStatus apply(ProjectStatus current) {
        if (!current.canBecome(target)) {
            throw new ProjectConflictException("illegal-transition", "cannot " + name().toLowerCase() + " a project that is "
                    + current + " (allowed from " + allowedFrom() + ")");
        }
        return target;
    }

    private String allowedFrom() {
        StringBuilder from = new StringBuilder();
        for (ProjectStatus s : ProjectStatus.values()) {
            if (s.canBecome(target)) {
                from.append(from.isEmpty() ? "" : " or ").append(s);
            }
        }
        return from.toString();
    }

    public ProjectStatus target() {
        return target;
    }
}
