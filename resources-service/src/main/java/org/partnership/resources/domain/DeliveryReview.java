package org.partnership.resources.domain;

/**
 * The recipient side's verdict on a delivery. UNREVIEWED counts as delivered (provisionally) until reviewed or
 * confirmed automatically; CONFIRMED counts and is final; DISPUTED does not count until resolved: confirmed later, or
 * corrected by the contributor (the disputed entry then names its correction and never counts again).
 */
public enum DeliveryReview {
    UNREVIEWED, CONFIRMED, DISPUTED
}
