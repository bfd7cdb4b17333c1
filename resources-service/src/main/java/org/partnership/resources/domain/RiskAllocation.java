package org.partnership.resources.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;
import java.util.UUID;

/** The share of a risk (percent) an accepted participant carries. */
@Embeddable
public class RiskAllocation {

    private UUID partnerId;

    @Column(precision = 5, scale = 2)
    private BigDecimal sharePercent;

    protected RiskAllocation() {
    }

    public RiskAllocation(UUID partnerId, BigDecimal sharePercent) {
        this.partnerId = partnerId;
        this.sharePercent = sharePercent;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public BigDecimal sharePercent() {
        return sharePercent;
    }
}
