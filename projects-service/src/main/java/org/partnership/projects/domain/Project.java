package org.partnership.projects.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A joint project and its participants (the aggregate). Every change goes through an intention-revealing method
 * and touches {@code updatedAt}, so the row version (the ETag, and the {@code version} of the events) moves with
 * every change, participants' included. Who may call which method is decided by the service; what is allowed in
 * which state is decided here.
 */
@Entity
@Table(name = "project")
public class Project {

    @Id
    private UUID id;

    private String title;

    private String purpose;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] dimensions;

    private UUID leadPartnerId;

    @Enumerated(EnumType.STRING)
    private ProjectStatus status;

    private LocalDate plannedStart;

    private LocalDate plannedEnd;

    private int requiredCoveragePercent;

    @Enumerated(EnumType.STRING)
    private GovernanceRule governanceRule;

    private String createdBy;

    private String updatedBy;

    @Version
    private long version;

    private OffsetDateTime createdAt;

    private OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "project", cascade = CascadeType.ALL)
    @OrderBy("invitedAt, id")
    private List<Participant> participants = new ArrayList<>();

    protected Project() {
    }

    /** What the lead plans and may change until the project is closed. */
    public record Plan(String title, String purpose, List<ServiceDomain> dimensions, LocalDate plannedStart,
                       LocalDate plannedEnd, int requiredCoveragePercent, GovernanceRule governanceRule) {

        /** Cross-field rules: a 400 naming the field when broken. */
        public Plan {
            if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
                throw new ProjectValidationException("plannedEnd", "must not be before plannedStart");
            }
            if (requiredCoveragePercent < 0 || requiredCoveragePercent > 100) {
                throw new ProjectValidationException("requiredCoveragePercent", "must be between 0 and 100");
            }
        }
    }

    /** A new DRAFT project led by {@code leadPartnerId}, which is its first (accepted) participant. */
    public static Project create(UUID id, Plan plan, UUID leadPartnerId, String subject) {
        Project project = new Project();
        project.id = id;
        project.leadPartnerId = leadPartnerId;
        project.status = ProjectStatus.DRAFT;
        project.createdBy = subject;
        project.createdAt = now();
        project.apply(plan);
        project.touch(subject, project.createdAt);
        project.participants.add(Participant.lead(project, leadPartnerId, subject, project.createdAt));
        return project;
    }

    public void replan(Plan plan, String subject) {
        requireNotClosed("changed");
        apply(plan);
        touch(subject, now());
    }

    /** Opens, launches, completes or cancels; a launch only with every readiness criterion passed. */
    public void transition(ProjectTransition transition, LaunchReadiness.Readiness readiness, String subject) {
        ProjectStatus target = transition.apply(status);
        if (transition == ProjectTransition.LAUNCH && !readiness.ready()) {
            throw new LaunchNotReadyException(readiness.failing());
        }
        status = target;
        touch(subject, now());
    }

    /** Invites a partner (ACTIVE, as the caller checked against the replica) with a role; not the lead again. */
    public Participant invite(UUID partnerId, ParticipantRole role, String message, String subject) {
        requireNotClosed("joined");
        if (role == ParticipantRole.LEAD) {
            throw new ProjectValidationException("role", "LEAD is the lead partner's role; invite with another role");
        }
        OffsetDateTime now = now();
        Optional<Participant> existing = participant(partnerId);
        Participant participant;
        if (existing.isPresent()) {
            participant = existing.get();
            if (participant.status() == ParticipationStatus.INVITED || participant.status() == ParticipationStatus.ACCEPTED) {
                throw new ProjectConflictException("already-participant", "partner " + partnerId + " is already "
                        + participant.status() + " in this project");
            }
            participant.reinvite(role, message, subject, now);
        } else {
            participant = Participant.invited(this, partnerId, role, message, subject, now);
            participants.add(participant);
        }
        touch(subject, now);
        return participant;
    }

    /**
     * The invited partner's own acceptance, only while the partner is ACTIVE in the registry at that moment
     * ({@code partnerStatus} from the replica, null when unknown): a partner suspended after its invitation cannot join.
     */
    public Participant accept(UUID partnerId, String partnerName, String partnerStatus, String subject) {
        requireOpenInvitation(partnerId, true);
        if (!PartnerReplica.ACTIVE.equals(partnerStatus)) {
            throw new ProjectConflictException("partner-not-active", "partner " + (partnerName == null ? partnerId
                    : partnerName + " (" + partnerId + ")") + " is " + (partnerStatus == null ? "not known to projects-service" : partnerStatus)
                    + "; only an ACTIVE partner accepts an invitation (it may still decline)");
        }
        return respond(partnerId, true, subject);
    }

    /** The invited partner's own refusal; possible whatever the partner's status. */
    public Participant decline(UUID partnerId, String subject) {
        return respond(partnerId, false, subject);
    }

    private Participant requireOpenInvitation(UUID partnerId, boolean accept) {
        requireNotClosed("joined");
        Participant participant = participant(partnerId).orElseThrow(() -> new ProjectNotFoundException("invitation", partnerId));
        if (participant.status() != ParticipationStatus.INVITED) {
            throw new ProjectConflictException("not-invited", "partner " + partnerId + " is " + participant.status()
                    + ", not INVITED: there is no open invitation to " + (accept ? "accept" : "decline"));
        }
        return participant;
    }

    private Participant respond(UUID partnerId, boolean accept, String subject) {
        Participant participant = requireOpenInvitation(partnerId, accept);
        OffsetDateTime now = now();
        participant.respond(accept ? ParticipationStatus.ACCEPTED : ParticipationStatus.DECLINED, subject, now);
        touch(subject, now);
        return participant;
    }

    /** An accepted participant leaves; after launch this is recorded and flags the project. */
    public Participant withdraw(UUID partnerId, String subject) {
        requireNotClosed("left");
        Participant participant = participant(partnerId).orElseThrow(() -> new ProjectNotFoundException("participant", partnerId));
        if (participant.role() == ParticipantRole.LEAD) {
            throw new ProjectConflictException("lead-cannot-withdraw", "the lead partner cannot withdraw; cancel the project instead");
        }
        if (participant.status() != ParticipationStatus.ACCEPTED) {
            throw new ProjectConflictException("not-accepted", "partner " + partnerId + " is " + participant.status()
                    + "; only an ACCEPTED participant can withdraw (an invitation is declined)");
        }
        OffsetDateTime now = now();
        participant.withdraw(subject, now, status == ProjectStatus.ACTIVE);
        touch(subject, now);
        return participant;
    }

    /** The rule changes (directly under LEAD_DECIDES, else through a passed CHANGE_RULE proposal, as the service decides). */
    public void changeRule(GovernanceRule rule, String subject) {
        requireNotClosed("changed");
        if (rule == governanceRule) {
            throw new ProjectConflictException("same-rule", "the project already decides under " + rule);
        }
        governanceRule = rule;
        touch(subject, now());
    }

    /**
     * An accepted participant leaves by the partnership's decision (a passed REMOVE_PARTNER proposal): recorded as a
     * withdrawal, like one of its own; the lead cannot be removed.
     */
    public Participant remove(UUID partnerId, String subject) {
        return withdraw(partnerId, subject);
    }

    /** Indicators and measurements are recorded until the project is closed. */
    public void requireNotClosed(String what) {
        if (status.isClosed()) {
            throw new ProjectConflictException("project-closed", "the project is " + status + " and can no longer be " + what);
        }
    }

    public Optional<Participant> participant(UUID partnerId) {
        return participants.stream().filter(p -> p.partnerId().equals(partnerId)).findFirst();
    }

    public List<Participant> accepted() {
        return participants.stream().filter(Participant::isAccepted).toList();
    }

    /** Whether the partner has any place in the project (lead, invited, accepted, declined or withdrawn). */
    public boolean involves(UUID partnerId) {
        return participant(partnerId).isPresent();
    }

    private void apply(Plan plan) {
        title = plan.title().trim();
        purpose = plan.purpose().trim();
        dimensions = plan.dimensions().stream().distinct().map(Enum::name).toArray(String[]::new); // in the coordinator's order
        plannedStart = plan.plannedStart();
        plannedEnd = plan.plannedEnd();
        requiredCoveragePercent = plan.requiredCoveragePercent();
        governanceRule = plan.governanceRule();
    }

    public Plan plan() {
        return new Plan(title, purpose, dimensions(), plannedStart, plannedEnd, requiredCoveragePercent, governanceRule);
    }

    private void touch(String subject, OffsetDateTime now) {
        updatedBy = subject;
        updatedAt = now;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String purpose() {
        return purpose;
    }

    public List<ServiceDomain> dimensions() {
        return dimensions == null ? List.of() : Arrays.stream(dimensions).map(ServiceDomain::valueOf).toList();
    }

    public UUID leadPartnerId() {
        return leadPartnerId;
    }

    public ProjectStatus status() {
        return status;
    }

    public LocalDate plannedStart() {
        return plannedStart;
    }

    public LocalDate plannedEnd() {
        return plannedEnd;
    }

    public int requiredCoveragePercent() {
        return requiredCoveragePercent;
    }

    public GovernanceRule governanceRule() {
        return governanceRule;
    }

    public String createdBy() {
        return createdBy;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public long version() {
        return version;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public List<Participant> participants() {
        return List.copyOf(participants);
    }
}
