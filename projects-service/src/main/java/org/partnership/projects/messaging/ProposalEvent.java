package org.partnership.projects.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.partnership.projects.domain.Governance;
import org.partnership.projects.domain.LaunchReadiness;
import org.partnership.projects.domain.Proposal;
import org.partnership.projects.domain.ProposalPayload;
import org.partnership.projects.domain.Vote;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of every {@code partnership.proposal.*.v1} event (types in {@link ProjectEvents}): the proposal after the
 * change with its tally under the rule ({@code version} is the proposal's row version). {@code voted} names the vote;
 * {@code decided} and {@code expired} carry the final tally and, for a passed decision, what became of it
 * ({@code application}: APPLIED, NOT_APPLIED with the failing readiness criteria, or RECORDED; a CHANGE_NEED is
 * applied by resources-service from this event).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProposalEvent(UUID proposalId, UUID projectId, String type, String title, String status, String rule,
                           OffsetDateTime deadline, Payload payload, UUID proposedByPartnerId, TallyData tally,
                           VoteData vote, ApplicationData application, OffsetDateTime closedAt, long version) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(UUID partnerId, String role, String message, String governanceRule, UUID needId, String needAction,
                          String quantity, String text) {
        static Payload of(ProposalPayload p) {
            return new Payload(p.partnerId(), p.role() == null ? null : p.role().name(), p.message(),
                    p.governanceRule() == null ? null : p.governanceRule().name(), p.needId(),
                    p.needAction() == null ? null : p.needAction().name(),
                    p.quantity() == null ? null : p.quantity().stripTrailingZeros().toPlainString(), p.text());
        }
    }

    public record TallyData(int eligible, int approve, int reject, int abstain, int missing, int approvalsNeeded,
                            List<String> sectors, List<String> sectorsApproving, boolean quorum, boolean passing) {
        static TallyData of(Governance.Tally t) {
            return new TallyData(t.eligible(), t.approve(), t.reject(), t.abstain(), t.missing(), t.approvalsNeeded(),
                    t.sectors(), t.sectorsApproving(), t.quorum(), t.passing());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VoteData(UUID partnerId, String choice, String comment, String votedBy, OffsetDateTime votedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicationData(String status, String detail, List<Criterion> failing) {
    }

    public record Criterion(String code, boolean passed, String reason) {
    }

    /** The proposal (flushed: its version is the one committed with the event) and its tally now. */
    public static ProposalEvent of(Proposal p, Governance.Tally tally) {
        ApplicationData application = p.application() == null ? null : new ApplicationData(p.application().name(),
                p.applicationDetail(), p.applicationFailing().isEmpty() ? null
                : p.applicationFailing().stream().map(ProposalEvent::criterion).toList());
        return new ProposalEvent(p.id(), p.projectId(), p.type().name(), p.title(), p.status().name(), p.rule().name(),
                p.deadline(), Payload.of(p.payload()), p.proposedByPartnerId(), tally == null ? null : TallyData.of(tally), null,
                application, p.closedAt(), p.version());
    }

    public ProposalEvent with(Vote v) {
        return new ProposalEvent(proposalId, projectId, type, title, status, rule, deadline, payload, proposedByPartnerId, tally,
                new VoteData(v.partnerId(), v.choice().name(), v.comment(), v.votedBy(), v.votedAt()), application, closedAt, version);
    }

    private static Criterion criterion(LaunchReadiness.Criterion c) {
        return new Criterion(c.code(), c.passed(), c.reason());
    }
}
