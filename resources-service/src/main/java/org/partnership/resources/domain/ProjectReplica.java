package org.partnership.resources.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

/**
 * What this service knows of a project, from {@code projects.v1}: title, status, lead and accepted participants.
 * Written only by the projects consumer (newer versions only); read by every rule here.
 */
@Entity
@Table(name = "project_replica")
public class ProjectReplica {

    @Id
    private UUID id;

    private String title;

    private String status;

    private UUID leadPartnerId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] acceptedPartners;

    private long version;

    protected ProjectReplica() {
    }

    /**
     * A replica with the state the projects consumer records (it writes rows with an upsert, see
     * {@code ProjectReplicaRepository}); for rules and tests that need a project without a database.
     */
    public static ProjectReplica of(UUID id, String title, String status, UUID leadPartnerId,
            Collection<UUID> acceptedPartners, long version) {
        ProjectReplica replica = new ProjectReplica();
        replica.id = id;
        replica.title = title;
        replica.status = status;
        replica.leadPartnerId = leadPartnerId;
        replica.acceptedPartners = acceptedPartners.stream().map(UUID::toString).toArray(String[]::new);
        replica.version = version;
        return replica;
    }

    public boolean isLedBy(UUID partner) {
        return leadPartnerId.equals(partner);
    }

    public boolean hasAccepted(UUID partner) {
        return acceptedPartners != null && Arrays.asList(acceptedPartners).contains(partner.toString());
    }

    /** Partners pledge and propose risks only while the project is OPEN or ACTIVE. */
    public boolean acceptsContributions() {
        return "OPEN".equals(status) || "ACTIVE".equals(status);
    }

    /** Needs may be declared until the project is completed or cancelled. */
    public boolean isClosed() {
        return "COMPLETED".equals(status) || "CANCELLED".equals(status);
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String status() {
        return status;
    }

    public UUID leadPartnerId() {
        return leadPartnerId;
    }

    public long version() {
        return version;
    }
}
