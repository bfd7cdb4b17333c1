package org.partnership.projects.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What this service knows about a partner organisation, kept from partners.v1 (read-only here: written only by the
 * partner event consumer, newest version wins). The source of every participant's name, sector and status.
 */
@Entity
@Table(name = "partner_replica")
public class PartnerReplica {

    public static final String ACTIVE = "ACTIVE";

    @Id
    private UUID partnerId;

    private String name;

    private String sector;

    private String level;

    private String status;

    private long version;

    private OffsetDateTime updatedAt;

    protected PartnerReplica() {
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public UUID partnerId() {
        return partnerId;
    }

    public String name() {
        return name;
    }

    public String sector() {
        return sector;
    }

    public String level() {
        return level;
    }

    public String status() {
        return status;
    }

    public long version() {
        return version;
    }
}
