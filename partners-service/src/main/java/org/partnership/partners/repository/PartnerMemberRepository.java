package org.partnership.partners.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.partners.domain.PartnerMember;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class PartnerMemberRepository implements PanacheRepositoryBase<PartnerMember, String> {

    /** Where the previous page ended: keyset {@code (joined_at, user_id)}, earliest joined first. */
    public record Position(OffsetDateTime joinedAt, String userId) {
    }

    /** A page of the partner's members, earliest joined first. */
    public Uni<List<PartnerMember>> page(UUID partnerId, Position after, int limit) {
        String query = "partnerId = :partner"
                + (after == null ? "" : " and (joinedAt > :at or (joinedAt = :at and userId > :user))")
                + " order by joinedAt, userId";
        Parameters params = Parameters.with("partner", partnerId);
        if (after != null) {
            params = params.and("at", after.joinedAt()).and("user", after.userId());
        }
        return find(query, params).page(0, limit).list();
    }

    /** Every member of the partner (at most a handful), earliest joined first. */
    public Uni<List<PartnerMember>> ofPartner(UUID partnerId) {
        return list("partnerId = ?1 order by joinedAt, userId", partnerId);
    }
}
