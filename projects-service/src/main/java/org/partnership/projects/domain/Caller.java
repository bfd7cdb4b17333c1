package org.partnership.projects.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: the token subject, realm roles and the partner they represent (the {@code partner_id} claim).
 * Nothing else about the organisation (e.g. its sector) comes from the token.
 */
public record Caller(String subject, String username, Set<String> roles, Optional<UUID> partnerId) {

    public boolean isCoordinator() {
        return roles.contains("coordinator");
    }

    public boolean isAuditor() {
        return roles.contains("auditor");
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    /** Auditors (and administrators) read every project; auditors change nothing. */
    public boolean readsEverything() {
        return isAuditor() || isAdmin();
    }

    public boolean isMemberOf(UUID partner) {
        return partnerId.filter(partner::equals).isPresent();
    }

    /** Members of the lead partner manage the project. */
    public boolean manages(Project project) {
        return isMemberOf(project.leadPartnerId());
    }

    /** The caller's partner has a place in the project (lead, invited, accepted, declined or withdrawn). */
    public boolean participatesIn(Project project) {
        return partnerId.map(project::involves).orElse(false);
    }

    /** Participants, auditors and administrators see everything about a project. */
    public boolean seesAllOf(Project project) {
        return readsEverything() || participatesIn(project);
    }

    /** Everyone else sees only OPEN projects, and only their public summary. */
    public boolean seesSummaryOf(Project project) {
        return seesAllOf(project) || project.status() == ProjectStatus.OPEN;
    }

    public void requireManagerOf(Project project) {
        if (!manages(project)) {
            throw new ProjectAccessDeniedException(isAuditor() ? "auditors read; they change nothing"
                    : "only members of the lead partner manage this project");
        }
    }
}
