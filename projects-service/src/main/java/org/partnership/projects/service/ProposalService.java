package org.partnership.projects.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;
import org.partnership.http.Preconditions;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.domain.Governance;
import org.partnership.projects.domain.Participant;
import org.partnership.projects.domain.ParticipationStatus;
import org.partnership.projects.domain.PartnerReplica;
import org.partnership.projects.domain.Project;
import org.partnership.projects.domain.ProjectAccessDeniedException;
import org.partnership.projects.domain.ProjectConflictException;
import org.partnership.projects.domain.ProjectNotFoundException;
import org.partnership.projects.domain.ProjectStatus;
import org.partnership.projects.domain.Proposal;
import org.partnership.projects.domain.ProposalPayload;
import org.partnership.projects.domain.ProposalType;
import org.partnership.projects.domain.Vote;
import org.partnership.projects.repository.PartnerReplicaRepository;
import org.partnership.projects.repository.ProjectRepository;
import org.partnership.projects.repository.ProposalRepository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Proposals and votes (issue #21): who may propose, vote, read and apply, in one transaction with the effects and their
 * events (outbox). The counting and the effects are {@link Decisions}'; the rules themselves are in the domain's
 * {@code Governance}.
 */
@ApplicationScoped
public class ProposalService {

    private final ProjectRepository projects;
    private final ProposalRepository proposals;
    private final PartnerReplicaRepository partners;
    private final Decisions decisions;
    private final Time time;

    public ProposalService(ProjectRepository projects, ProposalRepository proposals, PartnerReplicaRepository partners,
            Decisions decisions, Time time) {
        this.projects = projects;
        this.proposals = proposals;
        this.partners = partners;
        this.decisions = decisions;
        this.time = time;
    }

    /** What a proposal asks for. */
    public record Draft(ProposalType type, String title, String description, ProposalPayload payload, OffsetDateTime deadline) {
    }

    /** A proposal with its project, the participants' replicas and its count now (the final one once closed). */
    public record Details(Project project, Proposal proposal, Map<UUID, PartnerReplica> partners, Governance.Result result) {
    }

    /** A page of proposals with their projects (and, when counted, their results). */
    public record Listing(List<Details> items) {
    }

    /** An accepted participant's representative proposes a decision. */
    @WithTransaction
    public Uni<Details> create(Caller caller, UUID projectId, Draft draft) {
        return voter(caller, projectId).chain(project -> {
            UUID partner = caller.partnerId().orElseThrow();
            return partners.findById(partner).chain(replica -> {
                requireActive(replica, partner);
                OffsetDateTime now = time.now();
                Proposal proposal = Proposal.open(project, draft.type(), draft.title(), draft.description(), draft.payload(),
                        draft.deadline(), caller.subject(), caller.username(), partner, now);
                applicable(project, proposal);
                String key = proposal.type().decisionKey(proposal.payload());
                Uni<Void> unique = key == null ? Uni.createFrom().voidItem() : proposals.openDecision(project.id(), key)
                        .invoke(existing -> {
                            if (existing != null) {
                                throw new ProjectConflictException("proposal-already-open", "proposal " + existing.id() + " ("
                                        + existing.type() + ", \"" + existing.title() + "\") is already open for this decision until "
                                        + existing.deadline() + "; vote on it instead of opening another");
                            }
                        }).replaceWithVoid();
                return unique.chain(() -> proposals.persist(proposal)).chain(proposals::flush)
                        // two identical proposals at the same instant: both passed the check, the index lets one in
                        .onFailure(ProposalService::sameDecisionOpenedMeanwhile).transform(e -> new ProjectConflictException(
                                "proposal-already-open", "a proposal for this decision was opened at the same moment; "
                                        + "vote on it instead of opening another"))
                        .chain(() -> decisions.opened(project, proposal))
                        .chain(() -> details(project, proposal));
            });
        });
    }

    private static boolean sameDecisionOpenedMeanwhile(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Hibernate Reactive reports the unique violation as Hibernate's ConstraintViolationException
            if (t instanceof ConstraintViolationException violation && (ProposalRepository.ONE_OPEN_DECISION.equals(violation.getConstraintName())
                    || "23505".equals(violation.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Participants, auditors and administrators read a project's proposals. */
    @WithSession
    public Uni<Listing> list(Caller caller, UUID projectId, String status, ProposalRepository.Position after, int limit) {
        return insider(caller, projectId).chain(project -> proposals.page(project.id(), status, after, limit)
                .chain(found -> decisions.replicas(project).map(replicas -> new Listing(found.stream()
                        .map(p -> new Details(project, p, replicas, result(project, p, replicas))).toList()))));
    }

    @WithSession
    public Uni<Details> get(Caller caller, UUID projectId, UUID proposalId) {
        return insider(caller, projectId).chain(project -> proposal(project, proposalId).chain(p -> details(project, p)));
    }

    /**
     * The partner's representative casts or changes its vote, based on the proposal version read (412 when stale);
     * the proposal closes, and a passed decision applies itself, as soon as the outcome can no longer change.
     */
    @WithTransaction
    public Uni<Details> vote(Caller caller, UUID projectId, UUID proposalId, UUID partnerId, long expectedVersion,
            Governance.Choice choice, String comment) {
        return visible(caller, projectId).chain(project -> {
            if (!caller.isMemberOf(partnerId)) {
                throw new ProjectAccessDeniedException(caller.isAuditor() ? "auditors read; they change nothing"
                        : "only representatives of partner " + partnerId + " vote for it");
            }
            requireAccepted(project, partnerId);
            return proposal(project, proposalId).chain(proposal -> partners.findById(partnerId).chain(replica -> {
                OffsetDateTime now = time.now();
                proposal.requireOpen(now);
                Preconditions.check(expectedVersion, proposal.version());
                requireActive(replica, partnerId);
                Vote vote = proposal.vote(partnerId, choice, comment, caller.subject(), caller.username(), now);
                return decisions.voted(project, proposal, vote, caller.subject()).chain(() -> details(project, proposal));
            }));
        });
    }

    /** A passed decision that could not be applied is applied now (no new vote), by an accepted participant's representative. */
    @WithTransaction
    public Uni<Details> apply(Caller caller, UUID projectId, UUID proposalId, Long expectedVersion) {
        return voter(caller, projectId).chain(project -> proposal(project, proposalId).chain(proposal -> {
            if (expectedVersion != null) {
                Preconditions.check(expectedVersion, proposal.version());
            }
            if (proposal.status() != Governance.Outcome.PASSED || proposal.application() != Proposal.Application.NOT_APPLIED) {
                throw new ProjectConflictException("proposal-not-applicable", "proposal " + proposal.id() + " is " + proposal.status()
                        + (proposal.application() == null ? "" : " and " + proposal.application())
                        + "; only a PASSED decision that was NOT_APPLIED can be applied");
            }
            return decisions.apply(project, proposal, caller.subject())
                    .chain(() -> projects.flush())
                    .chain(() -> details(project, proposal));
        }));
    }

    /** OPEN proposals of the caller's partner's projects that it has still to vote on, soonest deadline first. */
    @WithSession
    public Uni<Listing> awaiting(Caller caller, ProposalRepository.Position after, int limit) {
        UUID me = caller.partnerId().orElseThrow(() -> new ProjectAccessDeniedException(
                "your token names no partner (partner_id); partners vote through their representatives"));
        return proposals.awaiting(me, time.now(), after, limit).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(new Listing(List.of()));
            }
            List<UUID> ids = found.stream().map(Proposal::projectId).distinct().toList();
            return projects.list("select distinct p from Project p left join fetch p.participants where p.id in ?1", ids)
                    .chain(loaded -> {
                        Map<UUID, Project> byId = new HashMap<>();
                        Set<UUID> partnerIds = new HashSet<>();
                        loaded.forEach(p -> {
                            byId.put(p.id(), p);
                            p.participants().forEach(x -> partnerIds.add(x.partnerId()));
                        });
                        return partners.byIds(partnerIds).map(replicas -> new Listing(found.stream().map(p -> {
                            Project project = byId.get(p.projectId());
                            return new Details(project, p, replicas, result(project, p, replicas));
                        }).toList()));
                    });
        });
    }

    /**
     * Closes, a batch per transaction, the OPEN proposals whose deadline has come (rows locked with SKIP LOCKED, so
     * several instances never close one twice): PASSED (applied), REJECTED or EXPIRED. Returns how many.
     */
    @WithTransaction
    public Uni<Integer> closeDueBatch(int limit) {
        return proposals.claimDue(time.now(), limit).chain(ids -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (UUID id : ids) {
                chain = chain.chain(done -> proposals.findById(id)
                        .chain(p -> projects.findWithParticipants(p.projectId())
                                .chain(project -> proposals.findWithVotes(project.id(), id)
                                        .chain(proposal -> decisions.settle(project, proposal, Decisions.DEADLINE_JOB))))
                        .replaceWith(done + 1));
            }
            return chain.invoke(n -> Log.debugf("closed %d proposals at their deadline", n));
        });
    }

    // ---------------------------------------------------------------- helpers

    private Uni<Details> details(Project project, Proposal proposal) {
        return decisions.replicas(project).map(replicas -> new Details(project, proposal, replicas, result(project, proposal, replicas)));
    }

    /** An open proposal counted now; a closed one as it was decided. */
    private Governance.Result result(Project project, Proposal proposal, Map<UUID, PartnerReplica> replicas) {
        if (proposal.isOpen()) {
            return decisions.count(project, proposal, replicas, time.now());
        }
        return new Governance.Result(proposal.status(), true, proposal.tally(), proposal.outcomeReason());
    }

    private Uni<Proposal> proposal(Project project, UUID proposalId) {
        return proposals.findWithVotes(project.id(), proposalId).map(p -> {
            if (p == null) {
                throw new ProjectNotFoundException("proposal", proposalId);
            }
            return p;
        });
    }

    /** The project when the caller may see at least its public summary; else 404. */
    private Uni<Project> visible(Caller caller, UUID id) {
        return projects.findWithParticipants(id).map(project -> {
            if (project == null || !caller.seesSummaryOf(project)) {
                throw new ProjectNotFoundException(id);
            }
            return project;
        });
    }

    /** Participants (any place in the project), auditors and administrators; 403 for the public-summary audience. */
    private Uni<Project> insider(Caller caller, UUID id) {
        return visible(caller, id).invoke(project -> {
            if (!caller.seesAllOf(project)) {
                throw new ProjectAccessDeniedException("only the project's participants see its proposals");
            }
        });
    }

    /** The project when the caller represents one of its ACCEPTED participants (403/404 outside it, 409 not accepted). */
    private Uni<Project> voter(Caller caller, UUID id) {
        return insider(caller, id).invoke(project -> {
            if (caller.isAuditor() && !caller.isAdmin() || caller.partnerId().isEmpty()) {
                throw new ProjectAccessDeniedException(caller.isAuditor() ? "auditors read; they change nothing"
                        : "your token names no partner (partner_id); partners propose through their representatives");
            }
            if (!caller.participatesIn(project)) {
                throw new ProjectAccessDeniedException("only representatives of the project's accepted participants propose decisions");
            }
            requireAccepted(project, caller.partnerId().get());
        });
    }

    private static void requireAccepted(Project project, UUID partnerId) {
        Participant participant = project.participant(partnerId).orElseThrow(() -> new ProjectConflictException("not-a-participant",
                "partner " + partnerId + " is not a participant of this project; only accepted participants propose and vote"));
        if (participant.status() != ParticipationStatus.ACCEPTED) {
            throw new ProjectConflictException("not-a-participant", "partner " + partnerId + " is " + participant.status()
                    + " in this project; only accepted participants propose and vote");
        }
    }

    private static void requireActive(PartnerReplica replica, UUID partnerId) {
        if (replica == null || !replica.isActive()) {
            throw new ProjectConflictException("partner-not-active", "partner " + (replica == null ? partnerId
                    : replica.name() + " (" + partnerId + ")") + " is " + (replica == null ? "not known to projects-service"
                    : replica.status()) + "; only ACTIVE partners propose and vote");
        }
    }

    /** Whether the decision could apply to the project as it is now (409 otherwise: it would pass for nothing). */
    private static void applicable(Project project, Proposal proposal) {
        project.requireNotClosed("decided on");
        ProjectStatus status = project.status();
        switch (proposal.type()) {
            case LAUNCH -> requireStatus(status, ProjectStatus.OPEN, "launched");
            case COMPLETE -> requireStatus(status, ProjectStatus.ACTIVE, "completed");
            case ADMIT_PARTNER -> project.participant(proposal.payload().partnerId())
                    .filter(p -> p.status() == ParticipationStatus.INVITED || p.status() == ParticipationStatus.ACCEPTED)
                    .ifPresent(p -> {
                        throw new ProjectConflictException("already-participant", "partner " + p.partnerId() + " is already "
                                + p.status() + " in this project");
                    });
            case REMOVE_PARTNER -> {
                Participant p = project.participant(proposal.payload().partnerId()).filter(Participant::isAccepted)
                        .orElseThrow(() -> new ProjectConflictException("not-accepted", "partner " + proposal.payload().partnerId()
                                + " is not an accepted participant of this project"));
                if (p.partnerId().equals(project.leadPartnerId())) {
                    throw new ProjectConflictException("lead-cannot-withdraw", "the lead partner cannot be removed; cancel the project instead");
                }
            }
            case CHANGE_RULE -> {
                if (proposal.payload().governanceRule() == project.governanceRule()) {
                    throw new ProjectConflictException("same-rule", "the project already decides under " + project.governanceRule());
                }
            }
            default -> {
            }
        }
    }

    private static void requireStatus(ProjectStatus status, ProjectStatus required, String what) {
        if (status != required) {
            throw new ProjectConflictException("illegal-transition", "a project that is " + status + " cannot be " + what
                    + " (only from " + required + ")");
        }
    }

}
