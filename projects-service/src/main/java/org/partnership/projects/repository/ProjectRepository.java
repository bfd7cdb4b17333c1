package org.partnership.projects.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.projects.domain.Project;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Project queries. Lists are keyset-paginated newest first: {@code (created_at desc, id desc)}. */
@ApplicationScoped
@WithSession
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    /**
     * List filters; {@code null} means "any". {@code everything}: no visibility limit (auditors);
     * {@code acceptedBy}: only projects where that partner is an ACCEPTED participant ("mine");
     * otherwise OPEN projects plus those {@code viewer} has a place in.
     */
    public record Filter(String status, String dimension, boolean everything, UUID acceptedBy, UUID viewer) {
    }

    /** Where the previous page ended. */
    public record Position(OffsetDateTime createdAt, UUID id) {
    }

    /** The project with its participants loaded, or null. */
    public Uni<Project> findWithParticipants(UUID id) {
        // no firstResult(): a limit with a collection fetch would be applied in memory
        return list("select distinct p from Project p left join fetch p.participants where p.id = ?1", id)
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** One page of projects (participants loaded), after {@code after}, at most {@code limit}. */
    public Uni<List<Project>> search(Filter filter, Position after, int limit) {
        StringBuilder sql = new StringBuilder("select p.* from project p where true");
        List<Object[]> params = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" and p.status = :status");
            params.add(new Object[] {"status", filter.status()});
        }
        if (filter.dimension() != null) {
            sql.append(" and p.dimensions @> array[cast(:dimension as text)]");
            params.add(new Object[] {"dimension", filter.dimension()});
        }
        if (filter.acceptedBy() != null) {
            sql.append(" and exists (select 1 from participant pa where pa.project_id = p.id and pa.partner_id = :mine"
                    + " and pa.status = 'ACCEPTED')");
            params.add(new Object[] {"mine", filter.acceptedBy()});
        } else if (!filter.everything()) {
            if (filter.viewer() == null) {
                sql.append(" and p.status = 'OPEN'");
            } else {
                sql.append(" and (p.status = 'OPEN' or exists (select 1 from participant pa where pa.project_id = p.id"
                        + " and pa.partner_id = :viewer))");
                params.add(new Object[] {"viewer", filter.viewer()});
            }
        }
        if (after != null) {
            sql.append(" and (p.created_at, p.id) < (:afterAt, :afterId)");
            params.add(new Object[] {"afterAt", after.createdAt()});
            params.add(new Object[] {"afterId", after.id()});
        }
        sql.append(" order by p.created_at desc, p.id desc limit :limit");
        params.add(new Object[] {"limit", limit});
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Project.class);
            params.forEach(p -> query.setParameter((String) p[0], p[1]));
            return query.getResultList();
        }).chain(this::withParticipants);
    }

    /** The same projects, in the same order, with their participants loaded. */
    public Uni<List<Project>> withParticipants(List<Project> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(page);
        }
        List<UUID> ids = page.stream().map(Project::id).toList();
        return list("select distinct p from Project p left join fetch p.participants where p.id in ?1", ids)
                .map(loaded -> {
                    Map<UUID, Project> byId = loaded.stream().collect(Collectors.toMap(Project::id, Function.identity()));
                    return ids.stream().map(byId::get).toList();
                });
    }

}
