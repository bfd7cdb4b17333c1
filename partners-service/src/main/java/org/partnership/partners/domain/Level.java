package org.partnership.partners.domain;

/** The level of responsibility a partner acts at (vertical integration of a partnership). */
public enum Level {
    LOCAL, REGIONAL, NATIONAL, INTERNATIONAL
}
