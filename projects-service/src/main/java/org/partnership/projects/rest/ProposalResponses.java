package org.partnership.projects.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnership.projects.domain.Governance;
import org.partnership.projects.domain.LaunchReadiness;
import org.partnership.projects.domain.Participant;
import org.partnership.projects.domain.PartnerReplica;
import org.partnership.projects.domain.Proposal;
import org.partnership.projects.domain.ProposalPayload;
import org.partnership.projects.domain.Vote;
import org.partnership.projects.service.ProposalService.Details;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Response bodies of the proposals API (issue #21). */
public final class ProposalResponses {

    private ProposalResponses() {
    }

    @Schema(name = "Proposal", description = "A decision put to the partnership, with its votes (the decision log) and the tally under the rule: "
            + "counted now while OPEN, as decided once closed")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProposalView(UUID id, UUID projectId, String projectTitle,
                               @Schema(examples = "LAUNCH") String type, String title, String description, PayloadView payload,
                               @Schema(enumeration = {"OPEN", "PASSED", "REJECTED", "EXPIRED"}) String status,
                               @Schema(description = "The rule it is counted under (the one it was decided under, once closed)") String rule,
                               OffsetDateTime deadline, String proposedBy, String proposedByName, UUID proposedByPartnerId,
                               String proposedByPartnerName, OffsetDateTime createdAt, OffsetDateTime closedAt,
                               TallyView tally, ApplicationView application, List<VoteView> votes, long version) {

        static ProposalView of(Details d) {
            Proposal p = d.proposal();
            PartnerReplica proposer = d.partners().get(p.proposedByPartnerId());
            return new ProposalView(p.id(), p.projectId(), d.project().title(), p.type().name(), p.title(), p.description(),
                    PayloadView.of(p.payload(), d), p.status().name(), p.isOpen() ? d.project().governanceRule().name() : p.rule().name(),
                    p.deadline(), p.proposedBy(), p.proposedByName(), p.proposedByPartnerId(), proposer == null ? null : proposer.name(),
                    p.createdAt(), p.closedAt(), TallyView.of(d.result()), ApplicationView.of(p),
                    p.votes().stream().map(v -> VoteView.of(v, d)).toList(), p.version());
        }
    }

    @Schema(name = "ProposalPayload")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PayloadView(UUID partnerId, String partnerName, String role, String message, String governanceRule, UUID needId,
                              @Schema(enumeration = {"CHANGE", "CANCEL"}) String needAction,
                              @Schema(type = SchemaType.STRING, examples = "300") String quantity, String text) {
        static PayloadView of(ProposalPayload p, Details d) {
            if (p == null) {
                return null;
            }
            PartnerReplica partner = p.partnerId() == null ? null : d.partners().get(p.partnerId());
            return new PayloadView(p.partnerId(), partner == null ? null : partner.name(), p.role() == null ? null : p.role().name(),
                    p.message(), p.governanceRule() == null ? null : p.governanceRule().name(), p.needId(),
                    p.needAction() == null ? null : p.needAction().name(), ProjectResponses.plain(p.quantity()), p.text());
        }
    }

    @Schema(name = "ProposalTally", description = "The count among eligible partners (accepted participants ACTIVE in the registry): "
            + "see projects-service's README, 'Co-governance', for each rule's exact definition")
    public record TallyView(int eligible, int approve, int reject, int abstain, int missing, int approvalsNeeded,
                            @Schema(description = "The sectors present among eligible partners") List<String> sectors,
                            List<String> sectorsApproving, List<String> sectorsWithoutApproval, boolean quorum, boolean passing,
                            @Schema(description = "Whether the outcome is final") boolean closed, String reason) {
        static TallyView of(Governance.Result r) {
            Governance.Tally t = r.tally();
            if (t == null) {
                return null;
            }
            return new TallyView(t.eligible(), t.approve(), t.reject(), t.abstain(), t.missing(), t.approvalsNeeded(), t.sectors(),
                    t.sectorsApproving(), t.sectorsWithoutApproval(), t.quorum(), t.passing(), r.closed(), r.reason());
        }
    }

    @Schema(name = "ProposalApplication", description = "What became of a passed decision: APPLIED, NOT_APPLIED (with why, and for a launch "
            + "the failing readiness criteria; POST .../apply applies it later without a new vote) or RECORDED (a resolution; a need change, "
            + "which resources-service applies)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicationView(@Schema(enumeration = {"APPLIED", "NOT_APPLIED", "RECORDED"}) String status, String detail,
                                  List<ProjectResponses.CriterionView> failing, OffsetDateTime appliedAt) {
        static ApplicationView of(Proposal p) {
            if (p.application() == null) {
                return null;
            }
            List<LaunchReadiness.Criterion> failing = p.applicationFailing();
            return new ApplicationView(p.application().name(), p.applicationDetail(),
                    failing.isEmpty() ? null : failing.stream().map(ProjectResponses.CriterionView::of).toList(), p.appliedAt());
        }
    }

    @Schema(name = "Vote", description = "A partner's vote: who cast it (token subject and username), when, and whether it counts "
            + "(not when void because the partner left, nor while the partner is not ACTIVE)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VoteView(UUID partnerId, String partnerName, String sector,
                           @Schema(enumeration = {"APPROVE", "REJECT", "ABSTAIN"}) String choice, String comment,
                           String votedBy, String votedByName, OffsetDateTime firstVotedAt, OffsetDateTime votedAt,
                           @Schema(description = "How many times it was changed") int changes, boolean counted,
                           OffsetDateTime voidedAt, String voidedReason) {
        static VoteView of(Vote v, Details d) {
            PartnerReplica partner = d.partners().get(v.partnerId());
            boolean accepted = d.project().participant(v.partnerId()).map(Participant::isAccepted).orElse(false);
            boolean counted = !v.isVoid() && accepted && partner != null && partner.isActive();
            return new VoteView(v.partnerId(), partner == null ? null : partner.name(), partner == null ? null : partner.sector(),
                    v.choice().name(), v.comment(), v.votedBy(), v.votedByName(), v.firstVotedAt(), v.votedAt(), v.changes(), counted,
                    v.voidedAt(), v.voidedReason());
        }
    }

    @Schema(name = "ProposalPage")
    public record ProposalPage(List<ProposalView> items,
                               @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }
}
