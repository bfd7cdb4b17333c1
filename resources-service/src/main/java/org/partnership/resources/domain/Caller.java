package org.partnership.resources.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: the token subject, realm roles, and the partner they represent (claim {@code partner_id}).
 * Auditors and administrators read everything and change nothing here.
 */
public record Caller(String subject, String username, Set<String> roles, Optional<UUID> partnerId) {

    /** Auditors (and administrators) read every project's ledger. */
    public boolean readsEverything() {
        return roles.contains("auditor") || roles.contains("admin");
    }

    public boolean represents(UUID partner) {
        return partnerId.filter(partner::equals).isPresent();
    }

    /** The lead's representatives manage the project's needs, allocations and reviews. */
    public boolean leads(ProjectReplica project) {
        return partnerId.filter(project::isLedBy).isPresent();
    }

    /** Representatives of an accepted participant (the lead included). */
    public boolean participatesIn(ProjectReplica project) {
        return partnerId.filter(project::hasAccepted).isPresent();
    }

    /** Whether the caller may see the project's needs, risks and totals at all. */
    public boolean sees(ProjectReplica project) {
        return readsEverything() || participatesIn(project) || leads(project);
    }

    /** Whether the caller may see this contribution: its own partner's, the project lead, auditors. */
    public boolean sees(Contribution contribution, ProjectReplica project) {
        return readsEverything() || represents(contribution.partnerId()) || (project != null && leads(project));
    }

    public UUID requirePartner() {
        return partnerId.orElseThrow(() -> new ResourceAccessDeniedException(
                "your token names no partner (claim partner_id): only partner representatives do this"));
    }

    /**
     * Who reviews a delivery: the recipient side, i.e. representatives of the project's lead partner (needs are
     * declared by the lead, so the lead is also the partner that owns any need a contribution covers). The contributor
     * never reviews its own delivery, not even when it is the lead: such deliveries are confirmed automatically.
     */
    public void requireRecipient(Contribution contribution, ProjectReplica project) {
        if (represents(contribution.partnerId())) {
            throw new ResourceAccessDeniedException("the contributing partner cannot confirm or dispute its own delivery; "
                    + "the recipient side (the project's lead) reviews it, or it is confirmed automatically");
        }
        requireLead(project, "confirm or dispute deliveries");
    }

    public void requireLead(ProjectReplica project, String action) {
        if (!leads(project)) {
            throw new ResourceAccessDeniedException("only representatives of the project's lead partner " + action);
        }
    }
}
