package org.partnership.projects.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A partner's place in a project: invited with a role, then accepted or declined by the partner's own
 * representatives; an accepted participant may withdraw. Changed only through {@link Project}.
 */
@Entity
@Table(name = "participant")
public class Participant {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id")
    private Project project;

    private UUID partnerId;

    @Enumerated(EnumType.STRING)
    private ParticipantRole role;

    @Enumerated(EnumType.STRING)
    private ParticipationStatus status;

    private String message;

    private String invitedBy;

    private OffsetDateTime invitedAt;

    private String respondedBy;

    private OffsetDateTime respondedAt;

    private boolean withdrawnAfterLaunch;

    protected Participant() {
    }

    static Participant lead(Project project, UUID partnerId, String subject, OffsetDateTime now) {
        Participant p = invited(project, partnerId, ParticipantRole.LEAD, null, subject, now);
        p.respond(ParticipationStatus.ACCEPTED, subject, now);
        return p;
    }

    static Participant invited(Project project, UUID partnerId, ParticipantRole role, String message, String subject,
            OffsetDateTime now) {
        Participant p = new Participant();
        p.id = UUID.randomUUID();
        p.project = project;
        p.partnerId = partnerId;
        p.role = role;
        p.status = ParticipationStatus.INVITED;
        p.message = message;
        p.invitedBy = subject;
        p.invitedAt = now;
        return p;
    }

    /** Invites again a partner that declined or withdrew earlier. */
    void reinvite(ParticipantRole newRole, String newMessage, String subject, OffsetDateTime now) {
        role = newRole;
        status = ParticipationStatus.INVITED;
        message = newMessage;
        invitedBy = subject;
        invitedAt = now;
        respondedBy = null;
        respondedAt = null;
        withdrawnAfterLaunch = false;
    }

    void respond(ParticipationStatus answer, String subject, OffsetDateTime now) {
        status = answer;
        respondedBy = subject;
        respondedAt = now;
    }

    void withdraw(String subject, OffsetDateTime now, boolean afterLaunch) {
        respond(ParticipationStatus.WITHDRAWN, subject, now);
        withdrawnAfterLaunch = afterLaunch;
    }

    public boolean isAccepted() {
        return status == ParticipationStatus.ACCEPTED;
    }

    public UUID id() {
        return id;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public ParticipantRole role() {
        return role;
    }

    public ParticipationStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    public String invitedBy() {
        return invitedBy;
    }

    public OffsetDateTime invitedAt() {
        return invitedAt;
    }

    public String respondedBy() {
        return respondedBy;
    }

    public OffsetDateTime respondedAt() {
        return respondedAt;
    }

    public boolean withdrawnAfterLaunch() {
        return withdrawnAfterLaunch;
    }

    public Project project() {
        return project;
    }
}
