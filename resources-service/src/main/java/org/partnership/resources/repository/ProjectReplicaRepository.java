package org.partnership.resources.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.ProjectReplica;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The project replica: read by the rules, written only from projects.v1 events. */
@ApplicationScoped
@WithSession
public class ProjectReplicaRepository implements PanacheRepositoryBase<ProjectReplica, UUID> {

    private static final String UPSERT = """
            insert into project_replica (id, title, status, lead_partner_id, accepted_partners, version)
            values (:id, :title, :status, :lead, string_to_array(:accepted, ','), :version)
            on conflict (id) do update set title = excluded.title, status = excluded.status,
                   lead_partner_id = excluded.lead_partner_id, accepted_partners = excluded.accepted_partners,
                   version = excluded.version
             where project_replica.version < excluded.version
            """;

    /** Applies a project snapshot unless the replica already holds this or a newer version; true when applied. */
    public Uni<Boolean> apply(UUID id, String title, String status, UUID lead, List<UUID> accepted, long version) {
        String acceptedList = String.join(",", accepted.stream().map(UUID::toString).distinct().sorted().toList());
        return getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("id", id).setParameter("title", title).setParameter("status", status)
                .setParameter("lead", lead).setParameter("accepted", acceptedList).setParameter("version", version)
                .executeUpdate()).map(rows -> rows > 0);
    }

    public Uni<List<ProjectReplica>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }
}
