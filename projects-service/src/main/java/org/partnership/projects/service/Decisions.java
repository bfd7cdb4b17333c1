package org.partnership.projects.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.messaging.Actor;
import org.partnership.messaging.Actors;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.projects.domain.Governance;
import org.partnership.projects.domain.GovernanceRule;
import org.partnership.projects.domain.LaunchReadiness;
import org.partnership.projects.domain.Participant;
import org.partnership.projects.domain.ParticipationStatus;
import org.partnership.projects.domain.PartnerReplica;
import org.partnership.projects.domain.Project;
import org.partnership.projects.domain.ProjectConflictException;
import org.partnership.projects.domain.ProjectNotFoundException;
import org.partnership.projects.domain.ProjectTransition;
import org.partnership.projects.domain.Proposal;
import org.partnership.projects.domain.ProposalType;
import org.partnership.projects.domain.ResourcesSummary;
import org.partnership.projects.domain.Vote;
import org.partnership.projects.messaging.ProjectEvent;
import org.partnership.projects.messaging.ProjectEvents;
import org.partnership.projects.messaging.ProposalEvent;
import org.partnership.projects.repository.PartnerReplicaRepository;
import org.partnership.projects.repository.ProjectRepository;
import org.partnership.projects.repository.ProposalRepository;
import org.partnership.projects.repository.ResourcesSummaryRepository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How the partnership's decisions take effect (issue #21), inside the caller's transaction: counting a proposal under
 * the project's rule, closing it once its outcome is final, applying a passed typed decision (launch only when ready at
 * that moment, else recorded as passed but not applied with the failing criteria), voiding the votes of a partner that
 * leaves, and refusing the direct actions a voting rule reserves to proposals. Every change appends its event.
 */
@ApplicationScoped
public class Decisions {

    /** Who applies a passed proposal: the rule, caused by the vote that closed it (#22). */
    static final Actor GOVERNANCE = Actor.system("governance");

    /** Who closes a proposal at its deadline (and applies it when it passed). */
    public static final String DEADLINE_JOB = "system:proposal-deadline";

    private final ProjectRepository projects;
    private final ProposalRepository proposals;
    private final PartnerReplicaRepository partners;
    private final ResourcesSummaryRepository summaries;
    private final Outbox outbox;
    private final Time time;

    public Decisions(ProjectRepository projects, ProposalRepository proposals, PartnerReplicaRepository partners,
            ResourcesSummaryRepository summaries, Outbox outbox, Time time) {
        this.projects = projects;
        this.proposals = proposals;
        this.partners = partners;
        this.summaries = summaries;
        this.outbox = outbox;
        this.time = time;
    }

    /**
     * Under any rule but LEAD_DECIDES the typed decisions happen only through a proposal that passed: the direct action
     * is a 409 naming the proposal to open.
     */
    public static void requireDirect(Project project, ProposalType type, String what) {
        if (project.governanceRule() != GovernanceRule.LEAD_DECIDES) {
            throw new ProjectConflictException("decision-required", "under the " + project.governanceRule() + " rule the partnership "
                    + "decides " + what + ": open a " + type + " proposal (POST /api/v1/projects/" + project.id()
                    + "/proposals with {\"type\": \"" + type + "\"}); it applies itself when it passes");
        }
    }

    /** The launch checklist; LAUNCH_DECISION_APPROVED (voting rules only) passes once a LAUNCH proposal passed. */
    public Uni<LaunchReadiness.Readiness> readiness(Project project) {
        return partners.byIds(partnerIds(project)).chain(replicas -> proposals.passed(project.id(), ProposalType.LAUNCH)
                .chain(approved -> readiness(project, replicas, approved)));
    }

    private Uni<LaunchReadiness.Readiness> readiness(Project project, Map<UUID, PartnerReplica> replicas, boolean approved) {
        return summaries.findById(project.id()).map(summary -> {
            List<LaunchReadiness.Member> accepted = project.accepted().stream().map(p -> {
                PartnerReplica r = replicas.get(p.partnerId());
                return r == null ? new LaunchReadiness.Member(p.partnerId().toString(), null, null)
                        : new LaunchReadiness.Member(r.name(), r.sector(), r.status());
            }).toList();
            return LaunchReadiness.evaluate(project.governanceRule(), project.requiredCoveragePercent(), accepted,
                    Optional.ofNullable(summary).map(ResourcesSummary::coverage), approved);
        });
    }

    /** The proposal counted now under the project's current rule (for reads: nothing changes). */
    public Governance.Result count(Project project, Proposal proposal, Map<UUID, PartnerReplica> replicas, OffsetDateTime now) {
        List<Governance.Voter> voters = project.participants().stream()
                .filter(p -> p.status() == ParticipationStatus.ACCEPTED || p.status() == ParticipationStatus.WITHDRAWN)
                .map(p -> {
                    PartnerReplica r = replicas.get(p.partnerId());
                    return new Governance.Voter(p.partnerId(), r == null ? null : r.sector(), r == null ? null : r.status(),
                            p.status() == ParticipationStatus.WITHDRAWN);
                }).toList();
        return Governance.evaluate(project.governanceRule(), project.leadPartnerId(), voters, proposal.ballot(), now.toInstant(),
                proposal.deadline().toInstant());
    }

    /** The replicas of the project's participants. */
    public Uni<Map<UUID, PartnerReplica>> replicas(Project project) {
        return partners.byIds(partnerIds(project));
    }

    /** Appends {@code partnership.proposal.opened.v1} for a new (flushed) proposal. */
    public Uni<Void> opened(Project project, Proposal proposal) {
        return replicas(project).chain(replicas -> projects.flush().chain(() -> outbox.append(ProjectEvents.PROJECT, project.id(),
                ProjectEvents.PROPOSAL_OPENED, ProposalEvent.of(proposal, count(project, proposal, replicas, time.now()).tally()))))
                .replaceWithVoid();
    }

    /**
     * After a vote: appends {@code partnership.proposal.voted.v1}, then closes the proposal when its outcome is final
     * (applying a passed decision). Returns the proposal's result.
     */
    public Uni<Governance.Result> voted(Project project, Proposal proposal, Vote vote, String subject) {
        return replicas(project).chain(replicas -> projects.flush()
                .chain(() -> outbox.append(ProjectEvents.PROJECT, project.id(), ProjectEvents.PROPOSAL_VOTED,
                        ProposalEvent.of(proposal, count(project, proposal, replicas, time.now()).tally()).with(vote)))
                // a vote that closes the proposal: the decision and what it applies are the rule's doing, caused by the vote
                .chain(votedEvent -> Actors.as(GOVERNANCE, votedEvent.id(), () -> settle(project, proposal, subject))));
    }

    /**
     * Closes the proposal when its outcome can no longer change (early, or at its deadline), applies a passed decision
     * and appends {@code decided} (or {@code expired}). Returns the result; an OPEN one changes nothing.
     */
    public Uni<Governance.Result> settle(Project project, Proposal proposal, String subject) {
        if (!proposal.isOpen()) {
            return Uni.createFrom().nullItem();
        }
        return replicas(project).chain(replicas -> {
            OffsetDateTime now = time.now();
            Governance.Result result = count(project, proposal, replicas, now);
            if (!result.closed()) {
                return Uni.createFrom().item(result);
            }
            proposal.close(result, project.governanceRule(), now);
            Log.debugf("proposal %s of project %s closed %s", proposal.id(), project.id(), result.outcome());
            Uni<Void> effect = result.outcome() == Governance.Outcome.PASSED ? apply(project, proposal, subject)
                    : Uni.createFrom().voidItem();
            return effect.chain(() -> projects.flush())
                    .chain(() -> outbox.append(ProjectEvents.PROJECT, project.id(), result.outcome() == Governance.Outcome.EXPIRED
                            ? ProjectEvents.PROPOSAL_EXPIRED : ProjectEvents.PROPOSAL_DECIDED, ProposalEvent.of(proposal, result.tally())))
                    .replaceWith(result);
        });
    }

    /**
     * Applies a passed typed decision to the project (its events appended), or records why it could not be applied.
     * A RESOLUTION is recorded only; a CHANGE_NEED is recorded here and applied by resources-service from the event.
     */
    public Uni<Void> apply(Project project, Proposal proposal, String subject) {
        OffsetDateTime now = time.now();
        var payload = proposal.payload();
        return switch (proposal.type()) {
            case LAUNCH -> replicas(project).chain(replicas -> readiness(project, replicas, true)).chain(readiness -> {
                if (!readiness.ready()) {
                    proposal.applied(Proposal.Application.NOT_APPLIED, "passed, but the project is not ready to launch: "
                            + readiness.failing().stream().map(LaunchReadiness.Criterion::code).collect(Collectors.joining(", "))
                            + "; apply it once they pass (POST .../proposals/" + proposal.id() + "/apply), no new vote needed",
                            readiness.failing(), now);
                    return Uni.createFrom().voidItem();
                }
                return attempt(project, proposal, subject, now, () -> project.transition(ProjectTransition.LAUNCH, readiness, subject),
                        ProjectEvents.PROJECT_LAUNCHED, null, null);
            });
            case COMPLETE -> attempt(project, proposal, subject, now, () -> project.transition(ProjectTransition.COMPLETE,
                    new LaunchReadiness.Readiness(true, List.of()), subject), ProjectEvents.PROJECT_COMPLETED, null, null);
            case CANCEL -> attempt(project, proposal, subject, now, () -> project.transition(ProjectTransition.CANCEL,
                    new LaunchReadiness.Readiness(true, List.of()), subject), ProjectEvents.PROJECT_CANCELLED, null, null);
            case CHANGE_RULE -> attempt(project, proposal, subject, now, () -> project.changeRule(payload.governanceRule(), subject),
                    ProjectEvents.PROJECT_UPDATED, null, null);
            case ADMIT_PARTNER -> partners.findById(payload.partnerId()).chain(replica -> {
                if (replica == null || !replica.isActive()) {
                    proposal.applied(Proposal.Application.NOT_APPLIED, "partner " + payload.partnerId() + " is "
                            + (replica == null ? "not known to projects-service" : replica.status())
                            + "; only ACTIVE partners are invited", List.of(), now);
                    return Uni.createFrom().voidItem();
                }
                return attempt(project, proposal, subject, now, () -> project.invite(payload.partnerId(), payload.role(),
                        payload.message(), subject), ProjectEvents.PARTICIPANT_INVITED, payload.partnerId(), payload.role().name());
            });
            case REMOVE_PARTNER -> attempt(project, proposal, subject, now, () -> project.remove(payload.partnerId(), subject),
                    ProjectEvents.PARTICIPANT_WITHDREW, payload.partnerId(), null)
                    .chain(() -> proposal.application() == Proposal.Application.APPLIED
                            ? partnerLeft(project, payload.partnerId(), subject) : Uni.createFrom().voidItem());
            case CHANGE_NEED, RESOLUTION -> {
                proposal.applied(Proposal.Application.RECORDED, proposal.type() == ProposalType.CHANGE_NEED
                        ? "recorded; resources-service applies the change to the need from partnership.proposal.decided.v1"
                        : "recorded", List.of(), now);
                yield Uni.createFrom().voidItem();
            }
        };
    }

    /** A partner left the project: its votes on open proposals are void and each of them is counted again. */
    public Uni<Void> partnerLeft(Project project, UUID partnerId, String subject) {
        return proposals.open(project.id()).chain(open -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            OffsetDateTime now = time.now();
            for (Proposal proposal : open) {
                chain = chain.chain(() -> {
                    proposal.voidVoteOf(partnerId, "partner " + partnerId + " left the project", now);
                    return settle(project, proposal, subject).replaceWithVoid();
                });
            }
            return chain;
        });
    }

    private Uni<Void> attempt(Project project, Proposal proposal, String subject, OffsetDateTime now, Runnable change,
            String eventType, UUID participant, String role) {
        try {
            change.run();
        } catch (ProjectConflictException | ProjectNotFoundException e) {
            proposal.applied(Proposal.Application.NOT_APPLIED, "passed, but could not be applied: " + e.getMessage(), List.of(), now);
            return Uni.createFrom().voidItem();
        }
        proposal.applied(Proposal.Application.APPLIED, "applied by " + subject, List.of(), now);
        return projects.flush().chain(() -> {
            ProjectEvent event = ProjectEvent.of(project);
            return outbox.append(ProjectEvents.PROJECT, project.id(), eventType, participant == null ? event : event.about(participant, role));
        }).replaceWithVoid();
    }

    private static Collection<UUID> partnerIds(Project project) {
        return project.participants().stream().map(Participant::partnerId).toList();
    }
}
