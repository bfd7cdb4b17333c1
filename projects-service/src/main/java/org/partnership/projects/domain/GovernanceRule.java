package org.partnership.projects.domain;

/**
 * How a project decides: the lead alone, or the participants by vote (issue #21). The rules themselves are in
 * {@link Governance}; the exact definitions in the module's README ("Co-governance").
 */
public enum GovernanceRule {
    LEAD_DECIDES, MAJORITY, CONSENSUS, CROSS_SECTOR_MAJORITY
}
