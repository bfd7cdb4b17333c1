package org.partnership.partners.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user (token subject) who represents a partner. A user belongs to at most one partner, and a partner always keeps
 * at least one member: members add colleagues ({@link #join}) and remove members ({@link #removable}), never the last.
 */
@Entity
@Table(name = "partner_member")
public class PartnerMember {

    @Id
    private String userId;

    private UUID partnerId;

    private String username;

    private OffsetDateTime joinedAt;

    protected PartnerMember() {
    }

    public PartnerMember(String userId, UUID partnerId, String username) {
        this.userId = userId;
        this.partnerId = partnerId;
        this.username = username;
        this.joinedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * A user joins {@code partner}, unless they already represent a partner: as recorded here ({@code membership}),
     * or as their account says ({@code claimedPartner}, the partner_id an administrator gave them).
     */
    public static PartnerMember join(Partner partner, String userId, String username, Optional<PartnerMember> membership,
            Optional<UUID> claimedPartner) {
        if (partner.status() == PartnerStatus.ARCHIVED) {
            throw new PartnerConflictException("archived", "an archived partner cannot be changed");
        }
        if (membership.isPresent() || claimedPartner.isPresent()) {
            boolean here = membership.map(m -> m.partnerId().equals(partner.id())).orElse(false)
                    || claimedPartner.filter(partner.id()::equals).isPresent();
            throw new PartnerConflictException("already-member", here
                    ? username + " is already a member of " + partner.name()
                    : username + " already represents another partner; a user represents one partner");
        }
        return new PartnerMember(userId, partner.id(), username);
    }

    /** The member {@code userId} among a partner's {@code members}, who may leave: never the last one. */
    public static PartnerMember removable(Partner partner, List<PartnerMember> members, String userId) {
        PartnerMember member = members.stream().filter(m -> m.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new MemberNotFoundException(partner.id(), userId));
        if (members.size() == 1) {
            throw new PartnerConflictException("last-member", member.username() + " is the last member of " + partner.name()
                    + ": add a colleague before removing them, so that someone still represents it");
        }
        return member;
    }

    public String userId() {
        return userId;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public String username() {
        return username;
    }

    public OffsetDateTime joinedAt() {
        return joinedAt;
    }
}
