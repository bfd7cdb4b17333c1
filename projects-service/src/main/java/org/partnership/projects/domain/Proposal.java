package org.partnership.projects.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A decision proposed by a participant and the participants' votes on it (the aggregate; issue #21). Open until the
 * project's rule says its outcome can no longer change, or until its deadline; then PASSED, REJECTED or EXPIRED for
 * good. A passed typed decision records whether it could be applied. Every change moves the row version (the ETag).
 */
@Entity
@Table(name = "proposal")
public class Proposal {

    public static final Duration DEFAULT_DURATION = Duration.ofDays(7);
    public static final Duration MAX_DURATION = Duration.ofDays(90);

    public enum Application {
        APPLIED, NOT_APPLIED, RECORDED
    }

    @Id
    private UUID id;

    private UUID projectId;

    @Enumerated(EnumType.STRING)
    private ProposalType type;

    private String title;

    private String description;

    @Convert(converter = JsonConverters.Payload.class)
    private ProposalPayload payload;

    private String decisionKey;

    @Enumerated(EnumType.STRING)
    private Governance.Outcome status;

    @Enumerated(EnumType.STRING)
    private GovernanceRule rule;

    private OffsetDateTime deadline;

    private String proposedBy;

    private String proposedByName;

    private UUID proposedByPartnerId;

    private OffsetDateTime createdAt;

    private OffsetDateTime closedAt;

    @Convert(converter = JsonConverters.FinalTally.class)
    private Governance.Tally tally;

    private String outcomeReason;

    @Enumerated(EnumType.STRING)
    private Application application;

    private String applicationDetail;

    @Convert(converter = JsonConverters.Criteria.class)
    private List<LaunchReadiness.Criterion> applicationFailing;

    private OffsetDateTime appliedAt;

    @Version
    private long version;

    private OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL)
    @OrderBy("firstVotedAt, id")
    private List<Vote> votes = new ArrayList<>();

    protected Proposal() {
    }

    /**
     * A new OPEN proposal under the project's current rule; {@code deadline} null means {@link #DEFAULT_DURATION} from
     * now; it must be in the future and at most {@link #MAX_DURATION} away (400 naming {@code deadline}).
     */
    public static Proposal open(Project project, ProposalType type, String title, String description, ProposalPayload payload,
            OffsetDateTime deadline, String subject, String username, UUID partnerId, OffsetDateTime now) {
        OffsetDateTime until = deadline == null ? now.plus(DEFAULT_DURATION) : deadline;
        if (!until.isAfter(now)) {
            throw new ProjectValidationException("deadline", "must be in the future");
        }
        if (until.isAfter(now.plus(MAX_DURATION))) {
            throw new ProjectValidationException("deadline", "must be at most " + MAX_DURATION.toDays() + " days away");
        }
        ProposalPayload normal = type.validate(payload);
        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.projectId = project.id();
        p.type = type;
        p.title = title == null || title.isBlank() ? type.defaultTitle() : title.trim();
        p.description = description == null || description.isBlank() ? null : description.trim();
        p.payload = normal;
        p.decisionKey = type.decisionKey(normal);
        p.status = Governance.Outcome.OPEN;
        p.rule = project.governanceRule();
        p.deadline = until;
        p.proposedBy = subject;
        p.proposedByName = username;
        p.proposedByPartnerId = partnerId;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    /** The partner's vote, new or changed; only while open and before the deadline (409 otherwise). */
    public Vote vote(UUID partnerId, Governance.Choice choice, String comment, String subject, String username, OffsetDateTime now) {
        requireOpen(now);
        Optional<Vote> existing = voteOf(partnerId);
        Vote vote;
        if (existing.isPresent()) {
            vote = existing.get();
            vote.change(choice, comment, subject, username, now);
        } else {
            vote = Vote.cast(this, partnerId, choice, comment, subject, username, now);
            votes.add(vote);
        }
        updatedAt = now;
        return vote;
    }

    /** Voids the partner's vote (it left the project); true when there was one to void. */
    public boolean voidVoteOf(UUID partnerId, String reason, OffsetDateTime now) {
        if (status != Governance.Outcome.OPEN) {
            return false;
        }
        Optional<Vote> vote = voteOf(partnerId).filter(v -> !v.isVoid());
        vote.ifPresent(v -> {
            v.voidIt(reason, now);
            updatedAt = now;
        });
        return vote.isPresent();
    }

    /** 409 unless votes are still taken. */
    public void requireOpen(OffsetDateTime now) {
        if (status != Governance.Outcome.OPEN) {
            throw new ProjectConflictException("proposal-closed", "proposal " + id + " is closed (" + status
                    + "); its votes can no longer change");
        }
        if (!now.isBefore(deadline)) {
            throw new ProjectConflictException("proposal-closed", "proposal " + id + " reached its deadline " + deadline
                    + "; its votes can no longer change");
        }
    }

    /** Closes with the rule's final result under {@code under}. */
    public void close(Governance.Result result, GovernanceRule under, OffsetDateTime now) {
        if (!result.closed()) {
            throw new IllegalStateException("the outcome of proposal " + id + " can still change");
        }
        status = result.outcome();
        rule = under;
        tally = result.tally();
        outcomeReason = result.reason();
        closedAt = now;
        updatedAt = now;
    }

    /** What became of a passed decision. */
    public void applied(Application how, String detail, List<LaunchReadiness.Criterion> failing, OffsetDateTime now) {
        application = how;
        applicationDetail = detail;
        applicationFailing = failing == null || failing.isEmpty() ? null : List.copyOf(failing);
        appliedAt = how == Application.NOT_APPLIED ? null : now;
        updatedAt = now;
    }

    /** The counted votes: every partner's vote that is not void. */
    public Map<UUID, Governance.Choice> ballot() {
        Map<UUID, Governance.Choice> ballot = new HashMap<>();
        votes.stream().filter(v -> !v.isVoid()).forEach(v -> ballot.put(v.partnerId(), v.choice()));
        return ballot;
    }

    public Optional<Vote> voteOf(UUID partnerId) {
        return votes.stream().filter(v -> v.partnerId().equals(partnerId)).findFirst();
    }

    public boolean isOpen() {
        return status == Governance.Outcome.OPEN;
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public ProposalType type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public ProposalPayload payload() {
        return payload;
    }

    public Governance.Outcome status() {
        return status;
    }

    public GovernanceRule rule() {
        return rule;
    }

    public OffsetDateTime deadline() {
        return deadline;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public String proposedByName() {
        return proposedByName;
    }

    public UUID proposedByPartnerId() {
        return proposedByPartnerId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }

    public Governance.Tally tally() {
        return tally;
    }

    public String outcomeReason() {
        return outcomeReason;
    }

    public Application application() {
        return application;
    }

    public String applicationDetail() {
        return applicationDetail;
    }

    public List<LaunchReadiness.Criterion> applicationFailing() {
        return applicationFailing == null ? List.of() : applicationFailing;
    }

    public OffsetDateTime appliedAt() {
        return appliedAt;
    }

    public long version() {
        return version;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public List<Vote> votes() {
        return List.copyOf(votes);
    }
}
