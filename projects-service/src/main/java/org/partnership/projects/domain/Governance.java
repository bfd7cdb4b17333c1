package org.partnership.projects.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The governance rules, in one place and as plain Java: given the project's rule, its participants (with sector and
 * registry status from the partner replica), the votes cast and the time, the tally and the outcome of a proposal.
 * The exact definitions (who counts, quorum, deadline, early close) are in the module's README, "Co-governance".
 *
 * <ul>
 *   <li><b>Eligible</b>: accepted participants that have not withdrawn and are ACTIVE in the partner registry (a
 *   SUSPENDED, ARCHIVED or unknown partner does not count: its vote is kept but neither counted nor awaited). A
 *   withdrawn partner's votes are void. {@code n} eligible partners, of which {@code a} approve, {@code r} reject,
 *   {@code b} abstain and {@code m} have not voted. The sectors present are the eligible partners' sectors.</li>
 *   <li><b>Passes</b>: LEAD_DECIDES: the lead is eligible and approves. MAJORITY: {@code 2a > n}. CONSENSUS:
 *   {@code m = 0, r = 0, a >= 1}. CROSS_SECTOR_MAJORITY: {@code 2a > n} and an approval in every sector present.</li>
 *   <li><b>Quorum</b> (what turns "not passed" into REJECTED rather than EXPIRED): LEAD_DECIDES: the eligible lead
 *   approved or rejected. MAJORITY and CROSS_SECTOR_MAJORITY: at least one vote and at least half of the eligible
 *   partners voted ({@code a+r+b >= 1} and {@code 2(a+r+b) >= n}), abstentions included. CONSENSUS: everybody voted
 *   ({@code m = 0}), or somebody rejected (a rejection is a veto).</li>
 *   <li><b>Deadline</b>: votes count while {@code now < deadline}; at or after it the outcome is final: PASSED when it
 *   passes, else REJECTED with a quorum, else EXPIRED.</li>
 *   <li><b>Early close</b>: before the deadline the outcome is final as soon as the partners who have not voted cannot
 *   change it whatever they do (vote either way, or not at all): PASSED when it already passes; REJECTED when it cannot
 *   pass even if all of them approve and the quorum is already met. Otherwise it stays OPEN (votes already cast may
 *   still change until then).</li>
 * </ul>
 */
public final class Governance {

    private Governance() {
    }

    public enum Choice {
        APPROVE, REJECT, ABSTAIN
    }

    public enum Outcome {
        OPEN, PASSED, REJECTED, EXPIRED
    }

    /**
     * A participant as the rules see it.
     *
     * @param sector    from the replica (null when unknown)
     * @param status    the partner's registry status from the replica: ACTIVE, SUSPENDED, ARCHIVED... (null when unknown)
     * @param withdrawn no longer an accepted participant (withdrew, or was removed)
     */
    public record Voter(UUID partnerId, String sector, String status, boolean withdrawn) {

        public boolean eligible() {
            return !withdrawn && PartnerReplica.ACTIVE.equals(status);
        }
    }

    /**
     * The count under the rule.
     *
     * @param approvalsNeeded  approvals that would pass it if nothing else were missing (majority rules: {@code n/2+1};
     *                         LEAD_DECIDES: 1, the lead's; CONSENSUS: 1 and no rejection from anybody, everybody voting)
     * @param sectors          the sectors present among eligible partners, sorted
     * @param sectorsApproving those with at least one approval, sorted
     * @param quorum           whether the quorum is met now
     * @param passing          whether it would pass if it closed now
     */
    public record Tally(int eligible, int approve, int reject, int abstain, int missing, int approvalsNeeded,
                       List<String> sectors, List<String> sectorsApproving, boolean quorum, boolean passing) {

        public int voted() {
            return approve + reject + abstain;
        }

        public List<String> sectorsWithoutApproval() {
            return sectors.stream().filter(s -> !sectorsApproving.contains(s)).toList();
        }
    }

    /**
     * @param outcome OPEN while it can still change; PASSED, REJECTED or EXPIRED once final
     * @param closed  the outcome is final (it can no longer change): early, or at the deadline
     * @param reason  why, in words a participant can act on
     */
    public record Result(Outcome outcome, boolean closed, Tally tally, String reason) {
    }

    /**
     * Evaluates a proposal.
     *
     * @param lead     the project's lead partner (its vote decides under LEAD_DECIDES)
     * @param voters   every participant that is or was accepted (withdrawn ones flagged)
     * @param votes    the vote of each partner that cast one (votes of partners not among the voters are ignored)
     * @param now      the time of evaluation
     * @param deadline when voting ends
     */
    public static Result evaluate(GovernanceRule rule, UUID lead, List<Voter> voters, Map<UUID, Choice> votes, Instant now,
            Instant deadline) {
        Objects.requireNonNull(rule, "rule");
        List<Voter> eligible = voters.stream().filter(Voter::eligible).toList();
        Count current = Count.of(rule, lead, eligible, votes, false);
        boolean passing = current.passes();
        boolean quorum = current.quorum();
        Tally tally = current.tally(passing, quorum);

        if (!now.isBefore(deadline)) {
            Outcome outcome = passing ? Outcome.PASSED : quorum ? Outcome.REJECTED : Outcome.EXPIRED;
            return new Result(outcome, true, tally, (outcome == Outcome.EXPIRED ? "the deadline passed without a quorum: "
                    : "the deadline passed: ") + explain(rule, current));
        }
        if (passing) {
            return new Result(Outcome.PASSED, true, tally, explain(rule, current));
        }
        boolean canPass = Count.of(rule, lead, eligible, votes, true).passes();
        if (!canPass && quorum) {
            return new Result(Outcome.REJECTED, true, tally, "it can no longer pass: " + explain(rule, current));
        }
        return new Result(Outcome.OPEN, false, tally, explain(rule, current)
                + (canPass ? "" : "; it can no longer pass, and closes as REJECTED once the quorum is met or as EXPIRED at the deadline"));
    }

    private static String explain(GovernanceRule rule, Count c) {
        String votes = c.a + " approve, " + c.r + " reject, " + c.b + " abstain, " + c.m + " not voted of " + c.n
                + " eligible partner" + (c.n == 1 ? "" : "s");
        return switch (rule) {
            case LEAD_DECIDES -> "LEAD_DECIDES: the lead partner decides; " + (!c.leadEligible
                    ? "the lead partner is not an ACTIVE accepted participant, so it cannot decide"
                    : c.leadVote == null ? "the lead has not voted" : "the lead votes " + c.leadVote) + " (" + votes + ")";
            case MAJORITY -> "MAJORITY: " + c.a + " of " + c.n + " approve, " + (c.n / 2 + 1) + " needed (" + votes + ")";
            case CONSENSUS -> "CONSENSUS: everybody votes, nobody rejects, at least one approves (" + votes + ")";
            case CROSS_SECTOR_MAJORITY -> "CROSS_SECTOR_MAJORITY: " + c.a + " of " + c.n + " approve, " + (c.n / 2 + 1)
                    + " needed, and an approval from every sector present" + (c.sectors.isEmpty() ? ""
                    : " (" + String.join(", ", c.sectors) + ")") + (c.sectorsWithoutApproval().isEmpty() ? ""
                    : "; no approval yet from " + String.join(", ", c.sectorsWithoutApproval())) + " (" + votes + ")";
        };
    }

    /** The counts among eligible partners; {@code missingApprove}: as if every partner who has not voted approved. */
    private static final class Count {
        GovernanceRule rule;
        int n;
        int a;
        int r;
        int b;
        int m;
        boolean leadEligible;
        Choice leadVote;
        Set<String> sectors = new TreeSet<>();
        Set<String> approving = new TreeSet<>();

        static Count of(GovernanceRule rule, UUID lead, List<Voter> eligible, Map<UUID, Choice> votes, boolean missingApprove) {
            Count c = new Count();
            c.rule = rule;
            c.n = eligible.size();
            for (Voter v : eligible) {
                Choice choice = votes.get(v.partnerId());
                if (choice == null && missingApprove) {
                    choice = Choice.APPROVE;
                }
                if (v.sector() != null) {
                    c.sectors.add(v.sector());
                }
                if (v.partnerId().equals(lead)) {
                    c.leadEligible = true;
                    c.leadVote = choice;
                }
                if (choice == null) {
                    c.m++;
                    continue;
                }
                switch (choice) {
                    case APPROVE -> {
                        c.a++;
                        if (v.sector() != null) {
                            c.approving.add(v.sector());
                        }
                    }
                    case REJECT -> c.r++;
                    case ABSTAIN -> c.b++;
                }
            }
            return c;
        }

        boolean passes() {
            return switch (rule) {
                case LEAD_DECIDES -> leadEligible && leadVote == Choice.APPROVE;
                case MAJORITY -> 2 * a > n;
                case CONSENSUS -> n > 0 && m == 0 && r == 0 && a >= 1;
                case CROSS_SECTOR_MAJORITY -> 2 * a > n && approving.containsAll(sectors);
            };
        }

        boolean quorum() {
            int voted = a + r + b;
            return switch (rule) {
                case LEAD_DECIDES -> leadEligible && (leadVote == Choice.APPROVE || leadVote == Choice.REJECT);
                case MAJORITY, CROSS_SECTOR_MAJORITY -> voted >= 1 && 2 * voted >= n;
                case CONSENSUS -> n > 0 && (m == 0 || r > 0);
            };
        }

        List<String> sectorsWithoutApproval() {
            return sectors.stream().filter(s -> !approving.contains(s)).collect(Collectors.toList());
        }

        Tally tally(boolean passing, boolean quorum) {
            int needed = switch (rule) {
                case LEAD_DECIDES, CONSENSUS -> 1;
                case MAJORITY, CROSS_SECTOR_MAJORITY -> n / 2 + 1;
            };
            return new Tally(n, a, r, b, m, needed, List.copyOf(sectors), List.copyOf(approving), quorum, passing);
        }
    }
}
