package org.partnership.resources.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.partnership.resources.domain.Decimals;
import org.partnership.resources.domain.Need;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@code partnership.need.changed.v1} and {@code partnership.need.cancelled.v1} (subject: need id): a passed
 * CHANGE_NEED proposal applied to the need (#21). {@code previousQuantity}: the quantity before the change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeedDecidedEvent(UUID needId, UUID projectId, String type, String quantity, String previousQuantity,
                               String unit, String status, UUID proposalId, OffsetDateTime cancelledAt) {

    public static NeedDecidedEvent of(Need need, java.math.BigDecimal previousQuantity) {
        return new NeedDecidedEvent(need.id(), need.projectId(), need.type().name(), Decimals.format(need.quantity()),
                Decimals.format(previousQuantity), need.unit(), need.status(), need.decidedByProposal(), need.cancelledAt());
    }
}
