package org.partnership.resources.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.Risk;
import org.partnership.resources.domain.RiskAllocationRelease;
import org.partnership.resources.domain.RiskStatus;
import org.partnership.resources.domain.RiskStatusChange;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Per partner, its risk exposure ({@link Risk#exposure} summed over its shares of risks not CLOSED): of one
     * partner, of every partner sharing one project's risks, or of one partner in one project. Partners without such
     * shares are absent.
     */
    public Uni<Map<UUID, BigDecimal>> exposures(UUID partnerId, UUID projectId) {
        StringBuilder hql = new StringBuilder("""
                select a.partnerId, r.likelihood, r.impact, a.sharePercent from Risk r join r.allocations a
                 where r.status <> :closed""");
        if (partnerId != null) {
            hql.append(" and a.partnerId = :partner");
        }
        if (projectId != null) {
            hql.append(" and r.projectId = :project");
        }
        return getSession().chain(session -> {
            var query = session.createSelectionQuery(hql.toString(), Object[].class).setParameter("closed", RiskStatus.CLOSED);
            if (partnerId != null) {
                query.setParameter("partner", partnerId);
            }
            if (projectId != null) {
                query.setParameter("project", projectId);
            }
            return query.getResultList();
        }).map(rows -> {
            Map<UUID, BigDecimal> exposures = new HashMap<>();
            for (Object[] row : rows) {
                exposures.merge((UUID) row[0], Risk.exposure(Risk.score((Integer) row[1], (Integer) row[2]), (BigDecimal) row[3]),
                        BigDecimal::add);
            }
            return exposures;
        });
    }

    /** The risk with its allocations and its open releases (null when there is none). */
    public Uni<Risk> findWithAllocations(UUID id) {
        return find("select distinct r from Risk r left join fetch r.allocations where r.id = ?1", id).firstResult()
                .call(risk -> risk == null ? Uni.createFrom().voidItem() : withOpenReleases(List.of(risk)));
    }

    /** Where the previous page ended: keyset {@code (created_at, id)}, oldest first. */
    public record Position(OffsetDateTime createdAt, UUID id) {
    }

    /**
     * A page of the project's risks with their allocations and open releases, oldest first (the page's ids first, then
     * their allocations).
     */
    public Uni<List<Risk>> page(UUID projectId, Position after, int limit) {
        String query = "select r.id from Risk r where r.projectId = :project"
                + (after == null ? "" : " and (r.createdAt > :at or (r.createdAt = :at and r.id > :id))")
                + " order by r.createdAt, r.id";
        return getSession().chain(session -> {
            var ids = session.createSelectionQuery(query, UUID.class).setParameter("project", projectId);
            if (after != null) {
                ids.setParameter("at", after.createdAt()).setParameter("id", after.id());
            }
            return ids.setMaxResults(limit).getResultList();
        }).chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Risk>of())
                : list("select distinct r from Risk r left join fetch r.allocations where r.id in ?1 order by r.createdAt, r.id", ids)
                        .call(this::withOpenReleases));
    }

    /** The project's risks with their allocations and open releases, oldest first. */
    public Uni<List<Risk>> ofProject(UUID projectId) {
        return list("select distinct r from Risk r left join fetch r.allocations where r.projectId = ?1 order by r.createdAt, r.id",
                projectId).call(this::withOpenReleases);
    }

    /** Attaches to each risk its released shares not yet reallocated (managed: reallocating marks them). */
    public Uni<Void> withOpenReleases(Collection<Risk> loaded) {
        if (loaded.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = loaded.stream().map(Risk::id).toList();
        return getSession().chain(session -> session.createSelectionQuery(
                        "from RiskAllocationRelease where riskId in (:ids) and reallocatedAt is null order by releasedAt, id",
                        RiskAllocationRelease.class).setParameter("ids", ids).getResultList())
                .invoke(releases -> loaded.forEach(risk -> risk.attachOpenReleases(
                        releases.stream().filter(r -> r.riskId().equals(risk.id())).toList())))
                .replaceWithVoid();
    }

    public Uni<Void> record(RiskAllocationRelease release) {
        return getSession().chain(session -> session.persist(release));
    }

    /** Every release of a risk, open or reallocated, oldest first: the allocation's history. */
    public Uni<List<RiskAllocationRelease>> releases(UUID riskId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "from RiskAllocationRelease where riskId = ?1 order by releasedAt, id", RiskAllocationRelease.class)
                .setParameter(1, riskId).getResultList());
    }

    /** Risks not CLOSED with released shares not yet reallocated, oldest first. */
    public Uni<List<Risk>> needingReallocation(UUID projectId) {
        return ofProject(projectId).map(list -> list.stream().filter(Risk::needsReallocation).toList());
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
        return count("projectId = ?1 and status = ?2", projectId, RiskStatus.OPEN);
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
