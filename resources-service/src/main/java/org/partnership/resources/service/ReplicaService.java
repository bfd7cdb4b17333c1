package org.partnership.resources.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.ProjectReplica;
import org.partnership.resources.domain.RiskAllocationRelease;
import org.partnership.resources.repository.PartnerReplicaRepository;
import org.partnership.resources.repository.ProjectReplicaRepository;

import java.util.List;
import java.util.UUID;

/**
 * Keeps the partner and project replicas from events: a snapshot is applied only when its version is newer than
 * the replica's, so redelivered or reordered events never move a replica back. Runs inside the inbox's transaction.
 */
@ApplicationScoped
public class ReplicaService {

    private final PartnerReplicaRepository partners;
    private final ProjectReplicaRepository projects;
    private final DepartureService departures;

    public ReplicaService(PartnerReplicaRepository partners, ProjectReplicaRepository projects, DepartureService departures) {
        this.partners = partners;
        this.projects = projects;
        this.departures = departures;
    }

    public Uni<Void> partner(UUID id, String name, String sector, String status, long version) {
        return partners.apply(id, name, sector, status, version)
                .invoke(applied -> Log.debugf("partner %s version %d %s", id, version, applied ? "applied" : "is not newer; skipped"))
                .replaceWithVoid();
    }

    /**
     * {@code accepted}: the partners whose participation is ACCEPTED (the lead included). When the snapshot is newer
     * than the replica, partners no longer accepted have their risk shares released ({@link DepartureService}).
     */
    public Uni<Void> project(UUID id, String title, String status, UUID lead, List<UUID> accepted, long version,
            RiskAllocationRelease.Departure departure) {
        return projects.apply(id, title, status, lead, accepted, version)
                .invoke(applied -> Log.debugf("project %s version %d %s", id, version, applied ? "applied" : "is not newer; skipped"))
                .chain(applied -> applied
                        ? departures.releaseDeparted(ProjectReplica.of(id, title, status, lead, accepted, version), departure)
                        : Uni.createFrom().voidItem());
    }
}
