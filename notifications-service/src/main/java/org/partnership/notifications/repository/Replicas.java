package org.partnership.notifications.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.notifications.domain.Recipient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What this service knows of partners, their members and projects, kept from partners.v1 and projects.v1 in the
 * consumers' transactions (the inbox's session): never read from another service's database.
 */
@ApplicationScoped
public class Replicas {

    /** A project as the notifications need it. */
    public record Project(UUID id, String title, UUID leadPartnerId, List<UUID> acceptedPartners) {
    }

    private static final String PARTNER = """
            insert into partner_replica (id, name, status, version) values (:id, :name, :status, :version)
            on conflict (id) do update set name = excluded.name, status = excluded.status, version = excluded.version
             where partner_replica.version < excluded.version
            """;

    private static final String PROJECT = """
            insert into project_replica (id, title, lead_partner_id, accepted_partners, version)
            values (:id, :title, :lead, string_to_array(:accepted, ','), :version)
            on conflict (id) do update set title = excluded.title, lead_partner_id = excluded.lead_partner_id,
                   accepted_partners = excluded.accepted_partners, version = excluded.version
             where project_replica.version < excluded.version
            """;

    private static final String MEMBER = """
            insert into member (partner_id, user_id, username, email, locale) values (:partner, :user, :username, :email, :locale)
            on conflict (partner_id, user_id) do update set username = excluded.username,
                   email = coalesce(excluded.email, member.email), locale = coalesce(excluded.locale, member.locale)
            """;

    public Uni<Void> partner(UUID id, String name, String status, long version) {
        return update(PARTNER, Map.of("id", id, "name", name, "status", status, "version", version));
    }

    public Uni<Void> project(UUID id, String title, UUID lead, Collection<UUID> accepted, long version) {
        String list = String.join(",", accepted.stream().map(UUID::toString).distinct().sorted().toList());
        return update(PROJECT, Map.of("id", id, "title", title, "lead", lead, "accepted", list, "version", version));
    }

    public Uni<Void> addMember(UUID partner, String userId, String username, String email, String locale) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MEMBER)
                .setParameter("partner", partner).setParameter("user", userId).setParameter("username", username)
                .setParameter("email", email).setParameter("locale", locale).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> removeMember(UUID partner, String userId) {
        return update("delete from member where partner_id = :partner and user_id = :user", Map.of("partner", partner, "user", userId));
    }

    /** The members of these partners, each user once (in the order of the partners given). */
    public Uni<List<Recipient>> members(Collection<UUID> partners) {
        if (partners.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select user_id, username, email, locale, partner_id::text from member where partner_id in (:partners) "
                                + "order by username, user_id", Object[].class)
                .setParameter("partners", List.copyOf(partners)).getResultList())
                .map(rows -> {
                    Map<String, Recipient> byUser = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        byUser.putIfAbsent((String) row[0], new Recipient((String) row[0], (String) row[1], (String) row[2], (String) row[3]));
                    }
                    return new ArrayList<>(byUser.values());
                });
    }

    public Uni<Optional<String>> partnerName(UUID id) {
        if (id == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select name, status from partner_replica where id = :id", Object[].class)
                .setParameter("id", id).getResultList())
                .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0)[0]));
    }

    public Uni<Optional<Project>> project(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select title, lead_partner_id::text, array_to_string(accepted_partners, ',') from project_replica where id = :id",
                        Object[].class)
                .setParameter("id", id).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return Optional.empty();
                    }
                    Object[] row = rows.get(0);
                    String accepted = (String) row[2];
                    List<UUID> partners = accepted == null || accepted.isBlank() ? List.of()
                            : java.util.Arrays.stream(accepted.split(",")).map(UUID::fromString).toList();
                    return Optional.of(new Project(id, (String) row[0], UUID.fromString((String) row[1]), partners));
                });
    }

    private static Uni<Void> update(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
