package org.partnership.projects.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.panache.common.Parameters;
import org.partnership.projects.domain.Participant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Participations: a project's participants and the invitations waiting for a partner across projects, both oldest
 * invited first, keyset {@code (invited_at, id)}.
 */
@ApplicationScoped
@WithSession
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    public record Position(OffsetDateTime invitedAt, UUID id) {
    }

    /** Open invitations of the partner in projects that are not closed, with their project loaded. */
    public Uni<List<Participant>> invitations(UUID partnerId, Position after, int limit) {
        String query = "from Participant pa join fetch pa.project p where pa.partnerId = :partner and pa.status = 'INVITED'"
                + " and p.status in ('DRAFT', 'OPEN', 'ACTIVE')"
                + (after == null ? "" : " and (pa.invitedAt > :afterAt or (pa.invitedAt = :afterAt and pa.id > :afterId))")
                + " order by pa.invitedAt, pa.id";
        Parameters params = Parameters.with("partner", partnerId);
        if (after != null) {
            params = params.and("afterAt", after.invitedAt()).and("afterId", after.id());
        }
        return find(query, params).page(0, limit).list();
    }

    /** A page of a project's participants (the lead included), oldest invited first. */
    public Uni<List<Participant>> ofProject(UUID projectId, Position after, int limit) {
        String query = "from Participant pa where pa.project.id = :project"
                + (after == null ? "" : " and (pa.invitedAt > :afterAt or (pa.invitedAt = :afterAt and pa.id > :afterId))")
                + " order by pa.invitedAt, pa.id";
        Parameters params = Parameters.with("project", projectId);
        if (after != null) {
            params = params.and("afterAt", after.invitedAt()).and("afterId", after.id());
        }
        return find(query, params).page(0, limit).list();
    }
}
