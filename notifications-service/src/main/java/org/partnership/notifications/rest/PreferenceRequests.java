package org.partnership.notifications.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of PUT /api/v1/notifications/preferences: the kinds to change; the others keep their channel. */
@Schema(name = "NotificationPreferencesUpdate", description = "The kinds whose channel changes; kinds not named keep theirs")
public record PreferenceRequests(@NotNull @NotEmpty @Size(max = 20) List<@Valid @NotNull Change> preferences) {

    @Schema(name = "NotificationPreferenceChange")
    public record Change(
            @NotNull @Schema(required = true, enumeration = {"INVITED", "INVITATION_ANSWERED", "PLEDGE_RECEIVED", "DELIVERY_RECORDED",
                    "PLEDGE_OVERDUE", "PARTNER_VERIFIED", "PARTNER_SUSPENDED", "RISK_ALLOCATED", "PROPOSAL_OPENED", "PROPOSAL_EXPIRING", "PROPOSAL_DECIDED"}) String kind,
            @NotNull @Schema(required = true, enumeration = {"IN_APP", "EMAIL", "DIGEST"}) String channel) {
    }
}
