package org.partnership.resources.domain;

/** Risk categories after public–private partnership risk matrices. */
public enum RiskCategory {
    DEMAND, FINANCIAL, OPERATIONAL, DELIVERY, REGULATORY, REPUTATIONAL, SAFEGUARDING, DATA_PROTECTION, FORCE_MAJEURE
}
