package org.partnership.partners.domain;

import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
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
import java.util.Objects;
import java.util.UUID;

/**
 * A partner organisation: a municipality, a charity, a company… Its status is changed only by administrators
 * ({@link #changeStatus}). Its members change its profile ({@link #proposeProfile}), except the fields an
 * administrator vouched for when verifying it (name, legal form, sector; registration number and country never
 * change): a member's change to those is a {@link PendingChange} that only takes effect once an administrator
 * approves it. Administrators change the whole profile directly ({@link #updateProfile}).
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

    @Embedded
    private PendingChange pendingChange;

    private String changeRejectionReason;

    private OffsetDateTime changeRejectedAt;

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

    /**
     * An administrator's change: the whole profile takes effect at once. Proposed values it makes current drop out
     * of the pending change.
     */
    public void updateProfile(Profile profile) {
        requireNotArchived();
        apply(profile);
        if (pendingChange != null) {
            pendingChange = pendingOf(pendingChange.name(), pendingChange.legalForm(), pendingChange.sector(),
                    pendingChange.proposedBy(), pendingChange.proposedAt());
        }
        updatedAt = now();
    }

    /**
     * A member's change, based on {@link #proposedProfile()}: every field but name, legal form and sector takes
     * effect at once; those three, where they differ from the values in force, become the pending change (replacing
     * the previous proposal; a value set back to the one in force is no longer proposed). Returns whether it leaves
     * a change pending.
     */
    public boolean proposeProfile(Profile profile, String proposedBy) {
        requireNotArchived();
        PendingChange before = pendingChange;
        apply(new Profile(name, legalForm, sector, profile.level(), profile.serviceDomains(), profile.capabilities(),
                profile.description(), profile.website(), profile.contactEmail()));
        PendingChange proposal = pendingOf(profile.name().trim(), profile.legalForm().trim(), profile.sector(), proposedBy, now());
        boolean same = before != null && proposal != null && Objects.equals(before.name(), proposal.name())
                && Objects.equals(before.legalForm(), proposal.legalForm()) && before.sector() == proposal.sector();
        pendingChange = same ? before : proposal;
        updatedAt = now();
        return pendingChange != null;
    }

    /** The profile as its members would have it: the values in force with the pending change applied. */
    public Profile proposedProfile() {
        if (pendingChange == null) {
            return profile();
        }
        return new Profile(pendingChange.name() != null ? pendingChange.name() : name,
                pendingChange.legalForm() != null ? pendingChange.legalForm() : legalForm,
                pendingChange.sector() != null ? pendingChange.sector() : sector,
                level, serviceDomains(), capabilities(), description, website, contactEmail);
    }

    /** An administrator puts the pending change in force. */
    public void approvePendingChange() {
        requireNotArchived();
        requirePendingChange();
        apply(proposedProfile());
        pendingChange = null;
        changeRejectionReason = null;
        changeRejectedAt = null;
        updatedAt = now();
    }

    /** An administrator discards the pending change, saying why; the values in force stay. */
    public void rejectPendingChange(String reason) {
        requireNotArchived();
        requirePendingChange();
        pendingChange = null;
        changeRejectionReason = reason;
        changeRejectedAt = now();
        updatedAt = changeRejectedAt;
    }

    private PendingChange requirePendingChange() {
        if (pendingChange == null) {
            throw new PartnerConflictException("no-pending-change", "partner " + name + " has no change pending verification");
        }
        return pendingChange;
    }

    private PendingChange pendingOf(String proposedName, String proposedLegalForm, Sector proposedSector, String by,
            OffsetDateTime at) {
        PendingChange change = new PendingChange(PendingChange.differing(proposedName, name),
                PendingChange.differing(proposedLegalForm, legalForm), PendingChange.differing(proposedSector, sector), by, at);
        return change.isEmpty() ? null : change;
    }

    private void requireNotArchived() {
        if (status == PartnerStatus.ARCHIVED) {
            throw new PartnerConflictException("archived", "an archived partner cannot be changed");
        }
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

    /** The change of name, legal form or sector a member proposed, not yet in force; null when there is none. */
    public PendingChange pendingChange() {
        return pendingChange;
    }

    /** Why an administrator rejected the last proposed change (until the next one is approved); null otherwise. */
    public String changeRejectionReason() {
        return changeRejectionReason;
    }

    public OffsetDateTime changeRejectedAt() {
        return changeRejectedAt;
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
