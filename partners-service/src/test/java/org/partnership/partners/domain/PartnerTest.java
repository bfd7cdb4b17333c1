package org.partnership.partners.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The partner aggregate's rules as plain JUnit: registration, the status lifecycle only administrators drive,
 * profile edits, and who sees what. They need no database or Quarkus.
 */
class PartnerTest {

    @Test
    void shouldRegisterAsPendingVerificationWithANormalisedIdentity() {
        Partner partner = Partner.register(UUID.randomUUID(), profile(), new Partner.Identity(" 0412.345.678 ", "be"), "sub-1");

        assertThat(partner.status()).isEqualTo(PartnerStatus.PENDING_VERIFICATION);
        assertThat(partner.registrationNumber()).isEqualTo("0412.345.678");
        assertThat(partner.country()).isEqualTo("BE");
        assertThat(partner.registeredBy()).isEqualTo("sub-1");
        assertThat(partner.name()).isEqualTo("Food Bank");
    }

    @Test
    void shouldKeepServiceDomainsOnceAndCapabilityTagsAsTheyWereEntered() {
        Partner partner = Partner.register(UUID.randomUUID(), new Partner.Profile("Food Bank", "ASBL", Sector.THIRD_SECTOR,
                Level.LOCAL, List.of(ServiceDomain.WELFARE, ServiceDomain.HEALTH, ServiceDomain.WELFARE),
                List.of(new Capability("Cold storage", new BigDecimal("12"), "m3")), null, null, null), identity(), "sub-1");

        assertThat(partner.serviceDomains()).containsExactly(ServiceDomain.HEALTH, ServiceDomain.WELFARE);
        assertThat(partner.capabilities()).containsExactly(new Capability("Cold storage", new BigDecimal("12"), "m3"));
    }

    @Test
    void shouldMoveThroughVerifySuspendReinstateAndArchive() {
        Partner partner = registered();

        partner.changeStatus(StatusChange.VERIFY, "documents checked");
        assertThat(partner.status()).isEqualTo(PartnerStatus.ACTIVE);
        assertThat(partner.statusReason()).isEqualTo("documents checked");
        partner.changeStatus(StatusChange.SUSPEND, "complaint under review");
        assertThat(partner.status()).isEqualTo(PartnerStatus.SUSPENDED);
        partner.changeStatus(StatusChange.REINSTATE, "complaint dismissed");
        assertThat(partner.status()).isEqualTo(PartnerStatus.ACTIVE);
        partner.changeStatus(StatusChange.ARCHIVE, "merged into another partner");
        assertThat(partner.status()).isEqualTo(PartnerStatus.ARCHIVED);
    }

    @Test
    void shouldRefuseStatusChangesFromTheWrongStatusAndKeepTheStatus() {
        Partner pending = registered();

        assertThatThrownBy(() -> pending.changeStatus(StatusChange.SUSPEND, "x"))
                .isInstanceOf(PartnerConflictException.class)
                .hasMessage("cannot suspend a partner that is PENDING_VERIFICATION (allowed from ACTIVE)");
        assertThatThrownBy(() -> pending.changeStatus(StatusChange.REINSTATE, "x"))
                .isInstanceOf(PartnerConflictException.class)
                .hasMessage("cannot reinstate a partner that is PENDING_VERIFICATION (allowed from SUSPENDED)");
        pending.changeStatus(StatusChange.VERIFY, "ok");
        assertThatThrownBy(() -> pending.changeStatus(StatusChange.VERIFY, "again"))
                .isInstanceOf(PartnerConflictException.class).hasMessageContaining("allowed from PENDING_VERIFICATION");
        assertThat(pending.status()).isEqualTo(PartnerStatus.ACTIVE);
        assertThat(pending.statusReason()).isEqualTo("ok");
    }

    @Test
    void shouldArchiveFromAnyStatusButArchivedAndNeverLeaveArchived() {
        for (PartnerStatus from : List.of(PartnerStatus.PENDING_VERIFICATION, PartnerStatus.ACTIVE, PartnerStatus.SUSPENDED)) {
            assertThat(StatusChange.ARCHIVE.apply(from)).isEqualTo(PartnerStatus.ARCHIVED);
        }
        for (StatusChange change : StatusChange.values()) {
            assertThatThrownBy(() -> change.apply(PartnerStatus.ARCHIVED)).isInstanceOf(PartnerConflictException.class)
                    .hasMessageContaining("a partner that is ARCHIVED");
        }
        assertThat(PartnerStatus.ARCHIVED.next()).isEmpty();
    }

    @Test
    void shouldRefuseProfileEditsOnceArchived() {
        Partner partner = registered();
        partner.updateProfile(new Partner.Profile(" Food Bank Ghent ", "ASBL", Sector.THIRD_SECTOR, Level.REGIONAL,
                List.of(ServiceDomain.WELFARE), null, null, null, null));
        assertThat(partner.name()).isEqualTo("Food Bank Ghent");
        assertThat(partner.level()).isEqualTo(Level.REGIONAL);
        assertThat(partner.capabilities()).isEmpty();

        partner.changeStatus(StatusChange.ARCHIVE, "closed down");

        assertThatThrownBy(() -> partner.updateProfile(profile())).isInstanceOf(PartnerConflictException.class)
                .hasMessage("an archived partner cannot be changed");
        assertThat(partner.name()).isEqualTo("Food Bank Ghent");
    }

    @Test
    void shouldKeepAMembersChangeOfTheVerifiedFieldsPendingAndApplyTheRest() {
        Partner partner = registered();
        partner.changeStatus(StatusChange.VERIFY, "ok");

        boolean pending = partner.proposeProfile(new Partner.Profile("Food Bank Council", "ASBL", Sector.PUBLIC, Level.REGIONAL,
                List.of(ServiceDomain.WELFARE), List.of(), "meals and more", null, null), "tom");

        assertThat(pending).isTrue();
        assertThat(partner.sector()).isEqualTo(Sector.THIRD_SECTOR);
        assertThat(partner.name()).isEqualTo("Food Bank");
        assertThat(partner.level()).isEqualTo(Level.REGIONAL);
        assertThat(partner.description()).isEqualTo("meals and more");
        assertThat(partner.pendingChange().sector()).isEqualTo(Sector.PUBLIC);
        assertThat(partner.pendingChange().name()).isEqualTo("Food Bank Council");
        assertThat(partner.pendingChange().legalForm()).isNull();
        assertThat(partner.pendingChange().proposedBy()).isEqualTo("tom");
        assertThat(partner.proposedProfile().sector()).isEqualTo(Sector.PUBLIC);
        assertThat(partner.profile().sector()).isEqualTo(Sector.THIRD_SECTOR);
    }

    @Test
    void shouldPutAnApprovedChangeInForceAndKeepARejectedOneOut() {
        Partner partner = registered();
        partner.proposeProfile(withSector(Sector.MARKET), "tom");
        partner.rejectPendingChange("still a charity");
        assertThat(partner.sector()).isEqualTo(Sector.THIRD_SECTOR);
        assertThat(partner.pendingChange()).isNull();
        assertThat(partner.changeRejectionReason()).isEqualTo("still a charity");
        assertThatThrownBy(() -> partner.rejectPendingChange("again")).isInstanceOf(PartnerConflictException.class)
                .hasMessageContaining("no change pending");

        partner.proposeProfile(withSector(Sector.MARKET), "tom");
        partner.approvePendingChange();
        assertThat(partner.sector()).isEqualTo(Sector.MARKET);
        assertThat(partner.pendingChange()).isNull();
        assertThat(partner.changeRejectionReason()).isNull();
        assertThatThrownBy(partner::approvePendingChange).isInstanceOf(PartnerConflictException.class);
    }

    @Test
    void shouldDropProposedValuesThatAreInForceAgain() {
        Partner partner = registered();
        assertThat(partner.proposeProfile(withSector(Sector.THIRD_SECTOR), "tom")).isFalse();
        assertThat(partner.pendingChange()).isNull();

        partner.proposeProfile(withSector(Sector.PUBLIC), "tom");
        partner.updateProfile(withSector(Sector.PUBLIC));
        assertThat(partner.sector()).isEqualTo(Sector.PUBLIC);
        assertThat(partner.pendingChange()).isNull();
    }

    private static Partner.Profile withSector(Sector sector) {
        Partner.Profile p = profile();
        return new Partner.Profile(p.name().trim(), p.legalForm(), sector, p.level(), p.serviceDomains(), p.capabilities(),
                p.description(), p.website(), p.contactEmail());
    }

    @Test
    void shouldShowOnlyActivePartnersToEveryoneElse() {
        Partner pending = registered();
        Caller stranger = new Caller("s", "someone", Set.of("partner"), Optional.empty());
        Caller member = new Caller("m", "member", Set.of("partner"), Optional.of(pending.id()));
        Caller auditor = new Caller("a", "audrey", Set.of("auditor"), Optional.empty());

        assertThat(stranger.sees(pending)).isFalse();
        assertThat(member.sees(pending)).isTrue();
        assertThat(auditor.sees(pending)).isTrue();
        assertThat(stranger.seesPrivateFieldsOf(pending)).isFalse();

        pending.changeStatus(StatusChange.VERIFY, "ok");
        assertThat(stranger.sees(pending)).isTrue();
        assertThat(stranger.seesPrivateFieldsOf(pending)).isFalse();
        assertThat(stranger.mayList(PartnerStatus.SUSPENDED)).isFalse();
        assertThat(auditor.mayList(PartnerStatus.SUSPENDED)).isTrue();
    }

    @Test
    void shouldLetOnlyItsOwnMembersChangeAPartner() {
        Partner partner = registered();
        Caller admin = new Caller("a", "ada", Set.of("admin"), Optional.empty());
        Caller member = new Caller("m", "tom", Set.of("partner"), Optional.of(partner.id()));

        member.requireMemberOf(partner);
        assertThatThrownBy(() -> admin.requireMemberOf(partner)).isInstanceOf(PartnerAccessDeniedException.class)
                .hasMessage("only representatives of Food Bank may change it");
    }

    static Partner registered() {
        return Partner.register(UUID.randomUUID(), profile(), identity(), "sub-1");
    }

    static Partner.Identity identity() {
        return new Partner.Identity("0412.345.678", "BE");
    }

    static Partner.Profile profile() {
        return new Partner.Profile(" Food Bank ", "ASBL", Sector.THIRD_SECTOR, Level.LOCAL, List.of(ServiceDomain.WELFARE),
                List.of(), "meals", "https://foodbank.example.org", "hello@foodbank.example.org");
    }
}
