package org.partnership.projects.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The launch checklist, item by item, each passed or failed with a reason a person can act on. Pure rules: the
 * service feeds it the accepted participants (with name, sector and status from the partner replica) and the latest
 * resources summary (coverage and risk allocation from resources-service).
 */
public final class LaunchReadiness {

    public static final String MIN_ACCEPTED_PARTICIPANTS = "MIN_ACCEPTED_PARTICIPANTS";
    public static final String CROSS_SECTOR = "CROSS_SECTOR";
    public static final String PARTICIPANTS_ACTIVE = "PARTICIPANTS_ACTIVE";
    public static final String NEEDS_COVERED = "NEEDS_COVERED";
    public static final String RISKS_ALLOCATED = "RISKS_ALLOCATED";
    public static final String LAUNCH_DECISION_APPROVED = "LAUNCH_DECISION_APPROVED";

    static final int MIN_PARTICIPANTS = 2;
    static final int MIN_SECTORS = 2;

    private LaunchReadiness() {
    }

    /** An accepted participant as the replica knows it; {@code sector}/{@code status} null when unknown. */
    public record Member(String name, String sector, String status) {
        String label() {
            return name == null ? "an unknown partner" : name;
        }
    }

    /** The latest coverage and risk-allocation summary of the project. */
    public record Coverage(List<NeedCoverage> needs, int openRisks, List<UnallocatedRisk> unallocatedOpenRisks,
                           List<Reallocation> reallocationNeeded) {
        public Coverage(List<NeedCoverage> needs, int openRisks, List<UnallocatedRisk> unallocatedOpenRisks) {
            this(needs, openRisks, unallocatedOpenRisks, List.of());
        }
    }

    /**
     * A risk (not CLOSED) whose shares were released because their partners left the project, not yet allocated again
     * by the lead (issue #19): the lead is asked to reallocate it.
     */
    public record Reallocation(UUID riskId, String title, String status, BigDecimal allocatedPercent, List<ReleasedShare> released) {
    }

    public record ReleasedShare(UUID partnerId, BigDecimal sharePercent) {
    }

    /** Something the lead must do before the project is whole again, e.g. {@code REALLOCATE_RISK}. */
    public record Action(String code, UUID riskId, List<UUID> partnerIds, String detail) {
    }

    public static final String REALLOCATE_RISK = "REALLOCATE_RISK";

    /**
     * A need's coverage: pledged (what launch readiness counts) and, once deliveries are recorded, what the recipient
     * side confirmed as delivered and what it disputes (null in summaries older than the delivery ledger). Only
     * confirmed quantities count as delivered here: unreviewed and disputed deliveries do not.
     */
    public record NeedCoverage(String type, String unit, BigDecimal quantity, BigDecimal pledged, BigDecimal coveragePercent,
                               BigDecimal confirmed, BigDecimal disputed) {

        boolean hasDeliveries() {
            return confirmed != null && confirmed.signum() > 0 || disputed != null && disputed.signum() > 0;
        }
    }

    public record UnallocatedRisk(String title, BigDecimal allocatedPercent) {
    }

    public record Criterion(String code, boolean passed, String reason) {
    }

    /** {@code actions}: what the lead is asked to do (e.g. reallocate the risk shares of a partner that left). */
    public record Readiness(boolean ready, List<Criterion> criteria, List<Action> actions) {
        public Readiness(boolean ready, List<Criterion> criteria) {
            this(ready, criteria, List.of());
        }

        public List<Criterion> failing() {
            return criteria.stream().filter(c -> !c.passed()).toList();
        }
    }

    /**
     * @param accepted               every ACCEPTED participant, the lead included
     * @param coverage               the latest resources summary, empty when none has arrived yet
     * @param launchDecisionApproved whether an approved launch decision exists (only asked for by voting rules)
     */
    public static Readiness evaluate(GovernanceRule rule, int requiredCoveragePercent, List<Member> accepted,
            Optional<Coverage> coverage, boolean launchDecisionApproved) {
        List<Criterion> criteria = new ArrayList<>();
        criteria.add(participants(accepted));
        criteria.add(sectors(accepted));
        criteria.add(active(accepted));
        criteria.add(needs(requiredCoveragePercent, coverage));
        criteria.add(risks(coverage));
        if (rule != GovernanceRule.LEAD_DECIDES) {
            criteria.add(new Criterion(LAUNCH_DECISION_APPROVED, launchDecisionApproved, launchDecisionApproved
                    ? "the launch was approved under the " + rule + " rule"
                    : "the " + rule + " rule needs an approved launch decision; none has been approved"));
        }
        return new Readiness(criteria.stream().allMatch(Criterion::passed), List.copyOf(criteria), actions(coverage));
    }

    /** The lead is asked to reallocate every risk whose shares were released when their partners left. */
    private static List<Action> actions(Optional<Coverage> coverage) {
        return coverage.map(Coverage::reallocationNeeded).orElse(List.of()).stream()
                .map(r -> new Action(REALLOCATE_RISK, r.riskId(), r.released().stream().map(ReleasedShare::partnerId).toList(),
                        "\"" + r.title() + "\" is " + percent(r.allocatedPercent()) + " % allocated: "
                                + r.released().stream().map(x -> percent(x.sharePercent()) + " %").collect(Collectors.joining(" and "))
                                + " released when " + (r.released().size() == 1 ? "a partner" : "partners")
                                + " left the project; the lead must allocate it again"))
                .toList();
    }

    private static String percent(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static Criterion participants(List<Member> accepted) {
        int n = accepted.size();
        return new Criterion(MIN_ACCEPTED_PARTICIPANTS, n >= MIN_PARTICIPANTS, n + " accepted participant" + (n == 1 ? "" : "s")
                + " (the lead included); at least " + MIN_PARTICIPANTS + " are needed");
    }

    private static Criterion sectors(List<Member> accepted) {
        Set<String> sectors = accepted.stream().map(Member::sector).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        boolean passed = sectors.size() >= MIN_SECTORS;
        return new Criterion(CROSS_SECTOR, passed, "accepted participants come from " + sectors.size() + " sector"
                + (sectors.size() == 1 ? "" : "s") + (sectors.isEmpty() ? "" : " (" + String.join(", ", sectors) + ")")
                + "; at least " + MIN_SECTORS + " different sectors are needed");
    }

    private static Criterion active(List<Member> accepted) {
        List<String> inactive = accepted.stream().filter(m -> !"ACTIVE".equals(m.status()))
                .map(m -> m.label() + " is " + (m.status() == null ? "unknown to the partner registry" : m.status()))
                .toList();
        return new Criterion(PARTICIPANTS_ACTIVE, inactive.isEmpty(), inactive.isEmpty()
                ? "every accepted participant is ACTIVE"
                : String.join("; ", inactive) + "; every participant must be ACTIVE");
    }

    private static Criterion needs(int required, Optional<Coverage> coverage) {
        List<NeedCoverage> needs = coverage.map(Coverage::needs).orElse(List.of());
        if (needs.isEmpty()) {
            return new Criterion(NEEDS_COVERED, false, "no needs declared yet: declare what the project needs and collect pledges");
        }
        BigDecimal threshold = BigDecimal.valueOf(required);
        List<String> short_ = needs.stream().filter(n -> n.coveragePercent().compareTo(threshold) < 0)
                .map(n -> n.type() + " " + n.coveragePercent().stripTrailingZeros().toPlainString() + " % ("
                        + n.pledged().stripTrailingZeros().toPlainString() + " of " + n.quantity().stripTrailingZeros().toPlainString()
                        + " " + n.unit() + " pledged)")
                .toList();
        String covered = (needs.size() - short_.size()) + " of " + needs.size() + " need" + (needs.size() == 1 ? "" : "s")
                + " covered to the required " + required + " %";
        String reason = short_.isEmpty() ? covered : covered + "; short: " + String.join(", ", short_);
        return new Criterion(NEEDS_COVERED, short_.isEmpty(), reason + delivered(needs));
    }

    /** Delivery progress, confirmed quantities only (disputed ones named apart); nothing before any delivery is reviewed. */
    private static String delivered(List<NeedCoverage> needs) {
        List<String> progress = needs.stream().filter(NeedCoverage::hasDeliveries)
                .map(n -> n.type() + " " + plain(n.confirmed() == null ? BigDecimal.ZERO : n.confirmed()) + " of "
                        + plain(n.quantity()) + " " + n.unit()
                        + (n.disputed() != null && n.disputed().signum() > 0 ? " (" + plain(n.disputed()) + " disputed)" : ""))
                .toList();
        return progress.isEmpty() ? "" : "; confirmed as delivered: " + String.join(", ", progress);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Criterion risks(Optional<Coverage> coverage) {
        List<Reallocation> released = coverage.map(Coverage::reallocationNeeded).orElse(List.of());
        if (coverage.isEmpty() || coverage.get().openRisks() == 0 && coverage.get().unallocatedOpenRisks().isEmpty()
                && released.isEmpty()) {
            return new Criterion(RISKS_ALLOCATED, true, "no open risks registered");
        }
        Coverage c = coverage.get();
        List<UnallocatedRisk> open = c.unallocatedOpenRisks();
        if (!released.isEmpty()) {
            String what = released.stream().map(r -> "\"" + r.title() + "\" (" + r.status() + ", " + percent(r.allocatedPercent())
                    + " % allocated)").collect(Collectors.joining(", "));
            return new Criterion(RISKS_ALLOCATED, false, released.size() + " risk" + (released.size() == 1 ? " lost" : "s lost")
                    + " the shares of partners that left the project and must be allocated again by the lead: " + what
                    + (open.isEmpty() ? "" : "; " + open.size() + " open risk" + (open.size() == 1 ? " is" : "s are")
                    + " not 100 % allocated"));
        }
        if (open.isEmpty()) {
            return new Criterion(RISKS_ALLOCATED, true, "all " + c.openRisks() + " open risk" + (c.openRisks() == 1 ? " is" : "s are")
                    + " 100 % allocated among participants");
        }
        return new Criterion(RISKS_ALLOCATED, false, open.size() + " of " + Math.max(c.openRisks(), open.size())
                + " open risk" + (c.openRisks() == 1 ? " is" : "s are") + " not 100 % allocated: "
                + open.stream().map(r -> "\"" + r.title() + "\" " + r.allocatedPercent().stripTrailingZeros().toPlainString() + " %")
                .collect(Collectors.joining(", ")));
    }
}
