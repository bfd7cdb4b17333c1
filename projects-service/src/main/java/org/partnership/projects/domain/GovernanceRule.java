package org.partnership.projects.domain;

/**
 * How a project decides. Only {@link #LEAD_DECIDES} is available now; the voting rules are part of the model so
 * that launch readiness already asks for an approved launch decision when one of them is chosen.
 */
public enum GovernanceRule {
    LEAD_DECIDES, MAJORITY, CONSENSUS, CROSS_SECTOR_MAJORITY;

    public boolean isAvailable() {
        return this == LEAD_DECIDES;
    }
}
