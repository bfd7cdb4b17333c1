package org.partnership.projects.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a proposal decides, per type (the other fields stay null): ADMIT_PARTNER {@code partnerId, role, message};
 * REMOVE_PARTNER {@code partnerId}; CHANGE_RULE {@code governanceRule}; CHANGE_NEED {@code needId, needAction}
 * (CHANGE with {@code quantity}, or CANCEL); RESOLUTION {@code text}; LAUNCH, COMPLETE, CANCEL nothing.
 */
public record ProposalPayload(UUID partnerId, ParticipantRole role, String message, GovernanceRule governanceRule, UUID needId,
                              NeedAction needAction, BigDecimal quantity, String text) {

    public static final ProposalPayload NONE = new ProposalPayload(null, null, null, null, null, null, null, null);

    public enum NeedAction {
        CHANGE, CANCEL
    }
}
