package org.partnership.resources.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.partnership.resources.domain.Contribution;
import org.partnership.resources.domain.Decimals;
import org.partnership.resources.domain.Delivery;
import org.partnership.resources.domain.Money;

import java.util.UUID;

/**
 * Data of every {@code partnership.contribution.*.v1} and {@code partnership.delivery.*.v1} event (subject:
 * contribution id): the contribution after the change, plus the delivery for {@code delivered}, {@code confirmed} and
 * {@code disputed} (with its review for the latter two), the reason for {@code withdrawn}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContributionChangedEvent(UUID contributionId, UUID projectId, UUID partnerId, UUID needId, String type,
                                       String quantity, String unit, String delivered, String confirmed,
                                       String disputed, String remaining,
                                       Valuation valuation, String dueDate, String status, long version,
                                       DeliveryData delivery, String reason) {

    public record Valuation(String amount, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryData(UUID deliveryId, String quantity, String deliveredOn, UUID corrects, String review,
                               Boolean automatic, String note, Boolean resolvedDispute) {
    }

    /** A delivery's event: with its review when it was reviewed ({@code resolvedDispute} for confirmations). */
    public static ContributionChangedEvent reviewed(Contribution c, Delivery delivery, boolean resolvedDispute) {
        ContributionChangedEvent e = of(c, delivery, null);
        DeliveryData d = e.delivery();
        return new ContributionChangedEvent(e.contributionId(), e.projectId(), e.partnerId(), e.needId(), e.type(),
                e.quantity(), e.unit(), e.delivered(), e.confirmed(), e.disputed(), e.remaining(), e.valuation(), e.dueDate(),
                e.status(), e.version(), new DeliveryData(d.deliveryId(), d.quantity(), d.deliveredOn(), d.corrects(),
                        delivery.review().name(), delivery.reviewedAutomatically(), delivery.reviewNote(),
                        delivery.review() == org.partnership.resources.domain.DeliveryReview.CONFIRMED ? resolvedDispute : null),
                null);
    }

    public static ContributionChangedEvent of(Contribution c, Delivery delivery, String reason) {
        Money money = c.valuation();
        return new ContributionChangedEvent(c.id(), c.projectId(), c.partnerId(), c.needId(), c.type().name(),
                Decimals.format(c.quantity()), c.unit(), Decimals.format(c.delivered()), Decimals.format(c.confirmed()),
                Decimals.format(c.disputed()), Decimals.format(c.remaining()),
                money == null ? null : new Valuation(Money.format(money.amount(), money.currency()), money.currency()),
                c.dueDate() == null ? null : c.dueDate().toString(), c.status().name(), c.version(),
                delivery == null ? null : new DeliveryData(delivery.id(), Decimals.format(delivery.quantity()),
                        delivery.deliveredOn().toString(), delivery.corrects(), null, null, null, null),
                reason);
    }
}
