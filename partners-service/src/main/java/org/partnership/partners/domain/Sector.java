package org.partnership.partners.domain;

/** Which part of society a partner organisation belongs to. */
public enum Sector {
    PUBLIC, THIRD_SECTOR, MARKET, COMMUNITY
}
