package org.partnership.projects.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
            insert into resources_summary (project_id, sequence, needs, open_risks, unallocated_open_risks, updated_at)
            values (:project, :sequence, :needs, :openRisks, :unallocated, :now)
            on conflict (project_id) do update
               set sequence = excluded.sequence, needs = excluded.needs, open_risks = excluded.open_risks,
                   unallocated_open_risks = excluded.unallocated_open_risks, updated_at = excluded.updated_at
             where resources_summary.sequence < excluded.sequence
            """;

    /** @return 1 when applied, 0 when a summary with this sequence or a later one is already kept */
    public Uni<Integer> upsert(UUID projectId, long sequence, List<LaunchReadiness.NeedCoverage> needs, int openRisks,
            List<LaunchReadiness.UnallocatedRisk> unallocated) {
        return getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("project", projectId)
                .setParameter("sequence", sequence)
                .setParameter("needs", new JsonConverters.Needs().convertToDatabaseColumn(needs))
                .setParameter("openRisks", openRisks)
                .setParameter("unallocated", new JsonConverters.Risks().convertToDatabaseColumn(unallocated))
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate());
    }
}
