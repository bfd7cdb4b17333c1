package org.partnership.projects.domain;

/** An invitation's answer: {@code INVITED → ACCEPTED/DECLINED}, and an accepted participant may withdraw. */
public enum ParticipationStatus {
    INVITED, ACCEPTED, DECLINED, WITHDRAWN
}
