package org.partnership.projects.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.projects.domain.Indicator;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, UUID> {

    public Uni<List<Indicator>> ofProject(UUID projectId) {
        return list("projectId = ?1 order by createdAt, id", projectId);
    }
}
