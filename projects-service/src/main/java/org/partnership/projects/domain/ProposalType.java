package org.partnership.projects.domain;

/**
 * What a proposal decides. The typed decisions (all but RESOLUTION) apply themselves when they pass; under any rule but
 * LEAD_DECIDES the lifecycle actions, admitting and removing partners and changing the rule happen only that way.
 */
public enum ProposalType {
    LAUNCH("Launch the project"),
    COMPLETE("Complete the project"),
    CANCEL("Cancel the project"),
    ADMIT_PARTNER("Invite a partner"),
    REMOVE_PARTNER("Remove a partner"),
    CHANGE_RULE("Change the governance rule"),
    CHANGE_NEED("Change a need"),
    RESOLUTION("Resolution");

    private final String defaultTitle;

    ProposalType(String defaultTitle) {
        this.defaultTitle = defaultTitle;
    }

    public String defaultTitle() {
        return defaultTitle;
    }

    /**
     * "The same typed decision": at most one of each may be open per project (the type, with the partner or the need it
     * is about); null for a RESOLUTION, of which any number may be open.
     */
    public String decisionKey(ProposalPayload payload) {
        return switch (this) {
            case LAUNCH, COMPLETE, CANCEL, CHANGE_RULE -> name();
            case ADMIT_PARTNER, REMOVE_PARTNER -> name() + ":" + payload.partnerId();
            case CHANGE_NEED -> name() + ":" + payload.needId();
            case RESOLUTION -> null;
        };
    }

    /** The payload this type needs, normalised (fields the type does not use dropped); a 400 naming each missing field. */
    public ProposalPayload validate(ProposalPayload p) {
        ProposalPayload payload = p == null ? ProposalPayload.NONE : p;
        return switch (this) {
            case LAUNCH, COMPLETE, CANCEL -> ProposalPayload.NONE;
            case ADMIT_PARTNER -> {
                require(payload.partnerId(), "partnerId");
                require(payload.role(), "role");
                if (payload.role() == ParticipantRole.LEAD) {
                    throw new ProjectValidationException("payload.role", "LEAD is the lead partner's role; admit with another role");
                }
                yield new ProposalPayload(payload.partnerId(), payload.role(), payload.message(), null, null, null, null, null);
            }
            case REMOVE_PARTNER -> {
                require(payload.partnerId(), "partnerId");
                yield new ProposalPayload(payload.partnerId(), null, null, null, null, null, null, null);
            }
            case CHANGE_RULE -> {
                require(payload.governanceRule(), "governanceRule");
                yield new ProposalPayload(null, null, null, payload.governanceRule(), null, null, null, null);
            }
            case CHANGE_NEED -> {
                require(payload.needId(), "needId");
                require(payload.needAction(), "needAction");
                if (payload.needAction() == ProposalPayload.NeedAction.CHANGE) {
                    require(payload.quantity(), "quantity");
                    if (payload.quantity() != null && payload.quantity().signum() <= 0) {
                        throw new ProjectValidationException("payload.quantity", "must be greater than 0");
                    }
                }
                yield new ProposalPayload(null, null, null, null, payload.needId(), payload.needAction(),
                        payload.needAction() == ProposalPayload.NeedAction.CHANGE ? payload.quantity() : null, null);
            }
            case RESOLUTION -> {
                require(payload.text() == null || payload.text().isBlank() ? null : payload.text(), "text");
                yield new ProposalPayload(null, null, null, null, null, null, null, payload.text().trim());
            }
        };
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new ProjectValidationException("payload." + field, "is required for a proposal of this type");
        }
    }
}
