package org.partnership.projects.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.http.Preconditions;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.domain.LaunchReadiness;
import org.partnership.projects.domain.Participant;
import org.partnership.projects.domain.ParticipantRole;
import org.partnership.projects.domain.PartnerReplica;
import org.partnership.projects.domain.Project;
import org.partnership.projects.domain.ProjectAccessDeniedException;
import org.partnership.projects.domain.ProjectConflictException;
import org.partnership.projects.domain.ProjectNotFoundException;
import org.partnership.projects.domain.ProjectTransition;
import org.partnership.projects.domain.ProposalType;
import org.partnership.projects.messaging.ProjectEvent;
import org.partnership.projects.messaging.ProjectEvents;
import org.partnership.projects.repository.ParticipantRepository;
import org.partnership.projects.repository.PartnerReplicaRepository;
import org.partnership.projects.repository.ProjectRepository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The project rules: who may create, see, change, join and launch projects. Every change and its event commit in
 * one transaction (outbox).
 */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final ParticipantRepository participants;
    private final PartnerReplicaRepository partners;
    private final Outbox outbox;
    private final Decisions decisions;

    public ProjectService(ProjectRepository projects, ParticipantRepository participants, PartnerReplicaRepository partners,
            Outbox outbox, Decisions decisions) {
        this.projects = projects;
        this.participants = participants;
        this.partners = partners;
        this.outbox = outbox;
        this.decisions = decisions;
    }

    /** A coordinator creates a DRAFT project led by their own organisation (the token's partner, ACTIVE in the replica). */
    @WithTransaction
    public Uni<ProjectDetails> create(Caller caller, Project.Plan plan) {
        if (!caller.isCoordinator()) {
            return Uni.createFrom().failure(new ProjectAccessDeniedException("only coordinators create projects"));
        }
        if (caller.partnerId().isEmpty()) {
            return Uni.createFrom().failure(new ProjectAccessDeniedException(
                    "your token names no partner (partner_id): a project is led by the coordinator's own organisation"));
        }
        UUID lead = caller.partnerId().get();
        return partners.findById(lead)
                .chain(replica -> {
                    requireActive(replica, lead, "lead-partner-not-active", "your organisation");
                    Project project = Project.create(UUID.randomUUID(), plan, lead, caller.subject());
                    return projects.persist(project);
                })
                .call(projects::flush)
                .call(project -> outbox.append(ProjectEvents.PROJECT, project.id(), ProjectEvents.PROJECT_CREATED,
                        ProjectEvent.of(project)))
                .chain(this::details);
    }

    /** A project the caller may see (in full or as its public summary), or 404. */
    @WithSession
    public Uni<ProjectDetails> get(Caller caller, UUID id) {
        return visible(caller, id).chain(this::details);
    }

    /** A page of the projects the caller may see, filtered; "mine": those their partner takes part in (ACCEPTED). */
    @WithSession
    public Uni<List<ProjectDetails>> search(Caller caller, String status, String dimension, boolean mine,
            ProjectRepository.Position after, int limit) {
        UUID me = caller.partnerId().orElse(null);
        if (mine && me == null) {
            return Uni.createFrom().item(List.of());
        }
        ProjectRepository.Filter filter = new ProjectRepository.Filter(status, dimension, caller.readsEverything(),
                mine ? me : null, me);
        return projects.search(filter, after, limit).chain(found -> {
            Set<UUID> ids = new HashSet<>();
            found.forEach(p -> p.participants().forEach(x -> ids.add(x.partnerId())));
            return partners.byIds(ids).map(replicas -> found.stream().map(p -> new ProjectDetails(p, replicas)).toList());
        });
    }

    /** The lead's members change the plan, based on the version they read (412 when stale). */
    @WithTransaction
    public Uni<ProjectDetails> update(Caller caller, UUID id, long expectedVersion, UnaryOperator<Project.Plan> change) {
        return managed(caller, id).chain(project -> {
            Preconditions.check(expectedVersion, project.version());
            Project.Plan plan = change.apply(project.plan());
            if (plan.governanceRule() != project.governanceRule()) {
                Decisions.requireDirect(project, ProposalType.CHANGE_RULE, "a change of its governance rule");
            }
            project.replan(plan, caller.subject());
            return changed(project, ProjectEvents.PROJECT_UPDATED, null, null);
        });
    }

    /** Opens, launches (only when ready), completes or cancels; with {@code expectedVersion} only from that version. */
    @WithTransaction
    public Uni<ProjectDetails> transition(Caller caller, UUID id, ProjectTransition transition, Long expectedVersion) {
        return managed(caller, id).chain(project -> {
            if (expectedVersion != null) {
                Preconditions.check(expectedVersion, project.version());
            }
            switch (transition) {
                case LAUNCH -> Decisions.requireDirect(project, ProposalType.LAUNCH, "whether to launch the project");
                case COMPLETE -> Decisions.requireDirect(project, ProposalType.COMPLETE, "whether to complete the project");
                case CANCEL -> Decisions.requireDirect(project, ProposalType.CANCEL, "whether to cancel the project");
                case OPEN -> {
                }
            }
            Uni<LaunchReadiness.Readiness> readiness = transition == ProjectTransition.LAUNCH
                    ? evaluate(project) : Uni.createFrom().item(new LaunchReadiness.Readiness(true, List.of()));
            return readiness.chain(r -> {
                project.transition(transition, r, caller.subject());
                return changed(project, ProjectEvents.of(transition), null, null);
            });
        });
    }

    /** The launch checklist; participants, auditors and administrators may read it. */
    @WithSession
    public Uni<LaunchReadiness.Readiness> readiness(Caller caller, UUID id) {
        return insider(caller, id).chain(this::evaluate);
    }

    /** The lead invites an ACTIVE partner with a role. */
    @WithTransaction
    public Uni<ProjectDetails> invite(Caller caller, UUID id, UUID partnerId, ParticipantRole role, String message) {
        return managed(caller, id).chain(project -> partners.findById(partnerId).chain(replica -> {
            Decisions.requireDirect(project, ProposalType.ADMIT_PARTNER, "whom to invite");
            requireActive(replica, partnerId, "partner-not-active", "partner " + partnerId);
            Participant invited = project.invite(partnerId, role, message, caller.subject());
            return changed(project, ProjectEvents.PARTICIPANT_INVITED, partnerId, invited.role().name());
        }));
    }

    /**
     * The invited partner's own representatives accept or decline; nobody answers for another partner. Accepting
     * requires the partner ACTIVE in the replica at that moment (a partner suspended after its invitation is refused).
     */
    @WithTransaction
    public Uni<ProjectDetails> respond(Caller caller, UUID id, UUID partnerId, boolean accept) {
        return visible(caller, id).chain(project -> {
            requireRepresentative(caller, partnerId, accept ? "accept" : "decline");
            if (!accept) {
                project.decline(partnerId, caller.subject());
                return changed(project, ProjectEvents.PARTICIPANT_DECLINED, partnerId, null);
            }
            return partners.findById(partnerId).chain(replica -> {
                project.accept(partnerId, replica == null ? null : replica.name(), replica == null ? null : replica.status(),
                        caller.subject());
                return changed(project, ProjectEvents.PARTICIPANT_ACCEPTED, partnerId, null);
            });
        });
    }

    /**
     * An accepted participant's own representatives withdraw it; after launch this flags the project. Its votes on
     * open proposals are void, and those proposals are counted again (one may close now).
     */
    @WithTransaction
    public Uni<ProjectDetails> withdraw(Caller caller, UUID id, UUID partnerId) {
        return visible(caller, id).chain(project -> {
            requireRepresentative(caller, partnerId, "withdraw");
            project.withdraw(partnerId, caller.subject());
            return changed(project, ProjectEvents.PARTICIPANT_WITHDREW, partnerId, null)
                    .call(() -> decisions.partnerLeft(project, partnerId, caller.subject()))
                    .chain(() -> details(project));
        });
    }

    /**
     * A page of the project's participants (the lead included) with their partners' replicas, oldest invited first,
     * for those who see the project in full (403 for the public-summary audience).
     */
    @WithSession
    public Uni<ParticipantPage> participants(Caller caller, UUID id, ParticipantRepository.Position after, int limit) {
        return insider(caller, id).chain(project -> participants.ofProject(id, after, limit))
                .chain(found -> partners.byIds(found.stream().map(Participant::partnerId).toList())
                        .map(replicas -> new ParticipantPage(found, replicas)));
    }

    public record ParticipantPage(List<Participant> participants, java.util.Map<UUID, PartnerReplica> partners) {
    }

    /** Open invitations waiting for the caller's partner, with the replica of each project's lead. */
    @WithSession
    public Uni<InvitationPage> invitations(Caller caller, ParticipantRepository.Position after, int limit) {
        UUID me = caller.partnerId().orElseThrow(() -> new ProjectAccessDeniedException(
                "your token names no partner (partner_id); invitations are addressed to partners"));
        return participants.invitations(me, after, limit).chain(found -> partners.byIds(
                        found.stream().map(p -> p.project().leadPartnerId()).distinct().toList())
                .map(leads -> new InvitationPage(found, leads)));
    }

    public record InvitationPage(List<Participant> invitations, java.util.Map<UUID, PartnerReplica> leads) {
    }

    // ---------------------------------------------------------------- helpers

    /** The project when the caller may see at least its public summary; else 404. */
    Uni<Project> visible(Caller caller, UUID id) {
        return projects.findWithParticipants(id).map(project -> {
            if (project == null || !caller.seesSummaryOf(project)) {
                throw new ProjectNotFoundException(id);
            }
            return project;
        });
    }

    /** The project when the caller sees it in full; 403 when only its public summary, 404 when not at all. */
    Uni<Project> insider(Caller caller, UUID id) {
        return visible(caller, id).map(project -> {
            if (!caller.seesAllOf(project)) {
                throw new ProjectAccessDeniedException("only the project's participants see more than its public summary");
            }
            return project;
        });
    }

    /** The project when the caller manages it (a member of the lead partner). */
    Uni<Project> managed(Caller caller, UUID id) {
        return visible(caller, id).invoke(caller::requireManagerOf);
    }

    private Uni<ProjectDetails> changed(Project project, String type, UUID participant, String role) {
        return projects.flush()
                .chain(() -> {
                    ProjectEvent event = ProjectEvent.of(project);
                    return outbox.append(ProjectEvents.PROJECT, project.id(), type,
                            participant == null ? event : event.about(participant, role));
                })
                .chain(() -> details(project));
    }

    private Uni<ProjectDetails> details(Project project) {
        return partners.byIds(partnerIds(project)).map(replicas -> new ProjectDetails(project, replicas));
    }

    private Uni<LaunchReadiness.Readiness> evaluate(Project project) {
        return decisions.readiness(project);
    }

    private static Collection<UUID> partnerIds(Project project) {
        return project.participants().stream().map(Participant::partnerId).toList();
    }

    private static void requireActive(PartnerReplica replica, UUID partnerId, String code, String who) {
        if (replica == null) {
            throw new ProjectConflictException("partner-unknown", who + " (" + partnerId
                    + ") is not known to projects-service (yet); only ACTIVE partners of the registry take part in projects");
        }
        if (!replica.isActive()) {
            throw new ProjectConflictException(code, who + " (" + replica.name() + ") is " + replica.status()
                    + "; only ACTIVE partners take part in projects");
        }
    }

    private static void requireRepresentative(Caller caller, UUID partnerId, String action) {
        if (!caller.isMemberOf(partnerId)) {
            throw new ProjectAccessDeniedException("only representatives of partner " + partnerId + " may " + action
                    + " for it");
        }
    }
}
