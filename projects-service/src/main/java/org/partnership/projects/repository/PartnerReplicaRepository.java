package org.partnership.projects.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.projects.domain.PartnerReplica;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The partner replica: read by the project rules, written only by the partners.v1 consumer. */
@ApplicationScoped
@WithSession
public class PartnerReplicaRepository implements PanacheRepositoryBase<PartnerReplica, UUID> {

    /** Inserts or replaces a partner, unless the stored version is the same or newer (so old events never win). */
    private static final String UPSERT = """
            insert into partner_replica (partner_id, name, sector, level, status, version, updated_at)
            values (:id, :name, :sector, :level, :status, :version, :now)
            on conflict (partner_id) do update
               set name = excluded.name, sector = excluded.sector, level = excluded.level, status = excluded.status,
                   version = excluded.version, updated_at = excluded.updated_at
             where partner_replica.version < excluded.version
            """;

    public record Snapshot(UUID partnerId, String name, String sector, String level, String status, long version) {
    }

    /** @return 1 when applied, 0 when the replica already held this version or a newer one */
    public Uni<Integer> upsert(Snapshot partner) {
        return getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("id", partner.partnerId())
                .setParameter("name", partner.name())
                .setParameter("sector", partner.sector())
                .setParameter("level", partner.level())
                .setParameter("status", partner.status())
                .setParameter("version", partner.version())
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate());
    }

    public Uni<Map<UUID, PartnerReplica>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("partnerId in ?1", ids)
                .map(found -> found.stream().collect(Collectors.toMap(PartnerReplica::partnerId, Function.identity())));
    }
}
