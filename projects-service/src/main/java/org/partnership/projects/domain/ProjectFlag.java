package org.partnership.projects.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Something about a project its people should look at: an accepted participant that is no longer ACTIVE in the
 * partner registry (e.g. suspended), or a participant that withdrew after launch.
 */
public record ProjectFlag(String code, UUID partnerId, String detail) {

    public static final String PARTICIPANT_SUSPENDED = "PARTICIPANT_SUSPENDED";
    public static final String PARTICIPANT_NOT_ACTIVE = "PARTICIPANT_NOT_ACTIVE";
    public static final String PARTICIPANT_WITHDREW_AFTER_LAUNCH = "PARTICIPANT_WITHDREW_AFTER_LAUNCH";

    /** @param statuses each participant's status in the partner replica (absent: unknown) */
    public static List<ProjectFlag> of(Project project, Map<UUID, String> statuses) {
        List<ProjectFlag> flags = new ArrayList<>();
        for (Participant p : project.participants()) {
            String status = statuses.get(p.partnerId());
            if (p.isAccepted() && !"ACTIVE".equals(status)) {
                flags.add("SUSPENDED".equals(status)
                        ? new ProjectFlag(PARTICIPANT_SUSPENDED, p.partnerId(), "an accepted participant is suspended")
                        : new ProjectFlag(PARTICIPANT_NOT_ACTIVE, p.partnerId(), "an accepted participant is "
                                + (status == null ? "unknown to the partner registry" : status)));
            }
            if (p.withdrawnAfterLaunch()) {
                flags.add(new ProjectFlag(PARTICIPANT_WITHDREW_AFTER_LAUNCH, p.partnerId(),
                        "a participant withdrew after launch, on " + p.respondedAt().toLocalDate()));
            }
        }
        return List.copyOf(flags);
    }
}
