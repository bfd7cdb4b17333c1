package org.partnership.partners.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.partners.domain.Partner;
import org.partnership.partners.domain.PartnerStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Partner queries. Lists are keyset-paginated in alphabetical order: {@code (lower(name), id)}. */
@ApplicationScoped
@WithSession
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    /** Search filters; {@code null} means "any". */
    public record Filter(PartnerStatus status, String sector, String domain, String capability, String text) {
    }

    /** Where the previous page ended. */
    public record Position(String lowerName, UUID id) {
    }

    public Uni<Boolean> registrationExists(String country, String registrationNumber) {
        return count("country = ?1 and registrationNumber = ?2", country, registrationNumber).map(n -> n > 0);
    }

    /**
     * One page of partners matching the filter, after {@code after}, at most {@code limit}. Broad filters walk the
     * {@code (status, lower(name), id)} index in order; selective ones (a capability tag, a piece of the name) first
     * collect the matching ids through their GIN indexes and sort only those, so a rare tag never turns into a walk
     * over the whole registry.
     */
    public Uni<List<Partner>> search(Filter filter, Position after, int limit) {
        StringBuilder where = new StringBuilder("status = :status");
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[] {"status", filter.status().name()});
        if (filter.sector() != null) {
            where.append(" and sector = :sector");
            params.add(new Object[] {"sector", filter.sector()});
        }
        if (filter.domain() != null) {
            where.append(" and service_domains @> array[cast(:domain as text)]");
            params.add(new Object[] {"domain", filter.domain()});
        }
        if (filter.capability() != null) {
            where.append(" and capability_tags @> array[cast(:capability as text)]");
            params.add(new Object[] {"capability", filter.capability().toLowerCase(Locale.ROOT)});
        }
        if (filter.text() != null) {
            where.append(" and lower(name) like :text");
            params.add(new Object[] {"text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%"});
        }
        String page = "";
        if (after != null) {
            page = " and (lower(name), id) > (:afterName, :afterId)";
            params.add(new Object[] {"afterName", after.lowerName()});
            params.add(new Object[] {"afterId", after.id()});
        }
        params.add(new Object[] {"limit", limit});
        boolean selective = filter.capability() != null || filter.text() != null;
        String sql = selective
                ? "with matches as materialized (select id, lower(name) as sort_name from partner where " + where + page + ")"
                        + " select p.* from partner p join (select id, sort_name from matches order by sort_name, id limit :limit) m"
                        + " on m.id = p.id order by m.sort_name, m.id"
                : "select * from partner where " + where + page + " order by lower(name), id limit :limit";
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Partner.class);
            params.forEach(p -> query.setParameter((String) p[0], p[1]));
            return query.getResultList();
        });
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
