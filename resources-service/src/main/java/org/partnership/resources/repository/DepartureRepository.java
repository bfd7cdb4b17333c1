package org.partnership.resources.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.Contribution;

import java.util.List;
import java.util.UUID;

/** What partners that left a project still owe it (issue #19). */
@ApplicationScoped
@WithSession
public class DepartureRepository {

    private static final String OPEN_PLEDGES_OF_DEPARTED = """
            select c.* from contribution c join project_replica p on p.id = c.project_id
             where c.project_id = :project and c.status in ('PLEDGED', 'PARTIALLY_DELIVERED')
               and not (cast(c.partner_id as text) = any (p.accepted_partners))
               and (cast(:afterAt as timestamptz) is null or (c.created_at, c.id) > (cast(:afterAt as timestamptz), cast(:afterId as uuid)))
             order by c.created_at, c.id
             limit :limit
            """;

    /**
     * The open pledges (PLEDGED or PARTIALLY_DELIVERED) of partners that are no longer accepted participants of the
     * project, oldest first, after {@code after}, at most {@code limit}.
     */
    public Uni<List<Contribution>> openPledgesOfDeparted(UUID projectId, ContributionRepository.Position after, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(OPEN_PLEDGES_OF_DEPARTED, Contribution.class)
                .setParameter("project", projectId)
                .setParameter("afterAt", after == null ? null : after.createdAt())
                .setParameter("afterId", after == null ? null : after.id())
                .setParameter("limit", limit)
                .getResultList());
    }
}
