package org.partnership.projects.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.projects.domain.Integration;
import org.partnership.projects.domain.JsonConverters;
import org.partnership.projects.domain.LaunchReadiness;
import org.partnership.projects.domain.ResourcesSummary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The resources summaries: read by launch readiness, written only by the resources.v1 consumer. */
@ApplicationScoped
@WithSession
public class ResourcesSummaryRepository implements PanacheRepositoryBase<ResourcesSummary, UUID> {

    /** Keeps the summary with the highest sequence per project: older or repeated summaries change nothing. */
    private static final String UPSERT = """
            insert into resources_summary (project_id, sequence, needs, open_risks, unallocated_open_risks,
                                           reallocation_needed, contributions, updated_at)
            values (:project, :sequence, :needs, :openRisks, :unallocated, :reallocation, :contributions, :now)
            on conflict (project_id) do update
               set sequence = excluded.sequence, needs = excluded.needs, open_risks = excluded.open_risks,
                   unallocated_open_risks = excluded.unallocated_open_risks,
                   reallocation_needed = excluded.reallocation_needed, contributions = excluded.contributions,
                   updated_at = excluded.updated_at
             where resources_summary.sequence < excluded.sequence
            """;

    /** The summaries kept for these projects (a project without one yet is absent). */
    public Uni<List<ResourcesSummary>> byProjects(List<UUID> projectIds) {
        return projectIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("projectId in ?1", projectIds);
    }

    /** @return 1 when applied, 0 when a summary with this sequence or a later one is already kept */
    public Uni<Integer> upsert(UUID projectId, long sequence, List<LaunchReadiness.NeedCoverage> needs, int openRisks,
            List<LaunchReadiness.UnallocatedRisk> unallocated, List<LaunchReadiness.Reallocation> reallocation,
            List<Integration.Contribution> contributions) {
        return getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("project", projectId)
                .setParameter("sequence", sequence)
                .setParameter("needs", new JsonConverters.Needs().convertToDatabaseColumn(needs))
                .setParameter("openRisks", openRisks)
                .setParameter("unallocated", new JsonConverters.Risks().convertToDatabaseColumn(unallocated))
                .setParameter("reallocation", new JsonConverters.Reallocations().convertToDatabaseColumn(reallocation))
                .setParameter("contributions", new JsonConverters.Contributions().convertToDatabaseColumn(contributions))
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate());
    }
}
