package org.partnership.resources.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.Delivery;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    public Uni<List<Delivery>> ofContribution(UUID contributionId) {
        return list("contributionId = ?1 order by recordedAt, id", contributionId);
    }

    /** Unreviewed deliveries recorded before {@code cutoff}, oldest first; locked, skipping rows another job holds. */
    public Uni<List<UUID>> claimUnreviewed(OffsetDateTime cutoff, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select cast(id as text) from delivery
                         where review = 'UNREVIEWED' and recorded_at < :cutoff
                         order by recorded_at, id limit :limit for update skip locked
                        """, String.class)
                .setParameter("cutoff", cutoff).setParameter("limit", limit).getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }
}
