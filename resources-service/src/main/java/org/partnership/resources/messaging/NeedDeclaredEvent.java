package org.partnership.resources.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.partnership.resources.domain.Decimals;
import org.partnership.resources.domain.Need;

import java.util.UUID;

/** Data of {@code partnership.need.declared.v1} (subject: need id). */
@JsonInclude(JsonInclude.Include.ALWAYS) // the event contract, whatever the services' response convention
public record NeedDeclaredEvent(UUID needId, UUID projectId, String type, String quantity, String unit, String dimension,
                                String description) {

    public static NeedDeclaredEvent of(Need need) {
        return new NeedDeclaredEvent(need.id(), need.projectId(), need.type().name(), Decimals.format(need.quantity()),
                need.unit(), need.dimension(), need.description());
    }
}
