package org.partnership.notifications.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The proposals this service reminds of, kept from projects.v1's proposal events in the consumer's transaction:
 * open ones with their deadline, who voted, and whether the reminder went out.
 */
@ApplicationScoped
public class Proposals {

    /** An open proposal whose reminder is due. */
    public record Due(UUID id, UUID projectId, String title, OffsetDateTime deadline) {
    }

    /** A proposal opened: kept unless already known (a redelivery, or closed before this event came again). */
    public Uni<Void> opened(UUID id, UUID projectId, String title, OffsetDateTime deadline) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into proposal_replica (id, project_id, title, deadline) values (:id, :project, :title, :deadline)
                        on conflict (id) do nothing
                        """).setParameter("id", id).setParameter("project", projectId).setParameter("title", title)
                .setParameter("deadline", deadline).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> voted(UUID id, UUID partnerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into proposal_vote (proposal_id, partner_id) values (:id, :partner) on conflict do nothing
                        """).setParameter("id", id).setParameter("partner", partnerId).executeUpdate()).replaceWithVoid();
    }

    /** Decided or expired: closed for good (kept as closed even when its opening was never seen). */
    public Uni<Void> closed(UUID id, UUID projectId, String title, OffsetDateTime deadline) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into proposal_replica (id, project_id, title, deadline, closed) values (:id, :project, :title, :deadline, true)
                        on conflict (id) do update set closed = true
                        """).setParameter("id", id).setParameter("project", projectId).setParameter("title", title)
                .setParameter("deadline", deadline).executeUpdate()).replaceWithVoid();
    }

    /**
     * Locks up to {@code limit} open proposals not reminded of whose deadline is between {@code now} and
     * {@code until} ({@code FOR UPDATE SKIP LOCKED}: another replica's run takes the others). Call in a transaction.
     */
    public Uni<List<Due>> claimDue(OffsetDateTime now, OffsetDateTime until, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id::text, project_id::text, title, deadline from proposal_replica
                         where not closed and reminded_at is null and deadline > :now and deadline <= :until
                         order by deadline, id limit :limit for update skip locked
                        """, Object[].class).setParameter("now", now).setParameter("until", until).setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Due(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]),
                        (String) row[2], deadline(row[3]))).toList());
    }

    public Uni<List<UUID>> voters(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select partner_id::text from proposal_vote where proposal_id = :id", String.class)
                .setParameter("id", id).getResultList())
                .map(rows -> rows.stream().map(UUID::fromString).toList());
    }

    public Uni<Void> reminded(UUID id, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update proposal_replica set reminded_at = :at where id = :id")
                .setParameter("id", id).setParameter("at", at).executeUpdate()).replaceWithVoid();
    }

    private static OffsetDateTime deadline(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
