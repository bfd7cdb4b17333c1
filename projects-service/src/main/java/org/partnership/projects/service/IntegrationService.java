package org.partnership.projects.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.domain.Integration;
import org.partnership.projects.domain.Participant;
import org.partnership.projects.domain.PartnerReplica;
import org.partnership.projects.domain.Project;
import org.partnership.projects.domain.ProjectAccessDeniedException;
import org.partnership.projects.domain.ProjectNotFoundException;
import org.partnership.projects.domain.ResourcesSummary;
import org.partnership.projects.domain.ServiceDomain;
import org.partnership.projects.repository.PartnerReplicaRepository;
import org.partnership.projects.repository.ProjectRepository;
import org.partnership.projects.repository.ResourcesSummaryRepository;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Horizontal and vertical integration of projects (issue #19, hole 7), from what this service keeps: the project's
 * dimensions and accepted participants, the partner replica (sector, level) and the resources summary (contributions
 * per partner and dimension). The rules are {@link Integration}'s.
 */
@ApplicationScoped
public class IntegrationService {

    /** A project and how it integrates. */
    public record ProjectIntegration(Project project, Map<UUID, PartnerReplica> partners, Integration.View view) {
    }

    private final ProjectRepository projects;
    private final PartnerReplicaRepository partners;
    private final ResourcesSummaryRepository summaries;

    public IntegrationService(ProjectRepository projects, PartnerReplicaRepository partners, ResourcesSummaryRepository summaries) {
        this.projects = projects;
        this.partners = partners;
        this.summaries = summaries;
    }

    /** As the project's full view: participants, auditors and administrators; everyone else 404. */
    @WithSession
    public Uni<ProjectIntegration> of(Caller caller, UUID id) {
        return projects.findWithParticipants(id).chain(project -> {
            if (project == null || !caller.seesAllOf(project)) {
                throw new ProjectNotFoundException(id);
            }
            return integrate(List.of(project)).map(list -> list.get(0));
        });
    }

    /**
     * A coordinator's own organisation across its projects (those it leads or takes part in as an accepted
     * participant), newest first; a page of at most {@code limit}.
     */
    @WithSession
    public Uni<List<ProjectIntegration>> portfolio(Caller caller, ProjectRepository.Position after, int limit) {
        if (!caller.isCoordinator()) {
            return Uni.createFrom().failure(new ProjectAccessDeniedException(
                    "the portfolio is a coordinator's view of their own organisation's projects"));
        }
        if (caller.partnerId().isEmpty()) {
            return Uni.createFrom().failure(new ProjectAccessDeniedException(
                    "your token names no partner (partner_id): the portfolio is your organisation's"));
        }
        UUID me = caller.partnerId().get();
        return projects.search(new ProjectRepository.Filter(null, null, false, me, me), after, limit).chain(this::integrate);
    }

    private Uni<List<ProjectIntegration>> integrate(List<Project> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<UUID> partnerIds = new HashSet<>();
        found.forEach(p -> p.participants().forEach(x -> partnerIds.add(x.partnerId())));
        List<UUID> projectIds = found.stream().map(Project::id).toList();
        return partners.byIds(partnerIds).chain(replicas -> summaries.byProjects(projectIds).map(kept -> {
            Map<UUID, ResourcesSummary> byProject = kept.stream()
                    .collect(Collectors.toMap(ResourcesSummary::projectId, Function.identity()));
            return found.stream().map(project -> {
                List<Integration.Member> accepted = project.accepted().stream().map(Participant::partnerId).map(id -> {
                    PartnerReplica r = replicas.get(id);
                    return r == null ? new Integration.Member(id, null, null, null)
                            : new Integration.Member(id, r.name(), r.sector(), r.level());
                }).toList();
                ResourcesSummary summary = byProject.get(project.id());
                Integration.View view = Integration.of(project.dimensions().stream().map(ServiceDomain::name).toList(), accepted,
                        summary == null ? List.of() : summary.contributions());
                return new ProjectIntegration(project, replicas, view);
            }).toList();
        }));
    }
}
