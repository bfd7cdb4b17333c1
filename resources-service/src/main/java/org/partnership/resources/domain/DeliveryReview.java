package org.partnership.resources.domain;

/** The project lead's verdict on a delivery, recorded once. */
public enum DeliveryReview {
    UNREVIEWED, CONFIRMED, DISPUTED
}
