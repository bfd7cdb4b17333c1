package org.partnership.projects.domain;

/** What a partner does in a project. {@code LEAD} is the coordinator's organisation; the others are invited. */
public enum ParticipantRole {
    LEAD, CO_PRODUCER, FUNDER, SERVICE_PROVIDER, ADVISOR
}
