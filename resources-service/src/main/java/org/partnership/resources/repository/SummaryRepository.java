package org.partnership.resources.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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

    /** What one partner contributes to needs of one dimension ({@code null}: none), of one type and unit. */
    public record PartnerContribution(UUID partnerId, String dimension, String type, String unit, long count,
                                      BigDecimal pledged, BigDecimal delivered) {
    }

    /** Contributions with a net pledge above zero, per partner, dimension of their need, type and unit (issue #19). */
    private static final String CONTRIBUTIONS = """
            select cast(c.partner_id as text), n.dimension, c.type, c.unit, count(*),
                   cast(sum(c.quantity - c.withdrawn) as text), cast(sum(c.delivered) as text)
              from contribution c left join need n on n.id = c.need_id
             where c.project_id = :project and c.quantity - c.withdrawn > 0
             group by c.partner_id, n.dimension, c.type, c.unit
             order by 1, 2 nulls last, 3, 4
            """;

    /** What each partner contributes to the project, per dimension (flushes pending changes first). */
    public Uni<List<PartnerContribution>> contributions(UUID projectId) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(CONTRIBUTIONS, Object[].class)
                .setParameter("project", projectId).getResultList())).map(rows -> {
                    List<PartnerContribution> result = new ArrayList<>();
                    for (Object[] row : rows) {
                        result.add(new PartnerContribution(UUID.fromString((String) row[0]), (String) row[1], (String) row[2],
                                (String) row[3], ((Number) row[4]).longValue(), new BigDecimal((String) row[5]),
                                new BigDecimal((String) row[6])));
                    }
                    return result;
                });
    }

    /** Call inside the transaction that changed the project's needs, contributions or risks. */
    public Uni<Long> nextSequence(UUID projectId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(NEXT).setParameter("project", projectId)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("select sequence from project_summary where project_id = :project", Long.class)
                        .setParameter("project", projectId).getSingleResult()));
    }
}
