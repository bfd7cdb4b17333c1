package org.partnership.resources.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.Contribution;
import org.partnership.resources.domain.ContributionStatus;
import org.partnership.resources.domain.ContributionType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The contribution ledger's queries. Lists are keyset-paginated by {@code (created_at, id)}; commitments totals are
 * aggregated in PostgreSQL over the {@code (partner_id, created_at, id)} or {@code (project_id, created_at, id)} index.
 */
@ApplicationScoped
@WithSession
public class ContributionRepository implements PanacheRepositoryBase<Contribution, UUID> {

    private static final List<ContributionStatus> OPEN = List.of(ContributionStatus.PLEDGED, ContributionStatus.PARTIALLY_DELIVERED);

    /** List filters; {@code null} means "any". */
    public record Filter(UUID projectId, UUID partnerId, ContributionStatus status, Boolean overdue, LocalDate today) {
    }

    /** Where the previous page ended. */
    public record Position(OffsetDateTime createdAt, UUID id) {
    }

    /** A contribution with the title of its project (from the replica). */
    public record Item(Contribution contribution, String projectTitle) {
    }

    /** Whose totals: one partner (optionally in one project), or every partner of one project. */
    public record Scope(UUID partnerId, UUID projectId) {
    }

    /** Delivered counts the deliveries that stand (not disputed); confirmed is part of it; disputed is not. */
    public record TypeTotal(UUID partnerId, ContributionType type, String unit, BigDecimal pledged, BigDecimal delivered,
                            BigDecimal confirmed, BigDecimal disputed, BigDecimal remaining) {
    }

    public record CurrencyTotal(UUID partnerId, String currency, BigDecimal pledged, BigDecimal delivered, BigDecimal confirmed,
                                BigDecimal disputed, BigDecimal remaining) {
    }

    public record Stats(UUID partnerId, long contributions, BigDecimal fulfilmentRatio, long overdue) {
    }

    /** One page of contributions matching the filter, after {@code after}, at most {@code limit} (no limit when 0). */
    public Uni<List<Item>> search(Filter filter, Position after, int limit) {
        StringBuilder hql = new StringBuilder("select c, p.title from Contribution c left join ProjectReplica p on p.id = c.projectId where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.projectId() != null) {
            hql.append(" and c.projectId = :project");
            params.put("project", filter.projectId());
        }
        if (filter.partnerId() != null) {
            hql.append(" and c.partnerId = :partner");
            params.put("partner", filter.partnerId());
        }
        if (filter.status() != null) {
            hql.append(" and c.status = :status");
            params.put("status", filter.status());
        }
        if (filter.overdue() != null) {
            hql.append(filter.overdue()
                    ? " and c.dueDate < :today and c.status in (:open)"
                    : " and (c.dueDate is null or c.dueDate >= :today or c.status not in (:open))");
            params.put("today", filter.today());
            params.put("open", OPEN);
        }
        if (after != null) {
            hql.append(" and (c.createdAt > :afterAt or (c.createdAt = :afterAt and c.id > :afterId))");
            params.put("afterAt", after.createdAt());
            params.put("afterId", after.id());
        }
        hql.append(" order by c.createdAt, c.id");
        return getSession().chain(session -> {
            var query = session.createSelectionQuery(hql.toString(), Object[].class);
            params.forEach(query::setParameter);
            if (limit > 0) {
                query.setMaxResults(limit);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(row -> new Item((Contribution) row[0], (String) row[1])).toList());
    }

    /** Open pledges past due whose overdue notice has not gone out; locked, skipping rows another job holds. */
    public Uni<List<UUID>> claimNewlyOverdue(LocalDate today, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select cast(id as text) from contribution
                         where status in ('PLEDGED', 'PARTIALLY_DELIVERED') and due_date < :today and overdue_since is null
                         order by due_date, id limit :limit for update skip locked
                        """, String.class)
                .setParameter("today", today).setParameter("limit", limit).getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }

    public Uni<List<TypeTotal>> totalsByType(Scope scope) {
        String sql = """
                select cast(partner_id as text), type, unit, cast(sum(quantity - withdrawn) as text), cast(sum(delivered) as text),
                       cast(sum(confirmed) as text), cast(sum(disputed) as text),
                       cast(sum(case when status in ('PLEDGED', 'PARTIALLY_DELIVERED') then quantity - delivered - disputed else 0 end) as text)
                  from contribution where %s
                 group by partner_id, type, unit order by partner_id, type, unit
                """.formatted(where(scope));
        return rows(sql, scope).map(rows -> rows.stream().map(r -> new TypeTotal(UUID.fromString((String) r[0]),
                ContributionType.valueOf((String) r[1]), (String) r[2], decimal(r[3]), decimal(r[4]), decimal(r[5]), decimal(r[6]),
                decimal(r[7]))).toList());
    }

    /** Valuation totals per currency; delivered, confirmed, disputed and remaining are valued pro rata of the pledged quantity. */
    public Uni<List<CurrencyTotal>> totalsByCurrency(Scope scope) {
        String sql = """
                select cast(partner_id as text), valuation_currency,
                       cast(sum(round(valuation_amount * (quantity - withdrawn) / quantity, 4)) as text),
                       cast(sum(round(valuation_amount * delivered / quantity, 4)) as text),
                       cast(sum(round(valuation_amount * confirmed / quantity, 4)) as text),
                       cast(sum(round(valuation_amount * disputed / quantity, 4)) as text),
                       cast(sum(case when status in ('PLEDGED', 'PARTIALLY_DELIVERED')
                                     then round(valuation_amount * (quantity - delivered - disputed) / quantity, 4) else 0 end) as text)
                  from contribution where %s and valuation_currency is not null
                 group by partner_id, valuation_currency order by partner_id, valuation_currency
                """.formatted(where(scope));
        return rows(sql, scope).map(rows -> rows.stream().map(r -> new CurrencyTotal(UUID.fromString((String) r[0]),
                (String) r[1], decimal(r[2]), decimal(r[3]), decimal(r[4]), decimal(r[5]), decimal(r[6]))).toList());
    }

    /**
     * Per partner: number of contributions, fulfilment ratio (mean confirmed share of each pledge: unreviewed and
     * disputed deliveries do not count yet, withdrawals count against it) and overdue count.
     */
    public Uni<List<Stats>> stats(Scope scope, LocalDate today) {
        String sql = """
                select cast(partner_id as text), count(*), cast(round(avg(confirmed / quantity), 4) as text),
                       count(*) filter (where due_date < :today and status in ('PLEDGED', 'PARTIALLY_DELIVERED'))
                  from contribution where %s group by partner_id
                 order by partner_id
                """.formatted(where(scope));
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setParameter("today", today);
            bind(query, scope);
            return query.getResultList();
        }).map(rows -> rows.stream().map(r -> new Stats(UUID.fromString((String) r[0]), ((Number) r[1]).longValue(),
                decimal(r[2]), ((Number) r[3]).longValue())).toList());
    }

    private Uni<List<Object[]>> rows(String sql, Scope scope) {
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            bind(query, scope);
            return query.getResultList();
        });
    }

    private static String where(Scope scope) {
        List<String> conditions = new ArrayList<>();
        if (scope.partnerId() != null) {
            conditions.add("partner_id = :partner");
        }
        if (scope.projectId() != null) {
            conditions.add("project_id = :project");
        }
        return String.join(" and ", conditions);
    }

    private static void bind(org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<?> query, Scope scope) {
        if (scope.partnerId() != null) {
            query.setParameter("partner", scope.partnerId());
        }
        if (scope.projectId() != null) {
            query.setParameter("project", scope.projectId());
        }
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal((String) value);
    }
}
