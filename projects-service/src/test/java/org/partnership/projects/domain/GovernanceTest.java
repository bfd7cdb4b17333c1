package org.partnership.projects.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnership.projects.domain.Governance.Choice;
import org.partnership.projects.domain.Governance.Outcome;
import org.partnership.projects.domain.Governance.Result;
import org.partnership.projects.domain.Governance.Voter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governance rules as a table: rule x sectors present x votes (approve, reject, abstain, missing) x suspended,
 * archived, unknown or withdrawn partners x the deadline gives the tally and the outcome. Plain JUnit: the rules are
 * plain Java (no Quarkus needed).
 *
 * <p>Participants are written as tokens, the lead first: sector ({@code P} PUBLIC, {@code T} THIRD_SECTOR, {@code M}
 * MARKET, {@code C} COMMUNITY), registry status ({@code A} ACTIVE, {@code S} SUSPENDED, {@code X} ARCHIVED, {@code U}
 * unknown to the replica, {@code W} ACTIVE but withdrawn from the project) and vote ({@code +} approve, {@code -}
 * reject, {@code 0} abstain, {@code .} none). Time: {@code before} (a second before the deadline), {@code at} the
 * deadline, {@code after} it.
 */
class GovernanceTest {

    static final Instant DEADLINE = Instant.parse("2026-12-11T10:00:00Z");

    @ParameterizedTest(name = "{0} [{1}] {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # rule               | participants        | time   | outcome  | closed | n | a | r | b | m
            # LEAD_DECIDES: the lead's vote decides; the others' votes are recorded, advisory
            LEAD_DECIDES          | PA+                 | before | PASSED   | true   | 1 | 1 | 0 | 0 | 0
            LEAD_DECIDES          | PA-                 | before | REJECTED | true   | 1 | 0 | 1 | 0 | 0
            LEAD_DECIDES          | PA0                 | before | OPEN     | false  | 1 | 0 | 0 | 1 | 0
            LEAD_DECIDES          | PA.                 | before | OPEN     | false  | 1 | 0 | 0 | 0 | 1
            LEAD_DECIDES          | PA. TA+ MA+         | before | OPEN     | false  | 3 | 2 | 0 | 0 | 1
            LEAD_DECIDES          | PA+ TA- MA-         | before | PASSED   | true   | 3 | 1 | 2 | 0 | 0
            LEAD_DECIDES          | PA- TA+ MA+         | before | REJECTED | true   | 3 | 2 | 1 | 0 | 0
            LEAD_DECIDES          | PA. TA+ MA+         | at     | EXPIRED  | true   | 3 | 2 | 0 | 0 | 1
            LEAD_DECIDES          | PA0 TA+             | at     | EXPIRED  | true   | 2 | 1 | 0 | 1 | 0
            LEAD_DECIDES          | PA- TA+             | at     | REJECTED | true   | 2 | 1 | 1 | 0 | 0
            LEAD_DECIDES          | PA+ TA-             | after  | PASSED   | true   | 2 | 1 | 1 | 0 | 0
            LEAD_DECIDES          | PS+ TA+             | before | OPEN     | false  | 1 | 1 | 0 | 0 | 0
            LEAD_DECIDES          | PS+ TA+             | at     | EXPIRED  | true   | 1 | 1 | 0 | 0 | 0
            LEAD_DECIDES          | PX. TA+ MA+         | after  | EXPIRED  | true   | 2 | 2 | 0 | 0 | 0
            LEAD_DECIDES          | PA+ TW-             | before | PASSED   | true   | 1 | 1 | 0 | 0 | 0
            LEAD_DECIDES          | PU+ TA+             | before | OPEN     | false  | 1 | 1 | 0 | 0 | 0
            LEAD_DECIDES          | PA. TA. MA.         | after  | EXPIRED  | true   | 3 | 0 | 0 | 0 | 3
            LEAD_DECIDES          | PA0 TA- MA-         | at     | EXPIRED  | true   | 3 | 0 | 2 | 1 | 0
            # MAJORITY, three eligible: 2 approvals pass; quorum 2 votes
            MAJORITY              | PA+ TA+ MA.         | before | PASSED   | true   | 3 | 2 | 0 | 0 | 1
            MAJORITY              | PA+ TA. MA.         | before | OPEN     | false  | 3 | 1 | 0 | 0 | 2
            MAJORITY              | PA- TA- MA.         | before | REJECTED | true   | 3 | 0 | 2 | 0 | 1
            MAJORITY              | PA+ TA- MA.         | before | OPEN     | false  | 3 | 1 | 1 | 0 | 1
            MAJORITY              | PA+ TA- MA-         | before | REJECTED | true   | 3 | 1 | 2 | 0 | 0
            MAJORITY              | PA+ TA0 MA0         | before | REJECTED | true   | 3 | 1 | 0 | 2 | 0
            MAJORITY              | PA+ TA+ MA-         | before | PASSED   | true   | 3 | 2 | 1 | 0 | 0
            MAJORITY              | PA0 TA0 MA.         | before | REJECTED | true   | 3 | 0 | 0 | 2 | 1
            MAJORITY              | PA0 TA. MA.         | before | OPEN     | false  | 3 | 0 | 0 | 1 | 2
            MAJORITY              | PA. TA. MA.         | before | OPEN     | false  | 3 | 0 | 0 | 0 | 3
            MAJORITY              | PA+ TA. MA.         | at     | EXPIRED  | true   | 3 | 1 | 0 | 0 | 2
            MAJORITY              | PA+ TA- MA.         | at     | REJECTED | true   | 3 | 1 | 1 | 0 | 1
            MAJORITY              | PA. TA. MA.         | after  | EXPIRED  | true   | 3 | 0 | 0 | 0 | 3
            MAJORITY              | PA+ TA+ MA.         | after  | PASSED   | true   | 3 | 2 | 0 | 0 | 1
            # MAJORITY, two eligible: both must approve; half of them voting is a quorum
            MAJORITY              | PA+ TA.             | before | OPEN     | false  | 2 | 1 | 0 | 0 | 1
            MAJORITY              | PA+ TA+             | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            MAJORITY              | PA+ TA-             | before | REJECTED | true   | 2 | 1 | 1 | 0 | 0
            MAJORITY              | PA- TA.             | before | REJECTED | true   | 2 | 0 | 1 | 0 | 1
            MAJORITY              | PA0 TA.             | before | REJECTED | true   | 2 | 0 | 0 | 1 | 1
            MAJORITY              | PA+ TA.             | at     | REJECTED | true   | 2 | 1 | 0 | 0 | 1
            # MAJORITY, four eligible: 3 approvals pass, 2 votes are a quorum
            MAJORITY              | PA+ TA+ MA+ CA.     | before | PASSED   | true   | 4 | 3 | 0 | 0 | 1
            MAJORITY              | PA+ TA+ MA. CA.     | before | OPEN     | false  | 4 | 2 | 0 | 0 | 2
            MAJORITY              | PA+ TA+ MA- CA-     | before | REJECTED | true   | 4 | 2 | 2 | 0 | 0
            MAJORITY              | PA- TA- MA. CA.     | before | REJECTED | true   | 4 | 0 | 2 | 0 | 2
            MAJORITY              | PA- TA. MA. CA.     | before | OPEN     | false  | 4 | 0 | 1 | 0 | 3
            MAJORITY              | PA+ TA+ MA. CA.     | at     | REJECTED | true   | 4 | 2 | 0 | 0 | 2
            MAJORITY              | PA+ TA. MA. CA.     | at     | EXPIRED  | true   | 4 | 1 | 0 | 0 | 3
            # MAJORITY with suspended, archived, unknown and withdrawn partners (not counted, not awaited)
            MAJORITY              | PA+ TA+ MS.         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            MAJORITY              | PA+ TS+ MA.         | before | OPEN     | false  | 2 | 1 | 0 | 0 | 1
            MAJORITY              | PA+ TS+ MA-         | before | REJECTED | true   | 2 | 1 | 1 | 0 | 0
            MAJORITY              | PA+ TW+ MA.         | before | OPEN     | false  | 2 | 1 | 0 | 0 | 1
            MAJORITY              | PA+ TW. MA+         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            MAJORITY              | PS. TA+ MA+         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            MAJORITY              | PA+ TX+ MX+         | before | PASSED   | true   | 1 | 1 | 0 | 0 | 0
            MAJORITY              | PS. TS. MS.         | at     | EXPIRED  | true   | 0 | 0 | 0 | 0 | 0
            MAJORITY              | PS. TS. MS.         | before | OPEN     | false  | 0 | 0 | 0 | 0 | 0
            MAJORITY              | PA+ TU+ MA.         | before | OPEN     | false  | 2 | 1 | 0 | 0 | 1
            MAJORITY              | PA+ TA+ MA- CS- CS- | before | PASSED   | true   | 3 | 2 | 1 | 0 | 0
            # MAJORITY, five eligible: 3 approvals pass, 3 votes are a quorum
            MAJORITY              | PA+ TA+ MA+ CA. PA. | before | PASSED   | true   | 5 | 3 | 0 | 0 | 2
            MAJORITY              | PA+ TA+ MA- CA- PA. | before | OPEN     | false  | 5 | 2 | 2 | 0 | 1
            MAJORITY              | PA+ TA+ MA- CA- PA- | before | REJECTED | true   | 5 | 2 | 3 | 0 | 0
            MAJORITY              | PA+ TA. MA. CA. PA. | at     | EXPIRED  | true   | 5 | 1 | 0 | 0 | 4
            MAJORITY              | PA+ TA- MA. CA. PA. | at     | EXPIRED  | true   | 5 | 1 | 1 | 0 | 3
            MAJORITY              | PA+ TA- MA0 CA. PA. | at     | REJECTED | true   | 5 | 1 | 1 | 1 | 2
            MAJORITY              | PA- TA- MA- CA. PA. | before | REJECTED | true   | 5 | 0 | 3 | 0 | 2
            # CONSENSUS: everybody votes, nobody rejects (a rejection is a veto), at least one approves
            CONSENSUS             | PA+ TA+ MA+         | before | PASSED   | true   | 3 | 3 | 0 | 0 | 0
            CONSENSUS             | PA+ TA+ MA.         | before | OPEN     | false  | 3 | 2 | 0 | 0 | 1
            CONSENSUS             | PA+ TA+ MA-         | before | REJECTED | true   | 3 | 2 | 1 | 0 | 0
            CONSENSUS             | PA+ TA- MA.         | before | REJECTED | true   | 3 | 1 | 1 | 0 | 1
            CONSENSUS             | PA+ TA0 MA0         | before | PASSED   | true   | 3 | 1 | 0 | 2 | 0
            CONSENSUS             | PA0 TA0 MA0         | before | REJECTED | true   | 3 | 0 | 0 | 3 | 0
            CONSENSUS             | PA0 TA0 MA.         | before | OPEN     | false  | 3 | 0 | 0 | 2 | 1
            CONSENSUS             | PA. TA. MA.         | before | OPEN     | false  | 3 | 0 | 0 | 0 | 3
            CONSENSUS             | PA+ TA+ MA.         | at     | EXPIRED  | true   | 3 | 2 | 0 | 0 | 1
            CONSENSUS             | PA0 TA0 MA0         | at     | REJECTED | true   | 3 | 0 | 0 | 3 | 0
            CONSENSUS             | PA+ TA+ MA+         | after  | PASSED   | true   | 3 | 3 | 0 | 0 | 0
            CONSENSUS             | PA+ TA+ MS.         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            CONSENSUS             | PA+ TA+ MS-         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            CONSENSUS             | PA+ TA+ MW-         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            CONSENSUS             | PA+ TA+ MW.         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            CONSENSUS             | PA+ TS. MA.         | before | OPEN     | false  | 2 | 1 | 0 | 0 | 1
            CONSENSUS             | PS. TS. MS.         | at     | EXPIRED  | true   | 0 | 0 | 0 | 0 | 0
            CONSENSUS             | PS+ TA+ MA+         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            CONSENSUS             | PA+ TA. MA.         | after  | EXPIRED  | true   | 3 | 1 | 0 | 0 | 2
            CONSENSUS             | PA- TA. MA.         | at     | REJECTED | true   | 3 | 0 | 1 | 0 | 2
            CONSENSUS             | PA+ TA+ MX.         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            CONSENSUS             | PA+                 | before | PASSED   | true   | 1 | 1 | 0 | 0 | 0
            CONSENSUS             | PA0                 | before | REJECTED | true   | 1 | 0 | 0 | 1 | 0
            CONSENSUS             | PA+ TU.             | before | PASSED   | true   | 1 | 1 | 0 | 0 | 0
            # CROSS_SECTOR_MAJORITY: a majority and an approval from every sector present among eligible partners
            CROSS_SECTOR_MAJORITY | PA+ TA+ MA.         | before | OPEN     | false  | 3 | 2 | 0 | 0 | 1
            CROSS_SECTOR_MAJORITY | PA+ TA+ MA+         | before | PASSED   | true   | 3 | 3 | 0 | 0 | 0
            CROSS_SECTOR_MAJORITY | PA+ TA+ MA-         | before | REJECTED | true   | 3 | 2 | 1 | 0 | 0
            CROSS_SECTOR_MAJORITY | PA+ TA+ MA0         | before | REJECTED | true   | 3 | 2 | 0 | 1 | 0
            CROSS_SECTOR_MAJORITY | PA+ TA+ MA. MA+     | before | PASSED   | true   | 4 | 3 | 0 | 0 | 1
            CROSS_SECTOR_MAJORITY | PA+ TA+ MA. MA-     | before | OPEN     | false  | 4 | 2 | 1 | 0 | 1
            CROSS_SECTOR_MAJORITY | PA+ TA+ MA- MA-     | before | REJECTED | true   | 4 | 2 | 2 | 0 | 0
            CROSS_SECTOR_MAJORITY | PA+ PA+ TA.         | before | OPEN     | false  | 3 | 2 | 0 | 0 | 1
            CROSS_SECTOR_MAJORITY | PA+ PA+ TA+         | before | PASSED   | true   | 3 | 3 | 0 | 0 | 0
            CROSS_SECTOR_MAJORITY | PA+ PA+ PA+ TA-     | before | REJECTED | true   | 4 | 3 | 1 | 0 | 0
            CROSS_SECTOR_MAJORITY | PA+ TA+ MS.         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            CROSS_SECTOR_MAJORITY | PA+ TA+ MW.         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            CROSS_SECTOR_MAJORITY | PA+ TA+ MA.         | at     | REJECTED | true   | 3 | 2 | 0 | 0 | 1
            CROSS_SECTOR_MAJORITY | PA+ TA. MA.         | at     | EXPIRED  | true   | 3 | 1 | 0 | 0 | 2
            CROSS_SECTOR_MAJORITY | PA+ TA+ MA+         | after  | PASSED   | true   | 3 | 3 | 0 | 0 | 0
            CROSS_SECTOR_MAJORITY | PA+ TA+ MU.         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            CROSS_SECTOR_MAJORITY | PA. TA. MA.         | before | OPEN     | false  | 3 | 0 | 0 | 0 | 3
            CROSS_SECTOR_MAJORITY | PA- TA. MA.         | before | OPEN     | false  | 3 | 0 | 1 | 0 | 2
            CROSS_SECTOR_MAJORITY | PA- TA. MA.         | at     | EXPIRED  | true   | 3 | 0 | 1 | 0 | 2
            CROSS_SECTOR_MAJORITY | PA- TA- MA.         | before | REJECTED | true   | 3 | 0 | 2 | 0 | 1
            CROSS_SECTOR_MAJORITY | PA+ TA+ CA. MA.     | before | OPEN     | false  | 4 | 2 | 0 | 0 | 2
            CROSS_SECTOR_MAJORITY | PA+ TA+ CA+ MA.     | before | OPEN     | false  | 4 | 3 | 0 | 0 | 1
            CROSS_SECTOR_MAJORITY | PA+ TA+ CA+ MA+     | before | PASSED   | true   | 4 | 4 | 0 | 0 | 0
            CROSS_SECTOR_MAJORITY | PA+ TA+ CS. MA+     | before | PASSED   | true   | 3 | 3 | 0 | 0 | 0
            CROSS_SECTOR_MAJORITY | PS+ TA+ MA+         | before | PASSED   | true   | 2 | 2 | 0 | 0 | 0
            CROSS_SECTOR_MAJORITY | PA0 TA+ MA+         | before | REJECTED | true   | 3 | 2 | 0 | 1 | 0
            CROSS_SECTOR_MAJORITY | PA0 PA. TA+ MA+     | before | OPEN     | false  | 4 | 2 | 0 | 1 | 1
            CROSS_SECTOR_MAJORITY | PA0 PA+ TA+ MA+     | before | PASSED   | true   | 4 | 3 | 0 | 1 | 0
            CROSS_SECTOR_MAJORITY | PS. TS. MS.         | after  | EXPIRED  | true   | 0 | 0 | 0 | 0 | 0
            """)
    void shouldDecideAsTheRuleSays(GovernanceRule rule, String participants, String time, Outcome outcome, boolean closed,
            int eligible, int approve, int reject, int abstain, int missing) {
        Table table = Table.of(participants);

        Result result = Governance.evaluate(rule, table.lead, table.voters, table.votes, at(time), DEADLINE);

        assertThat(result.outcome()).as(result.reason()).isEqualTo(outcome);
        assertThat(result.closed()).as(result.reason()).isEqualTo(closed);
        assertThat(result.tally().eligible()).isEqualTo(eligible);
        assertThat(result.tally().approve()).isEqualTo(approve);
        assertThat(result.tally().reject()).isEqualTo(reject);
        assertThat(result.tally().abstain()).isEqualTo(abstain);
        assertThat(result.tally().missing()).isEqualTo(missing);
        assertThat(result.tally().passing()).isEqualTo(outcome == Outcome.PASSED);
        assertThat(result.reason()).startsWith(outcome == Outcome.EXPIRED ? "the deadline passed" : "").isNotBlank();
    }

    @Test
    void shouldNameTheSectorsThatHaveNotApprovedYet() {
        Table table = Table.of("PA+ TA+ MA.");

        Result result = Governance.evaluate(GovernanceRule.CROSS_SECTOR_MAJORITY, table.lead, table.voters, table.votes,
                at("before"), DEADLINE);

        assertThat(result.tally().sectors()).containsExactly("MARKET", "PUBLIC", "THIRD_SECTOR");
        assertThat(result.tally().sectorsApproving()).containsExactly("PUBLIC", "THIRD_SECTOR");
        assertThat(result.tally().sectorsWithoutApproval()).containsExactly("MARKET");
        assertThat(result.tally().approvalsNeeded()).isEqualTo(2);
        assertThat(result.reason()).contains("no approval yet from MARKET");
    }

    @Test
    void shouldSayWhenItCanNoLongerPassButWaitsForItsQuorum() {
        Table table = Table.of("PA- TA. MA.");

        Result result = Governance.evaluate(GovernanceRule.CROSS_SECTOR_MAJORITY, table.lead, table.voters, table.votes,
                at("before"), DEADLINE);

        assertThat(result.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(result.tally().quorum()).isFalse();
        assertThat(result.reason()).contains("can no longer pass");
    }

    private static Instant at(String time) {
        return switch (time) {
            case "before" -> DEADLINE.minusSeconds(1);
            case "at" -> DEADLINE;
            case "after" -> DEADLINE.plusSeconds(1);
            default -> throw new IllegalArgumentException(time);
        };
    }

    /** The participants and votes of one row. */
    record Table(UUID lead, List<Voter> voters, Map<UUID, Choice> votes) {

        static Table of(String tokens) {
            List<Voter> voters = new ArrayList<>();
            Map<UUID, Choice> votes = new HashMap<>();
            for (String token : tokens.trim().split("\\s+")) {
                UUID id = UUID.randomUUID();
                String sector = switch (token.charAt(0)) {
                    case 'P' -> "PUBLIC";
                    case 'T' -> "THIRD_SECTOR";
                    case 'M' -> "MARKET";
                    case 'C' -> "COMMUNITY";
                    default -> throw new IllegalArgumentException(token);
                };
                String status = switch (token.charAt(1)) {
                    case 'A', 'W' -> "ACTIVE";
                    case 'S' -> "SUSPENDED";
                    case 'X' -> "ARCHIVED";
                    case 'U' -> null;
                    default -> throw new IllegalArgumentException(token);
                };
                voters.add(new Voter(id, sector, status, token.charAt(1) == 'W'));
                switch (token.charAt(2)) {
                    case '+' -> votes.put(id, Choice.APPROVE);
                    case '-' -> votes.put(id, Choice.REJECT);
                    case '0' -> votes.put(id, Choice.ABSTAIN);
                    case '.' -> {
                    }
                    default -> throw new IllegalArgumentException(token);
                }
            }
            return new Table(voters.get(0).partnerId(), voters, votes);
        }
    }
}
