package org.partnership.projects.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnership.projects.domain.Governance;
import org.partnership.projects.domain.GovernanceRule;
import org.partnership.projects.domain.ParticipantRole;
import org.partnership.projects.domain.ProposalPayload;
import org.partnership.projects.domain.ProposalType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Request bodies of the proposals API (issue #21). Server-owned fields (id, status, tally, votes, version) are not accepted. */
public final class ProposalRequests {

    private ProposalRequests() {
    }

    @Schema(name = "CreateProposal", description = "A decision to put to the partnership. payload, per type: ADMIT_PARTNER {partnerId, role, message}; "
            + "REMOVE_PARTNER {partnerId}; CHANGE_RULE {governanceRule}; CHANGE_NEED {needId, needAction: CHANGE with quantity, or CANCEL}; "
            + "RESOLUTION {text}; LAUNCH, COMPLETE and CANCEL none.")
    public record CreateProposalRequest(
            @NotNull @Schema(description = "LAUNCH, COMPLETE, CANCEL, ADMIT_PARTNER, REMOVE_PARTNER, CHANGE_RULE, CHANGE_NEED or RESOLUTION") ProposalType type,
            @Size(max = 200) @Schema(examples = "Launch in January", description = "Default: a title for the type") String title,
            @Size(max = 4000) String description,
            @Schema(examples = "2026-12-11T12:00:00Z", description = "When voting ends: in the future, at most 90 days away (default 7 days)")
            OffsetDateTime deadline,
            @Valid PayloadRequest payload) {

        ProposalPayload toPayload() {
            return payload == null ? null : new ProposalPayload(payload.partnerId(), payload.role(), payload.message(),
                    payload.governanceRule(), payload.needId(), payload.needAction(), payload.quantity(), payload.text());
        }
    }

    @Schema(name = "ProposalPayloadRequest")
    public record PayloadRequest(
            UUID partnerId,
            @Schema(description = "ADMIT_PARTNER: CO_PRODUCER, FUNDER, SERVICE_PROVIDER or ADVISOR") ParticipantRole role,
            @Size(max = 2000) String message,
            GovernanceRule governanceRule,
            UUID needId,
            ProposalPayload.NeedAction needAction,
            @Digits(integer = 15, fraction = 4) @Schema(type = SchemaType.STRING, examples = "300") BigDecimal quantity,
            @Size(max = 4000) String text) {
    }

    @Schema(name = "CastVote")
    public record VoteRequest(
            @NotNull @Schema(description = "APPROVE, REJECT or ABSTAIN") Governance.Choice choice,
            @Size(max = 2000) @Schema(examples = "Agreed, provided the volunteers are trained first") String comment) {
    }
}
