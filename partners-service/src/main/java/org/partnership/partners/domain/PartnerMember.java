package org.partnership.partners.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A user (token subject) who represents a partner. A user belongs to at most one partner. */
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
