package org.partnership.partners.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may join and leave a partner, as plain JUnit: one partner per user, never without a member. */
class PartnerMemberTest {

    private final Partner partner = PartnerTest.registered();

    @Test
    void shouldLetAUserWhoRepresentsNoPartnerJoin() {
        PartnerMember member = PartnerMember.join(partner, "u-2", "fiona", Optional.empty(), Optional.empty());

        assertThat(member.partnerId()).isEqualTo(partner.id());
        assertThat(member.userId()).isEqualTo("u-2");
        assertThat(member.username()).isEqualTo("fiona");
    }

    @Test
    void shouldRefuseAUserWhoAlreadyRepresentsAPartner() {
        PartnerMember here = new PartnerMember("u-2", partner.id(), "fiona");
        PartnerMember elsewhere = new PartnerMember("u-2", UUID.randomUUID(), "fiona");

        assertThatThrownBy(() -> PartnerMember.join(partner, "u-2", "fiona", Optional.of(here), Optional.empty()))
                .isInstanceOf(PartnerConflictException.class).hasMessage("fiona is already a member of Food Bank");
        assertThatThrownBy(() -> PartnerMember.join(partner, "u-2", "fiona", Optional.of(elsewhere), Optional.empty()))
                .isInstanceOf(PartnerConflictException.class).hasMessageContaining("already represents another partner");
        assertThatThrownBy(() -> PartnerMember.join(partner, "u-2", "fiona", Optional.empty(), Optional.of(UUID.randomUUID())))
                .isInstanceOf(PartnerConflictException.class).hasMessageContaining("already represents another partner");
    }

    @Test
    void shouldRefuseNewMembersForAnArchivedPartner() {
        partner.changeStatus(StatusChange.ARCHIVE, "dissolved");

        assertThatThrownBy(() -> PartnerMember.join(partner, "u-2", "fiona", Optional.empty(), Optional.empty()))
                .isInstanceOf(PartnerConflictException.class).hasMessage("an archived partner cannot be changed");
    }

    @Test
    void shouldNeverRemoveTheLastMember() {
        PartnerMember tom = new PartnerMember("u-1", partner.id(), "tom");
        PartnerMember fiona = new PartnerMember("u-2", partner.id(), "fiona");

        assertThat(PartnerMember.removable(partner, List.of(tom, fiona), "u-1")).isSameAs(tom);
        assertThatThrownBy(() -> PartnerMember.removable(partner, List.of(fiona), "u-2"))
                .isInstanceOf(PartnerConflictException.class).hasMessageStartingWith("fiona is the last member of Food Bank");
        assertThatThrownBy(() -> PartnerMember.removable(partner, List.of(tom, fiona), "u-3"))
                .isInstanceOf(MemberNotFoundException.class);
    }
}
