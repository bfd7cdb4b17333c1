package org.partnership.projects.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.projects.domain.Indicator;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, UUID> {

    /** Where the previous page ended: keyset {@code (created_at, id)}, oldest first. */
    public record Position(OffsetDateTime createdAt, UUID id) {
    }

    /** A page of the project's indicators, oldest declared first. */
    public Uni<List<Indicator>> page(UUID projectId, Position after, int limit) {
        String query = "projectId = :project"
                + (after == null ? "" : " and (createdAt > :at or (createdAt = :at and id > :id))")
                + " order by createdAt, id";
        Parameters params = Parameters.with("project", projectId);
        if (after != null) {
            params = params.and("at", after.createdAt()).and("id", after.id());
        }
        return find(query, params).page(0, limit).list();
    }
}
