package org.partnership.resources.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.resources.domain.Caller;
import org.partnership.resources.domain.ContributionType;
import org.partnership.resources.domain.Need;
import org.partnership.resources.domain.ResourceConflictException;
import org.partnership.resources.messaging.NeedDeclaredEvent;
import org.partnership.resources.messaging.ResourceEvents;
import org.partnership.resources.repository.NeedRepository;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The lead declares what the project needs; everyone who sees the project sees coverage per need. */
@ApplicationScoped
public class NeedService {

    /** A need with what has been pledged and delivered against it. */
    public record CoveredNeed(Need need, NeedRepository.Coverage coverage) {
    }

    /** What the lead declares. */
    public record Declaration(UUID projectId, ContributionType type, BigDecimal quantity, String unit, String dimension,
                              String description) {
    }

    private final NeedRepository needs;
    private final Projects projects;
    private final SummaryService summaries;
    private final Outbox outbox;
    private final Time time;

    public NeedService(NeedRepository needs, Projects projects, SummaryService summaries, Outbox outbox, Time time) {
        this.needs = needs;
        this.projects = projects;
        this.summaries = summaries;
        this.outbox = outbox;
        this.time = time;
    }

    @WithTransaction
    public Uni<CoveredNeed> declare(Caller caller, Declaration d) {
        return projects.visible(caller, d.projectId()).chain(project -> {
            caller.requireLead(project, "declare its needs");
            if (project.isClosed()) {
                throw new ResourceConflictException("project-closed", "project " + project.id() + " is " + project.status()
                        + ": its needs can no longer change");
            }
            Need need = Need.declare(UUID.randomUUID(), project, d.type(), d.quantity(), d.unit(), d.dimension(),
                    d.description(), caller.subject(), time.now());
            return needs.persist(need)
                    .call(() -> outbox.append(ResourceEvents.NEED, need.id(), ResourceEvents.NEED_DECLARED, NeedDeclaredEvent.of(need)))
                    .call(() -> summaries.summarise(project.id()))
                    .map(saved -> new CoveredNeed(saved, NeedRepository.Coverage.NONE));
        });
    }

    /** A page of the project's needs with their coverage, oldest first. */
    @WithSession
    public Uni<List<CoveredNeed>> ofProject(Caller caller, UUID projectId, NeedRepository.Position after, int limit) {
        return projects.visible(caller, projectId)
                .chain(project -> needs.page(projectId, after, limit).chain(list -> needs.coverage(projectId)
                        .map(coverage -> list.stream().map(need -> new CoveredNeed(need,
                                coverage.getOrDefault(need.id(), NeedRepository.Coverage.NONE))).toList())));
    }
}
