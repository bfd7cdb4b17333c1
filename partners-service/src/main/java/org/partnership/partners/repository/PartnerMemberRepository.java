package org.partnership.partners.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.partners.domain.PartnerMember;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class PartnerMemberRepository implements PanacheRepositoryBase<PartnerMember, String> {

    public Uni<List<PartnerMember>> ofPartner(UUID partnerId) {
        return list("partnerId = ?1 order by joinedAt, userId", partnerId);
    }
}
