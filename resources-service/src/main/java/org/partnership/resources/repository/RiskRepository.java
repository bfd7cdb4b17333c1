package org.partnership.resources.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.Risk;
import org.partnership.resources.domain.RiskStatusChange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Risks with their allocations, their status history, and open-risk summaries. */
@ApplicationScoped
@WithSession
public class RiskRepository implements PanacheRepositoryBase<Risk, UUID> {

    /** An OPEN risk whose shares do not (yet) sum to 100. */
    public record Unallocated(UUID riskId, String title, BigDecimal allocatedPercent) {
    }

    private static final String UNALLOCATED = """
            select cast(r.id as text), r.title, cast(coalesce(sum(a.share_percent), 0) as text)
              from risk r left join risk_allocation a on a.risk_id = r.id
             where r.project_id = :project and r.status = 'OPEN'
             group by r.id
            having coalesce(sum(a.share_percent), 0) <> 100
             order by r.created_at, r.id
            """;

    public Uni<Risk> findWithAllocations(UUID id) {
        return find("select distinct r from Risk r left join fetch r.allocations where r.id = ?1", id).firstResult();
    }

    public Uni<List<Risk>> ofProject(UUID projectId) {
        return list("select distinct r from Risk r left join fetch r.allocations where r.projectId = ?1 order by r.createdAt, r.id",
                projectId);
    }

    public Uni<Void> record(RiskStatusChange change) {
        return getSession().chain(session -> session.persist(change));
    }

    public Uni<List<RiskStatusChange>> history(UUID riskId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "from RiskStatusChange where riskId = ?1 order by changedAt", RiskStatusChange.class)
                .setParameter(1, riskId).getResultList());
    }

    public Uni<Long> openCount(UUID projectId) {
        return count("projectId = ?1 and status = ?2", projectId, org.partnership.resources.domain.RiskStatus.OPEN);
    }

    /** OPEN risks not allocated 100 % (flushes pending changes first). */
    public Uni<List<Unallocated>> unallocatedOpen(UUID projectId) {
        return getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(UNALLOCATED, Object[].class)
                .setParameter("project", projectId).getResultList())).map(rows -> {
                    List<Unallocated> result = new ArrayList<>();
                    for (Object[] row : rows) {
                        result.add(new Unallocated(UUID.fromString((String) row[0]), (String) row[1], new BigDecimal((String) row[2])));
                    }
                    return result;
                });
    }
}
