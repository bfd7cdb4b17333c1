package org.partnership.partners.domain;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A partner organisation: a municipality, a charity, a company… Its status is changed only by administrators
 * ({@link #changeStatus}); its profile only by its own members ({@link #updateProfile}).
 */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    private UUID id;

    private String name;

    private String legalForm;

    private String registrationNumber;

    private String country;

    @Enumerated(EnumType.STRING)
    private Sector sector;

    @Enumerated(EnumType.STRING)
    private Level level;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] serviceDomains;

    @Convert(converter = org.partnership.partners.repository.CapabilitiesConverter.class)
    private List<Capability> capabilities;

    /** Lower-cased capability tags, kept in step with {@link #capabilities} for indexed search. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] capabilityTags;

    private String description;

    private String website;

    private String contactEmail;

    @Enumerated(EnumType.STRING)
    private PartnerStatus status;

    private String statusReason;

    private String registeredBy;

    @Version
    private long version;

    private OffsetDateTime createdAt;

    private OffsetDateTime updatedAt;

    protected Partner() {
    }

    /** A newly registered partner: pending verification, registered by {@code subject}. */
    public static Partner register(UUID id, Profile profile, Identity identity, String subject) {
        Partner partner = new Partner();
        partner.id = id;
        partner.registrationNumber = identity.registrationNumber().trim();
        partner.country = identity.country().toUpperCase(Locale.ROOT);
        partner.status = PartnerStatus.PENDING_VERIFICATION;
        partner.registeredBy = subject;
        partner.createdAt = now();
        partner.updatedAt = partner.createdAt;
        partner.apply(profile);
        return partner;
    }

    /** What identifies an organisation legally: unique per country. */
    public record Identity(String registrationNumber, String country) {
    }

    /** Everything a partner's members may edit. */
    public record Profile(String name, String legalForm, Sector sector, Level level, List<ServiceDomain> serviceDomains,
                          List<Capability> capabilities, String description, String website, String contactEmail) {
    }

    public void updateProfile(Profile profile) {
        if (status == PartnerStatus.ARCHIVED) {
            throw new PartnerConflictException("archived", "an archived partner cannot be changed");
        }
        apply(profile);
        updatedAt = now();
    }

    public void changeStatus(StatusChange change, String reason) {
        status = change.apply(status);
        statusReason = reason;
        updatedAt = now();
    }

    private void apply(Profile profile) {
        name = profile.name().trim();
        legalForm = profile.legalForm().trim();
        sector = profile.sector();
        level = profile.level();
        serviceDomains = profile.serviceDomains().stream().distinct().map(Enum::name).sorted().toArray(String[]::new);
        capabilities = profile.capabilities() == null ? List.of() : List.copyOf(profile.capabilities());
        capabilityTags = capabilities.stream().map(c -> c.tag().trim().toLowerCase(Locale.ROOT)).distinct().sorted()
                .toArray(String[]::new);
        description = profile.description();
        website = profile.website();
        contactEmail = profile.contactEmail();
    }

    public Profile profile() {
        return new Profile(name, legalForm, sector, level, serviceDomains(), capabilities(), description, website, contactEmail);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String legalForm() {
        return legalForm;
    }

    public String registrationNumber() {
        return registrationNumber;
    }

    public String country() {
        return country;
    }

    public Sector sector() {
        return sector;
    }

    public Level level() {
        return level;
    }

    public List<ServiceDomain> serviceDomains() {
        return serviceDomains == null ? List.of() : Arrays.stream(serviceDomains).map(ServiceDomain::valueOf).toList();
    }

    public List<Capability> capabilities() {
        return capabilities == null ? List.of() : new ArrayList<>(capabilities);
    }

    public String description() {
        return description;
    }

    public String website() {
        return website;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public PartnerStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public long version() {
        return version;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
