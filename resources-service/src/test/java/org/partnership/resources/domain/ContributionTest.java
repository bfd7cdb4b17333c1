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
    void shouldBePartiallyDeliveredAfterAPartAndFulfilledWhenDeliveriesReachThePledge() {
        Contribution c = pledge("40", null);

        c.recordDelivery(UUID.randomUUID(), new BigDecimal("15"), TODAY, null, null, "rep", NOW);
        assertThat(c.status()).isEqualTo(ContributionStatus.PARTIALLY_DELIVERED);
        assertThat(c.delivered()).isEqualByComparingTo("15");
        assertThat(c.remaining()).isEqualByComparingTo("25");

        c.recordDelivery(UUID.randomUUID(), new BigDecimal("25"), TODAY, null, null, "rep", NOW);
        assertThat(c.status()).isEqualTo(ContributionStatus.FULFILLED);
        assertThat(c.delivered()).isEqualByComparingTo("40");
        assertThat(c.remaining()).isEqualByComparingTo("0");
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
        c.recordDelivery(UUID.randomUUID(), new BigDecimal("5"), TODAY, null, null, "rep", NOW);

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
        fulfilled.recordDelivery(UUID.randomUUID(), new BigDecimal("2"), TODAY, null, null, "rep", NOW);

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
        assertThat(fulfilledLate.isOverdue(TODAY)).isFalse();
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
