package org.partnership.resources.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** What this service knows of a partner, from {@code partners.v1}; only ACTIVE partners contribute. */
@Entity
@Table(name = "partner_replica")
public class PartnerReplica {

    @Id
    private UUID id;

    private String name;

    private String sector;

    private String status;

    private long version;

    protected PartnerReplica() {
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String sector() {
        return sector;
    }

    public String status() {
        return status;
    }

    public long version() {
        return version;
    }
}
