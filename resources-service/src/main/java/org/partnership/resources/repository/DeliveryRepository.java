package org.partnership.resources.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.Delivery;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    public Uni<List<Delivery>> ofContribution(UUID contributionId) {
        return list("contributionId = ?1 order by recordedAt, id", contributionId);
    }
}
