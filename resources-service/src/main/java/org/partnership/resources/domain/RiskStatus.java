package org.partnership.resources.domain;

/** A risk is OPEN until mitigated, materialised or closed; CLOSED is final. */
public enum RiskStatus {
    OPEN, MITIGATED, MATERIALISED, CLOSED
}
