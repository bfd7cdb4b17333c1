package org.partnership.resources.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What a project needs: a type and quantity (+ unit, + dimension), declared by its lead. */
@Entity
@Table(name = "need")
public class Need {

    @Id
    private UUID id;

    private UUID projectId;

    @Enumerated(EnumType.STRING)
    private ContributionType type;

    @Column(precision = 19, scale = 4)
    private BigDecimal quantity;

    private String unit;

    private String dimension;

    private String description;

    private String createdBy;

    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Need() {
    }

    public static Need declare(UUID id, ProjectReplica project, ContributionType type, BigDecimal quantity, String unit,
            String dimension, String description, String subject, OffsetDateTime now) {
        Need need = new Need();
        need.id = id;
        need.projectId = project.id();
        need.type = type;
        need.quantity = quantity;
        need.unit = unit.trim();
        need.dimension = dimension == null || dimension.isBlank() ? null : dimension.trim();
        need.description = description;
        need.createdBy = subject;
        need.createdAt = now;
        return need;
    }

    /** A contribution may cover this need only with the same type and unit, so coverage adds up. */
    public void requireCoverableBy(ContributionType contributionType, String contributionUnit) {
        if (type != contributionType || !unit.equalsIgnoreCase(contributionUnit.trim())) {
            throw new InvalidResourceException("needId", "need " + id + " asks for " + type + " in '" + unit
                    + "'; a contribution covering it must have the same type and unit");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public ContributionType type() {
        return type;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public String unit() {
        return unit;
    }

    public String dimension() {
        return dimension;
    }

    public String description() {
        return description;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
