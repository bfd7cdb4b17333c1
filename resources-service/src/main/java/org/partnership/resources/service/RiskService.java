package org.partnership.resources.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.http.Preconditions;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.resources.domain.Caller;
import org.partnership.resources.domain.ProjectReplica;
import org.partnership.resources.domain.ResourceAccessDeniedException;
import org.partnership.resources.domain.ResourceConflictException;
import org.partnership.resources.domain.ObjectNotFoundException;
import org.partnership.resources.domain.Risk;
import org.partnership.resources.domain.RiskAllocation;
import org.partnership.resources.domain.RiskAllocationRelease;
import org.partnership.resources.domain.RiskStatus;
import org.partnership.resources.domain.RiskStatusChange;
import org.partnership.resources.messaging.ResourceEvents;
import org.partnership.resources.messaging.RiskChangedEvent;
import org.partnership.resources.repository.RiskRepository;

import java.util.List;
import java.util.UUID;

/**
 * The risk register: any accepted participant proposes a risk; the lead allocates shares among accepted participants
 * (exactly 100 %); the lead or the risk's owner moves its status, with history.
 */
@ApplicationScoped
public class RiskService {

    /** A risk with its status history and every release of its shares. */
    public record Detail(Risk risk, List<RiskStatusChange> history, List<RiskAllocationRelease> releases) {
    }

    private final RiskRepository risks;
    private final Projects projects;
    private final SummaryService summaries;
    private final Outbox outbox;
    private final Time time;

    public RiskService(RiskRepository risks, Projects projects, SummaryService summaries, Outbox outbox, Time time) {
        this.risks = risks;
        this.projects = projects;
        this.summaries = summaries;
        this.outbox = outbox;
        this.time = time;
    }

    @WithTransaction
    public Uni<Risk> propose(Caller caller, UUID projectId, Risk.Proposal proposal) {
        UUID partnerId = caller.requirePartner();
        return projects.known(projectId).chain(project -> {
            if (!project.hasAccepted(partnerId)) {
                throw new ResourceAccessDeniedException("your partner " + partnerId + " is not an accepted participant of project "
                        + projectId + ": only participants propose risks");
            }
            if (project.isClosed()) {
                throw new ResourceConflictException("project-closed", "project " + projectId + " is " + project.status());
            }
            Risk risk = Risk.propose(UUID.randomUUID(), project, proposal, caller.subject(), time.now());
            return risks.persist(risk)
                    .call(saved -> risks.record(saved.opened(caller.subject())))
                    .call(() -> risks.flush())
                    .call(saved -> outbox.append(ResourceEvents.RISK, saved.id(), ResourceEvents.RISK_REGISTERED,
                            RiskChangedEvent.of(saved, null)))
                    .call(() -> summaries.summarise(projectId));
        });
    }

    /** A page of the project's risks, oldest first. */
    @WithSession
    public Uni<List<Risk>> ofProject(Caller caller, UUID projectId, RiskRepository.Position after, int limit) {
        return projects.visible(caller, projectId).chain(project -> risks.page(projectId, after, limit));
    }

    @WithSession
    public Uni<Detail> get(Caller caller, UUID id) {
        return visible(caller, id).chain(found -> risks.history(id).chain(history -> risks.releases(id)
                .map(releases -> new Detail(found.risk, history, releases))));
    }

    /** The lead replaces the allocation, based on the version they read (412 when stale). */
    @WithTransaction
    public Uni<Risk> allocate(Caller caller, UUID id, long expectedVersion, List<RiskAllocation> shares) {
        return visible(caller, id).chain(found -> {
            caller.requireLead(found.project, "allocate its risks");
            Preconditions.check(expectedVersion, found.risk.version());
            found.risk.allocate(found.project, shares, time.now());
            return risks.flush()
                    .call(() -> outbox.append(ResourceEvents.RISK, id, ResourceEvents.RISK_ALLOCATED, RiskChangedEvent.of(found.risk, null)))
                    .call(() -> summaries.summarise(found.project.id()))
                    .replaceWith(found.risk);
        });
    }

    /** The lead or the risk owner's representatives move the status (CLOSED is final); history is appended. */
    @WithTransaction
    public Uni<Risk> changeStatus(Caller caller, UUID id, Long expectedVersion, RiskStatus status, String note) {
        return visible(caller, id).chain(found -> {
            if (!caller.leads(found.project) && !caller.represents(found.risk.ownerPartnerId())) {
                throw new ResourceAccessDeniedException("only the project lead or the risk owner changes a risk's status");
            }
            if (expectedVersion != null) {
                Preconditions.check(expectedVersion, found.risk.version());
            }
            RiskStatusChange change = found.risk.changeStatus(status, note, caller.subject(), time.now());
            return risks.record(change).chain(() -> risks.flush())
                    .call(() -> outbox.append(ResourceEvents.RISK, id, ResourceEvents.RISK_STATUS_CHANGED, RiskChangedEvent.of(found.risk, note)))
                    .call(() -> summaries.summarise(found.project.id()))
                    .replaceWith(found.risk);
        });
    }

    private record Found(Risk risk, ProjectReplica project) {
    }

    private Uni<Found> visible(Caller caller, UUID id) {
        return risks.findWithAllocations(id).chain(risk -> {
            if (risk == null) {
                throw new ObjectNotFoundException("risk", id);
            }
            return projects.known(risk.projectId()).map(project -> {
                if (!caller.sees(project)) {
                    throw new ObjectNotFoundException("risk", id);
                }
                return new Found(risk, project);
            });
        });
    }
}
