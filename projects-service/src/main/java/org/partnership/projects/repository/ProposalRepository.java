package org.partnership.projects.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.projects.domain.Proposal;
import org.partnership.projects.domain.ProposalType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Proposals and their votes. A project's list is newest first, keyset {@code (created_at desc, id desc)}; "awaiting my
 * vote" soonest deadline first, keyset {@code (deadline, id)}.
 */
@ApplicationScoped
@WithSession
public class ProposalRepository implements PanacheRepositoryBase<Proposal, UUID> {

    /** The unique index that lets one proposal per typed decision be open (V4). */
    public static final String ONE_OPEN_DECISION = "proposal_one_open_decision";

    public record Position(OffsetDateTime at, UUID id) {
    }

    /** The project's proposal with its votes, or null. */
    public Uni<Proposal> findWithVotes(UUID projectId, UUID id) {
        return list("select distinct p from Proposal p left join fetch p.votes where p.id = ?1 and p.projectId = ?2", id, projectId)
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** One page of the project's proposals (votes loaded), optionally of one status. */
    public Uni<List<Proposal>> page(UUID projectId, String status, Position after, int limit) {
        String query = "from Proposal p where p.projectId = :project" + (status == null ? "" : " and p.status = :status")
                + (after == null ? "" : " and (p.createdAt < :afterAt or (p.createdAt = :afterAt and p.id < :afterId))")
                + " order by p.createdAt desc, p.id desc";
        Parameters params = Parameters.with("project", projectId);
        if (status != null) {
            params = params.and("status", org.partnership.projects.domain.Governance.Outcome.valueOf(status));
        }
        if (after != null) {
            params = params.and("afterAt", after.at()).and("afterId", after.id());
        }
        return find(query, params).page(0, limit).list().chain(this::withVotes);
    }

    /** The project's OPEN proposals with their votes. */
    public Uni<List<Proposal>> open(UUID projectId) {
        return list("select distinct p from Proposal p left join fetch p.votes where p.projectId = ?1 and p.status = 'OPEN'"
                + " order by p.createdAt, p.id", projectId);
    }

    /** The open proposal of this typed decision, or null. */
    public Uni<Proposal> openDecision(UUID projectId, String decisionKey) {
        return find("projectId = ?1 and decisionKey = ?2 and status = 'OPEN'", projectId, decisionKey).firstResult();
    }

    /** Whether a proposal of the type passed in the project (applied or not). */
    public Uni<Boolean> passed(UUID projectId, ProposalType type) {
        return count("projectId = ?1 and type = ?2 and status = 'PASSED'", projectId, type).map(n -> n > 0);
    }

    /**
     * OPEN proposals, before their deadline, of projects where the partner is an ACCEPTED participant, that the partner
     * has not voted on (or whose vote was voided): soonest deadline first.
     */
    public Uni<List<Proposal>> awaiting(UUID partnerId, OffsetDateTime now, Position after, int limit) {
        String sql = """
                select p.* from proposal p
                  join participant pa on pa.project_id = p.project_id and pa.partner_id = :me and pa.status = 'ACCEPTED'
                 where p.status = 'OPEN' and p.deadline > :now
                   and not exists (select 1 from vote v where v.proposal_id = p.id and v.partner_id = :me and v.voided_at is null)
                """ + (after == null ? "" : " and (p.deadline, p.id) > (:afterAt, :afterId)") + " order by p.deadline, p.id limit :limit";
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Proposal.class).setParameter("me", partnerId).setParameter("now", now)
                    .setParameter("limit", limit);
            if (after != null) {
                query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
            }
            return query.getResultList();
        }).chain(this::withVotes);
    }

    /** OPEN proposals whose deadline has come; locked, skipping rows another instance of the job holds. */
    public Uni<List<UUID>> claimDue(OffsetDateTime now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select cast(id as text) from proposal
                         where status = 'OPEN' and deadline <= :now
                         order by deadline, id limit :limit for update skip locked
                        """, String.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }

    /** The same proposals, in the same order, with their votes loaded. */
    public Uni<List<Proposal>> withVotes(List<Proposal> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(page);
        }
        List<UUID> ids = page.stream().map(Proposal::id).toList();
        return list("select distinct p from Proposal p left join fetch p.votes where p.id in ?1", ids).map(loaded -> {
            Map<UUID, Proposal> byId = loaded.stream().collect(Collectors.toMap(Proposal::id, Function.identity()));
            return ids.stream().map(byId::get).toList();
        });
    }
}
