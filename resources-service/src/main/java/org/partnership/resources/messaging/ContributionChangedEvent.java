package org.partnership.resources.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.partnership.resources.domain.Contribution;
import org.partnership.resources.domain.Decimals;
import org.partnership.resources.domain.Delivery;
import org.partnership.resources.domain.Money;

import java.util.UUID;

/**
 * Data of every {@code partnership.contribution.*.v1} event (subject: contribution id): the contribution after the
 * change, plus the delivery for {@code delivered}, the reason for {@code withdrawn}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContributionChangedEvent(UUID contributionId, UUID projectId, UUID partnerId, UUID needId, String type,
                                       String quantity, String unit, String delivered, String remaining,
                                       Valuation valuation, String dueDate, String status, long version,
                                       DeliveryData delivery, String reason) {

    public record Valuation(String amount, String currency) {
    }

    public record DeliveryData(UUID deliveryId, String quantity, String deliveredOn) {
    }

    public static ContributionChangedEvent of(Contribution c, Delivery delivery, String reason) {
        Money money = c.valuation();
        return new ContributionChangedEvent(c.id(), c.projectId(), c.partnerId(), c.needId(), c.type().name(),
                Decimals.format(c.quantity()), c.unit(), Decimals.format(c.delivered()), Decimals.format(c.remaining()),
                money == null ? null : new Valuation(Money.format(money.amount(), money.currency()), money.currency()),
                c.dueDate() == null ? null : c.dueDate().toString(), c.status().name(), c.version(),
                delivery == null ? null : new DeliveryData(delivery.id(), Decimals.format(delivery.quantity()),
                        delivery.deliveredOn().toString()),
                reason);
    }
}
