package org.partnership.resources.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.Need;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Needs and their coverage: pledged (net of withdrawals), delivered (deliveries that stand: disputed ones do not),
 * confirmed (part of delivered) and disputed against each need.
 */
@ApplicationScoped
@WithSession
public class NeedRepository implements PanacheRepositoryBase<Need, UUID> {

    /** Pledged, delivered, confirmed and disputed against one need. */
    public record Coverage(BigDecimal pledged, BigDecimal delivered, BigDecimal confirmed, BigDecimal disputed) {
        public static final Coverage NONE = new Coverage(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static final String COVERAGE = """
            select cast(n.id as text), cast(coalesce(sum(c.quantity - c.withdrawn), 0) as text),
                   cast(coalesce(sum(c.delivered), 0) as text), cast(coalesce(sum(c.confirmed), 0) as text),
                   cast(coalesce(sum(c.disputed), 0) as text)
              from need n left join contribution c on c.need_id = n.id
             where n.project_id = :project
             group by n.id
            """;

    /** Where the previous page ended: keyset {@code (created_at, id)}, oldest first. */
    public record Position(OffsetDateTime createdAt, UUID id) {
    }

    /** A page of the project's needs, oldest first. */
    public Uni<List<Need>> page(UUID projectId, Position after, int limit) {
        String query = "projectId = :project"
                + (after == null ? "" : " and (createdAt > :at or (createdAt = :at and id > :id))")
                + " order by createdAt, id";
        Parameters params = Parameters.with("project", projectId);
        if (after != null) {
            params = params.and("at", after.createdAt()).and("id", after.id());
        }
        return find(query, params).page(0, limit).list();
    }

    public Uni<List<Need>> ofProject(UUID projectId) {
        return list("projectId = ?1 order by createdAt, id", projectId);
    }

    /** Coverage of every need of the project (flushes pending changes first, so the transaction's own count). */
    public Uni<Map<UUID, Coverage>> coverage(UUID projectId) {
        return getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(COVERAGE, Object[].class)
                .setParameter("project", projectId).getResultList())).map(rows -> {
                    Map<UUID, Coverage> coverage = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        coverage.put(UUID.fromString((String) row[0]),
                                new Coverage(new BigDecimal((String) row[1]), new BigDecimal((String) row[2]),
                                        new BigDecimal((String) row[3]), new BigDecimal((String) row[4])));
                    }
                    return coverage;
                });
    }
}
