package org.partnership.resources.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contribution ledger's rules as plain JUnit: they need no database or Quarkus, so they run in
 * milliseconds and fail with the rule's own message.
 */
class ContributionTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);
    static final LocalDate TODAY = NOW.toLocalDate();
    static final UUID LEAD = UUID.randomUUID();
    static final UUID PARTNER = UUID.randomUUID();
    static final ProjectReplica PROJECT = ProjectReplica.of(UUID.randomUUID(), "Winter meals", "OPEN", LEAD,
            List.of(LEAD, PARTNER), 3);

    @Test
    void shouldStartAsAPledgeWithNothingDeliveredAndEverythingRemaining() {
        Contribution c = pledge("40", null);

        assertThat(c.status()).isEqualTo(ContributionStatus.PLEDGED);
        assertThat(c.delivered()).isEqualByComparingTo("0");
        assertThat(c.remaining()).isEqualByComparingTo("40");
        assertThat(c.effectivePledge()).isEqualByComparingTo("40");
        assertThat(c.unit()).isEqualTo("hours");
    }

    @Test
    void shouldBeDeliveredWhenDeliveriesReachThePledgeAndFulfilledOnlyWhenConfirmedReachesIt() {
        Contribution c = pledge("40", null);

        Delivery first = c.recordDelivery(UUID.randomUUID(), new BigDecimal("15"), TODAY, null, null, "rep", NOW);
        assertThat(c.status()).isEqualTo(ContributionStatus.PARTIALLY_DELIVERED);
        assertThat(c.delivered()).isEqualByComparingTo("15");
        assertThat(c.remaining()).isEqualByComparingTo("25");

        Delivery second = c.recordDelivery(UUID.randomUUID(), new BigDecimal("25"), TODAY, null, null, "rep", NOW);
        assertThat(c.status()).isEqualTo(ContributionStatus.DELIVERED);
        assertThat(c.delivered()).isEqualByComparingTo("40");
        assertThat(c.confirmed()).isEqualByComparingTo("0");
        assertThat(c.remaining()).isEqualByComparingTo("0");

        c.review(first, DeliveryReview.CONFIRMED, null, "lead", NOW);
        assertThat(c.status()).isEqualTo(ContributionStatus.DELIVERED);
        c.review(second, DeliveryReview.CONFIRMED, "all there", "lead", NOW);
        assertThat(c.status()).isEqualTo(ContributionStatus.FULFILLED);
        assertThat(c.confirmed()).isEqualByComparingTo("40");
    }

    @Test
    void shouldTakeADisputedDeliveryOutOfDeliveredUntilItIsConfirmed() {
        Contribution c = pledge("10", null);
        Delivery d = c.recordDelivery(UUID.randomUUID(), new BigDecimal("6"), TODAY, null, null, "rep", NOW);

        c.review(d, DeliveryReview.DISPUTED, "no timesheets", "lead", NOW);
        assertThat(c.delivered()).isEqualByComparingTo("0");
        assertThat(c.disputed()).isEqualByComparingTo("6");
        assertThat(c.remaining()).isEqualByComparingTo("4");
        assertThat(c.status()).isEqualTo(ContributionStatus.PARTIALLY_DELIVERED);
        assertThat(d.stands()).isFalse();
        assertThatThrownBy(() -> c.review(d, DeliveryReview.DISPUTED, null, "lead", NOW))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining("already DISPUTED");

        c.review(d, DeliveryReview.CONFIRMED, "found them", "lead", NOW.plusDays(1));
        assertThat(c.delivered()).isEqualByComparingTo("6");
        assertThat(c.confirmed()).isEqualByComparingTo("6");
        assertThat(c.disputed()).isEqualByComparingTo("0");
        assertThat(d.review()).isEqualTo(DeliveryReview.CONFIRMED);
        assertThat(d.disputeNote()).isEqualTo("no timesheets");
        assertThatThrownBy(() -> c.review(d, DeliveryReview.DISPUTED, null, "lead", NOW))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining("already CONFIRMED");
    }

    @Test
    void shouldReplaceADisputedDeliveryByItsCorrectionWithinThePledge() {
        Contribution c = pledge("10", null);
        Delivery wrong = c.recordDelivery(UUID.randomUUID(), new BigDecimal("10"), TODAY, null, null, "rep", NOW);
        Delivery unreviewed = pledge("1", null).recordDelivery(UUID.randomUUID(), BigDecimal.ONE, TODAY, null, null, "rep", NOW);
        c.review(wrong, DeliveryReview.DISPUTED, null, "lead", NOW);

        assertThat(c.status()).isEqualTo(ContributionStatus.DELIVERED);
        assertThatThrownBy(() -> c.recordDelivery(UUID.randomUUID(), BigDecimal.ONE, TODAY, null, null, "rep", NOW))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining("corrects");
        assertThatThrownBy(() -> c.recordCorrection(UUID.randomUUID(), wrong, new BigDecimal("10.5"), TODAY, null, null, "rep", NOW))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining("only 10 hours remain");
        assertThatThrownBy(() -> c.recordCorrection(UUID.randomUUID(), unreviewed, BigDecimal.ONE, TODAY, null, null, "rep", NOW))
                .isInstanceOf(ObjectNotFoundException.class);

        Delivery fixed = c.recordCorrection(UUID.randomUUID(), wrong, new BigDecimal("7"), TODAY, "rota checked", null, "rep", NOW);
        assertThat(fixed.corrects()).isEqualTo(wrong.id());
        assertThat(wrong.correctedBy()).isEqualTo(fixed.id());
        assertThat(wrong.stands()).isFalse();
        assertThat(c.delivered()).isEqualByComparingTo("7");
        assertThat(c.disputed()).isEqualByComparingTo("0");
        assertThat(c.remaining()).isEqualByComparingTo("3");
        assertThat(c.status()).isEqualTo(ContributionStatus.PARTIALLY_DELIVERED);
        assertThatThrownBy(() -> c.recordCorrection(UUID.randomUUID(), wrong, BigDecimal.ONE, TODAY, null, null, "rep", NOW))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining("already corrected");
        assertThatThrownBy(() -> c.review(wrong, DeliveryReview.CONFIRMED, null, "lead", NOW))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining("was corrected");
    }

    @Test
    void shouldLetOnlyTheLeadReviewAndNeverTheContributorItself() {
        Contribution byPartner = pledge("4", null);
        Contribution byLead = Contribution.pledge(UUID.randomUUID(), PROJECT, LEAD, null,
                new Contribution.Pledge(ContributionType.FACILITY, BigDecimal.ONE, "room", null, null, null), "lead", NOW);
        Caller lead = new Caller("lead", "carla", java.util.Set.of("coordinator"), java.util.Optional.of(LEAD));
        Caller partner = new Caller("rep", "tom", java.util.Set.of("partner-rep"), java.util.Optional.of(PARTNER));

        lead.requireRecipient(byPartner, PROJECT);
        assertThatThrownBy(() -> partner.requireRecipient(byPartner, PROJECT)).isInstanceOf(ResourceAccessDeniedException.class)
                .hasMessageContaining("its own delivery");
        assertThatThrownBy(() -> lead.requireRecipient(byLead, PROJECT)).isInstanceOf(ResourceAccessDeniedException.class)
                .hasMessageContaining("confirmed automatically");
        assertThatThrownBy(() -> partner.requireRecipient(byLead, PROJECT)).isInstanceOf(ResourceAccessDeniedException.class)
                .hasMessageContaining("lead");
    }

    @Test
    void shouldNeverLetDeliveredExceedPledged() {
        Contribution c = pledge("40", null);
        c.recordDelivery(UUID.randomUUID(), new BigDecimal("30"), TODAY, null, null, "rep", NOW);

        assertThatThrownBy(() -> c.recordDelivery(UUID.randomUUID(), new BigDecimal("10.5"), TODAY, null, null, "rep", NOW))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("delivering 10.5 hours would exceed the pledge: only 10 hours remain")
                .satisfies(e -> assertThat(((ResourceConflictException) e).code()).isEqualTo("over-delivery"));
        assertThat(c.delivered()).isEqualByComparingTo("30");
        assertThat(c.status()).isEqualTo(ContributionStatus.PARTIALLY_DELIVERED);
    }

    @Test
    void shouldRefuseDeliveriesOnceFulfilled() {
        Contribution c = pledge("5", null);
        c.review(c.recordDelivery(UUID.randomUUID(), new BigDecimal("5"), TODAY, null, null, "rep", NOW),
                DeliveryReview.CONFIRMED, null, "lead", NOW);

        assertThatThrownBy(() -> c.recordDelivery(UUID.randomUUID(), BigDecimal.ONE, TODAY, null, null, "rep", NOW))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("is FULFILLED")
                .satisfies(e -> assertThat(((ResourceConflictException) e).code()).isEqualTo("contribution-closed"));
    }

    @Test
    void shouldWithdrawOnlyTheUndeliveredRemainderAndKeepWhatWasDelivered() {
        Contribution c = pledge("8", null);
        c.recordDelivery(UUID.randomUUID(), new BigDecimal("3"), TODAY, null, null, "rep", NOW);

        c.withdraw("the van broke down", NOW);

        assertThat(c.status()).isEqualTo(ContributionStatus.WITHDRAWN);
        assertThat(c.withdrawn()).isEqualByComparingTo("5");
        assertThat(c.delivered()).isEqualByComparingTo("3");
        assertThat(c.quantity()).isEqualByComparingTo("8");
        assertThat(c.effectivePledge()).isEqualByComparingTo("3");
        assertThat(c.remaining()).isEqualByComparingTo("0");
        assertThat(c.withdrawalReason()).isEqualTo("the van broke down");
    }

    @Test
    void shouldRefuseDeliveriesAfterAWithdrawal() {
        Contribution c = pledge("8", null);
        c.withdraw("no longer possible", NOW);

        assertThatThrownBy(() -> c.recordDelivery(UUID.randomUUID(), BigDecimal.ONE, TODAY, null, null, "rep", NOW))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("is WITHDRAWN");
    }

    @Test
    void shouldNotWithdrawTwiceNorWithdrawAFulfilledContribution() {
        Contribution withdrawn = pledge("8", null);
        withdrawn.withdraw("first", NOW);
        Contribution fulfilled = pledge("2", null);
        fulfilled.review(fulfilled.recordDelivery(UUID.randomUUID(), new BigDecimal("2"), TODAY, null, null, "rep", NOW),
                DeliveryReview.CONFIRMED, null, "lead", NOW);

        assertThatThrownBy(() -> withdrawn.withdraw("again", NOW)).isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("is WITHDRAWN: there is no undelivered remainder to withdraw");
        assertThatThrownBy(() -> fulfilled.withdraw("too late", NOW)).isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("is FULFILLED");
        assertThat(withdrawn.withdrawalReason()).isEqualTo("first");
        assertThat(fulfilled.status()).isEqualTo(ContributionStatus.FULFILLED);
    }

    @Test
    void shouldBeOverdueOnlyAfterItsDueDateAndWhileStillOpen() {
        Contribution dueYesterday = pledge("4", TODAY.minusDays(1));
        Contribution dueToday = pledge("4", TODAY);
        Contribution noDueDate = pledge("4", null);
        Contribution fulfilledLate = pledge("4", TODAY.minusDays(1));
        fulfilledLate.recordDelivery(UUID.randomUUID(), new BigDecimal("4"), TODAY, null, null, "rep", NOW);

        assertThat(dueYesterday.isOverdue(TODAY)).isTrue();
        assertThat(dueToday.isOverdue(TODAY)).isFalse();
        assertThat(noDueDate.isOverdue(TODAY)).isFalse();
        assertThat(fulfilledLate.isOverdue(TODAY)).isFalse(); // DELIVERED: nothing more is expected of the partner
    }

    @Test
    void shouldCoverANeedOnlyOfTheSameProjectTypeAndUnit() {
        Need need = Need.declare(UUID.randomUUID(), PROJECT, ContributionType.VOLUNTEER_HOURS, new BigDecimal("100"),
                "Hours", null, null, "lead", NOW);
        ProjectReplica other = ProjectReplica.of(UUID.randomUUID(), "Other", "OPEN", LEAD, List.of(LEAD, PARTNER), 1);

        Contribution covering = Contribution.pledge(UUID.randomUUID(), PROJECT, PARTNER, need,
                new Contribution.Pledge(ContributionType.VOLUNTEER_HOURS, new BigDecimal("10"), " hours ", null, null, null),
                "rep", NOW);
        assertThat(covering.needId()).isEqualTo(need.id());

        assertThatThrownBy(() -> Contribution.pledge(UUID.randomUUID(), other, PARTNER, need,
                new Contribution.Pledge(ContributionType.VOLUNTEER_HOURS, BigDecimal.TEN, "hours", null, null, null), "rep", NOW))
                .isInstanceOf(InvalidResourceException.class).hasMessageContaining("belongs to another project")
                .satisfies(e -> assertThat(((InvalidResourceException) e).field()).isEqualTo("needId"));
        assertThatThrownBy(() -> Contribution.pledge(UUID.randomUUID(), PROJECT, PARTNER, need,
                new Contribution.Pledge(ContributionType.FUNDING, BigDecimal.TEN, "hours", null, null, null), "rep", NOW))
                .isInstanceOf(InvalidResourceException.class).hasMessageContaining("must have the same type and unit");
        assertThatThrownBy(() -> Contribution.pledge(UUID.randomUUID(), PROJECT, PARTNER, need,
                new Contribution.Pledge(ContributionType.VOLUNTEER_HOURS, BigDecimal.TEN, "days", null, null, null), "rep", NOW))
                .isInstanceOf(InvalidResourceException.class).hasMessageContaining("must have the same type and unit");
    }

    @Test
    void shouldKeepAValuationAsAnIsoCurrencyAmount() {
        Contribution c = Contribution.pledge(UUID.randomUUID(), PROJECT, PARTNER, null,
                new Contribution.Pledge(ContributionType.FUNDING, new BigDecimal("1800"), "EUR",
                        new Money(new BigDecimal("1800.00"), "eur"), null, null), "rep", NOW);

        assertThat(c.valuation()).isEqualTo(new Money(new BigDecimal("1800.00"), "EUR"));
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, "EURO")).isInstanceOf(InvalidResourceException.class)
                .hasMessage("'EURO' is not an ISO 4217 currency code");
        assertThatThrownBy(() -> new Money(new BigDecimal("-1"), "EUR")).isInstanceOf(InvalidResourceException.class)
                .hasMessage("must not be negative");
    }

    static Contribution pledge(String quantity, LocalDate dueDate) {
        return Contribution.pledge(UUID.randomUUID(), PROJECT, PARTNER, null,
                new Contribution.Pledge(ContributionType.VOLUNTEER_HOURS, new BigDecimal(quantity), "hours", null, dueDate,
                        "Saturday shifts"), "rep", NOW);
    }
}
