package org.partnership.resources.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The per-project sequence of resources summaries. Taking the next number locks the project's row until the
 * transaction ends, so concurrent changes to one project summarise one after the other, in commit order.
 */
@ApplicationScoped
public class SummaryRepository {

    private static final String NEXT = """
            insert into project_summary (project_id, sequence) values (:project, 1)
            on conflict (project_id) do update set sequence = project_summary.sequence + 1
            """;

    /** Call inside the transaction that changed the project's needs, contributions or risks. */
    public Uni<Long> nextSequence(UUID projectId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(NEXT).setParameter("project", projectId)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("select sequence from project_summary where project_id = :project", Long.class)
                        .setParameter("project", projectId).getSingleResult()));
    }
}
