package org.partnership.resources.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A risk of a project: likelihood × impact = score, an owner, a status with history, and shares allocated to
 * accepted participants that sum to exactly 100 — the party best able to manage it carries it. A partner that leaves
 * the project no longer carries it: its shares are released ({@link #releaseDeparted}) until the lead reallocates.
 */
@Entity
@Table(name = "risk")
public class Risk {

    public static final BigDecimal FULL = BigDecimal.valueOf(100);

    @Id
    private UUID id;

    private UUID projectId;

    @Enumerated(EnumType.STRING)
    private RiskCategory category;

    private String title;

    private String description;

    private int likelihood;

    private int impact;

    private String mitigation;

    private UUID ownerPartnerId;

    @Enumerated(EnumType.STRING)
    private RiskStatus status;

    private String proposedBy;

    private OffsetDateTime createdAt;

    private OffsetDateTime updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "risk_allocation", joinColumns = @JoinColumn(name = "risk_id"))
    private List<RiskAllocation> allocations = new ArrayList<>();

    /** The released shares not yet reallocated; kept in their own table, attached by the repository when it loads a risk. */
    @Transient
    private List<RiskAllocationRelease> openReleases = new ArrayList<>();

    protected Risk() {
    }

    /** What a participant proposes. */
    public record Proposal(RiskCategory category, String title, String description, int likelihood, int impact,
                           String mitigation, UUID ownerPartnerId) {
    }

    /** Any accepted participant proposes a risk; its owner must be an accepted participant too. */
    public static Risk propose(UUID id, ProjectReplica project, Proposal proposal, String subject, OffsetDateTime now) {
        if (!project.hasAccepted(proposal.ownerPartnerId())) {
            throw new InvalidResourceException("ownerPartnerId", "partner " + proposal.ownerPartnerId()
                    + " is not an accepted participant of the project");
        }
        Risk risk = new Risk();
        risk.id = id;
        risk.projectId = project.id();
        risk.category = proposal.category();
        risk.title = proposal.title().trim();
        risk.description = proposal.description();
        risk.likelihood = proposal.likelihood();
        risk.impact = proposal.impact();
        risk.mitigation = proposal.mitigation();
        risk.ownerPartnerId = proposal.ownerPartnerId();
        risk.status = RiskStatus.OPEN;
        risk.proposedBy = subject;
        risk.createdAt = now;
        risk.updatedAt = now;
        return risk;
    }

    /** The first history entry. */
    public RiskStatusChange opened(String subject) {
        return new RiskStatusChange(id, null, RiskStatus.OPEN, "proposed", subject, createdAt);
    }

    /**
     * Replaces the allocation: every partner an accepted participant, at most once, and the shares summing to
     * exactly 100 (otherwise a 400 naming the sum).
     */
    public void allocate(ProjectReplica project, List<RiskAllocation> shares, OffsetDateTime now) {
        if (status == RiskStatus.CLOSED) {
            throw new ResourceConflictException("risk-closed", "risk " + id + " is CLOSED: its allocation is final");
        }
        Set<UUID> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            RiskAllocation share = shares.get(i);
            if (!seen.add(share.partnerId())) {
                throw new InvalidResourceException("[" + i + "].partnerId", "partner " + share.partnerId() + " is listed twice");
            }
            if (!project.hasAccepted(share.partnerId())) {
                throw new InvalidResourceException("[" + i + "].partnerId", "partner " + share.partnerId()
                        + " is not an accepted participant of the project");
            }
            sum = sum.add(share.sharePercent());
        }
        if (sum.compareTo(FULL) != 0) {
            throw new InvalidResourceException("sharePercent", "the shares sum to " + Decimals.format(sum)
                    + "; they must sum to exactly 100");
        }
        allocations.clear();
        allocations.addAll(shares);
        openReleases.forEach(release -> release.reallocated(now));
        openReleases.clear();
        updatedAt = now;
    }

    /**
     * Releases the shares of partners that are no longer accepted participants of the project (they withdrew or were
     * removed): they stop counting toward 100 % and are returned as open releases, kept with who, when and why, until
     * the lead allocates the risk again. A CLOSED risk's allocation is final and keeps them.
     */
    public List<RiskAllocationRelease> releaseDeparted(ProjectReplica project, RiskAllocationRelease.Departure departure,
            OffsetDateTime now) {
        if (status == RiskStatus.CLOSED) {
            return List.of();
        }
        List<RiskAllocationRelease> released = new ArrayList<>();
        for (RiskAllocation share : List.copyOf(allocations)) {
            if (!project.hasAccepted(share.partnerId())) {
                released.add(new RiskAllocationRelease(id, share, departure, now));
                allocations.remove(share);
            }
        }
        if (!released.isEmpty()) {
            openReleases.addAll(released);
            updatedAt = now;
        }
        return List.copyOf(released);
    }

    /** Shares released because their partner left, not yet reallocated by the lead: the lead is asked to reallocate. */
    public List<RiskAllocationRelease> openReleases() {
        return List.copyOf(openReleases);
    }

    /** Whether the lead must reallocate: shares were released and the risk is not CLOSED. */
    public boolean needsReallocation() {
        return status != RiskStatus.CLOSED && !openReleases.isEmpty();
    }

    /** Attaches the open releases loaded from their table (repository only). */
    public void attachOpenReleases(List<RiskAllocationRelease> releases) {
        openReleases = new ArrayList<>(releases.stream().filter(RiskAllocationRelease::isOpen).toList());
    }

    /** Moves to another status (CLOSED is final) and returns the history entry. */
    public RiskStatusChange changeStatus(RiskStatus to, String note, String subject, OffsetDateTime now) {
        if (status == RiskStatus.CLOSED) {
            throw new ResourceConflictException("risk-closed", "risk " + id + " is CLOSED");
        }
        if (status == to) {
            throw new ResourceConflictException("same-status", "risk " + id + " is already " + to);
        }
        RiskStatusChange change = new RiskStatusChange(id, status, to, note, subject, now);
        status = to;
        updatedAt = now;
        return change;
    }

    public int score() {
        return score(likelihood, impact);
    }

    /** A risk's score: likelihood × impact, 1 to 25. */
    public static int score(int likelihood, int impact) {
        return likelihood * impact;
    }

    /**
     * What carrying a share of a risk weighs: score × share / 100. A partner's risk exposure is the sum over its
     * shares of the risks not CLOSED.
     */
    public static BigDecimal exposure(int score, BigDecimal sharePercent) {
        return sharePercent.multiply(BigDecimal.valueOf(score)).movePointLeft(2);
    }

    public BigDecimal allocatedPercent() {
        return allocations.stream().map(RiskAllocation::sharePercent).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public RiskCategory category() {
        return category;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public int likelihood() {
        return likelihood;
    }

    public int impact() {
        return impact;
    }

    public String mitigation() {
        return mitigation;
    }

    public UUID ownerPartnerId() {
        return ownerPartnerId;
    }

    public RiskStatus status() {
        return status;
    }

    public List<RiskAllocation> allocations() {
        return List.copyOf(allocations);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
