package org.partnership.resources.domain;

/** What a partner brings: money, staff and volunteer time, rooms, equipment, expertise, goods. */
public enum ContributionType {
    FUNDING, STAFF_HOURS, VOLUNTEER_HOURS, FACILITY, EQUIPMENT, EXPERTISE, IN_KIND
}
