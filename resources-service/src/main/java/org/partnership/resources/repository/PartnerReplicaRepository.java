package org.partnership.resources.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.PartnerReplica;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The partner replica: read by the rules, written only from partners.v1 events. */
@ApplicationScoped
@WithSession
public class PartnerReplicaRepository implements PanacheRepositoryBase<PartnerReplica, UUID> {

    private static final String UPSERT = """
            insert into partner_replica (id, name, sector, status, version)
            values (:id, :name, :sector, :status, :version)
            on conflict (id) do update set name = excluded.name, sector = excluded.sector, status = excluded.status,
                   version = excluded.version
             where partner_replica.version < excluded.version
            """;

    /** Applies a partner snapshot unless the replica already holds this or a newer version; true when applied. */
    public Uni<Boolean> apply(UUID id, String name, String sector, String status, long version) {
        return getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("id", id).setParameter("name", name).setParameter("sector", sector)
                .setParameter("status", status).setParameter("version", version)
                .executeUpdate()).map(rows -> rows > 0);
    }

    public Uni<List<PartnerReplica>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }
}
