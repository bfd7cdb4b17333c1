package org.partnership.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coordinator's side of the fault-injection stream: rounds of co-governance through the gateway, each a project
 * under {@code MAJORITY} that admits its partners by proposal and vote, whose partners answer their invitations, that
 * registers a risk and shares it out, and that votes on a resolution. Every create carries an Idempotency-Key; every
 * request is retried as a careful client would ({@link CarefulClient}); what each answer said is kept, and
 * {@link #check} compares it with projects-service's and resources-service's own data afterwards.
 */
final class GovernanceRounds {

    /** A partner organisation and its representative's token. */
    record Party(String name, String partnerId, SignedIn token) {
    }

    /** What the answers of one round said. */
    static final class Round {
        final String title;
        String project;
        Boolean companyAccepted;
        String risk;
        final Map<String, String> shares = new LinkedHashMap<>();                 // partner id -> percent
        final Map<String, Map<String, String>> votes = new LinkedHashMap<>();      // proposal id -> partner id -> choice

        Round(String title) {
            this.title = title;
        }
    }

    private static final List<String> CHOICES = List.of("APPROVE", "APPROVE", "REJECT", "ABSTAIN");

    private final CarefulClient client;
    private final Party city;
    private final Party charity;
    private final Party company;
    private final Random random;
    private final String prefix;
    private final List<Round> rounds = new ArrayList<>();
    private int requests;

    GovernanceRounds(CarefulClient client, Party city, Party charity, Party company, Random random) {
        this.client = client;
        this.city = city;
        this.charity = charity;
        this.company = company;
        this.random = random;
        this.prefix = "Fault round " + UUID.randomUUID().toString().substring(0, 8) + " #";
    }

    int rounds() {
        return rounds.size();
    }

    /** Plays one round and returns how many requests it made. */
    int play() {
        int before = requests;
        Round round = new Round(prefix + (rounds.size() + 1));
        rounds.add(round);
        LocalDate today = LocalDate.now();
        round.project = created("/api/v1/projects", Map.of("title", round.title, "purpose", "Co-governance under faults",
                "dimensions", List.of("HOUSING", "EMPLOYMENT"), "plannedStart", today.plusDays(30).toString(),
                "plannedEnd", today.plusDays(395).toString(), "governanceRule", "MAJORITY"), city);
        transition("/api/v1/projects/" + round.project + "/open", city);

        // the lead alone admits the charity (a majority of one), the lead and the charity admit the company
        admit(round, charity, "SERVICE_PROVIDER", List.of(city));
        transition("/api/v1/projects/" + round.project + "/participants/" + charity.partnerId() + "/accept", charity);
        admit(round, company, "FUNDER", List.of(city, charity));
        round.companyAccepted = random.nextInt(5) > 0;
        transition("/api/v1/projects/" + round.project + "/participants/" + company.partnerId()
                + (round.companyAccepted ? "/accept" : "/decline"), company);

        // a risk shared out among the accepted participants (once resources-service's replica knows them)
        round.risk = created("/api/v1/risks", Map.of("projectId", round.project, "category", "FINANCIAL",
                "title", "Funding gap of " + round.title, "likelihood", 1 + random.nextInt(5), "impact", 1 + random.nextInt(5),
                "ownerPartnerId", city.partnerId()), city);
        int charityShare = 10 * (1 + random.nextInt(9));
        round.shares.put(charity.partnerId(), Integer.toString(charityShare));
        round.shares.put(round.companyAccepted ? company.partnerId() : city.partnerId(), Integer.toString(100 - charityShare));
        allocate(round);

        // a resolution every accepted participant votes on, as it likes
        String resolution = created("/api/v1/projects/" + round.project + "/proposals", Map.of("type", "RESOLUTION",
                "title", "Resolution of " + round.title, "payload", Map.of("text", "We share what we learn.")), charity);
        List<Party> voters = round.companyAccepted ? List.of(city, charity, company) : List.of(city, charity);
        for (Party voter : voters) {
            vote(round, resolution, voter, CHOICES.get(random.nextInt(CHOICES.size())));
        }
        return requests - before;
    }

    // ------------------------------------------------------------------------------------------------ the requests

    /**
     * Creates something (one Idempotency-Key for the retries of one attempt) and returns its id. A 4xx while a
     * replica has not caught up yet (the project or a participant unknown to resources-service) is tried again, with a
     * new key: a refused request changed nothing.
     */
    private String created(String path, Map<String, Object> body, Party as) {
        AtomicReference<String> id = new AtomicReference<>();
        await("201 from POST " + path).atMost(CarefulClient.GIVE_UP).pollInterval(Duration.ofMillis(250)).until(() -> {
            CarefulClient.Answer answer = client.post(path, CarefulClient.json(body), UUID.randomUUID().toString(), as.token());
            requests++;
            if (answer.status() == 201) {
                id.set(answer.json().get("id").asText());
            }
            return id.get() != null;
        });
        return id.get();
    }

    /** A state change without a body; a retry that meets its own first attempt's effect gets a 409 and is done. */
    private void transition(String path, Party as) {
        await("POST " + path).atMost(CarefulClient.GIVE_UP).pollInterval(Duration.ofMillis(250)).until(() -> {
            CarefulClient.Answer answer = client.post(path, "{}", null, as.token());
            requests++;
            return answer.ok() || answer.status() == 409 && answer.attempts() > 1;
        });
    }

    private void admit(Round round, Party partner, String role, List<Party> voters) {
        String proposal = created("/api/v1/projects/" + round.project + "/proposals", Map.of("type", "ADMIT_PARTNER",
                "title", "Admit " + partner.name(), "payload", Map.of("partnerId", partner.partnerId(), "role", role,
                        "message", "Join " + round.title)), city);
        for (Party voter : voters) {
            vote(round, proposal, voter, "APPROVE");
        }
    }

    /**
     * Votes with the proposal's current ETag. An answer lost on the way and retried meets a changed ETag (412) or a
     * proposal its own vote closed (409): the proposal itself then says whether the vote counts.
     */
    private void vote(Round round, String proposal, Party voter, String choice) {
        String path = "/api/v1/projects/" + round.project + "/proposals/" + proposal;
        String body = CarefulClient.json(Map.of("choice", choice, "comment", "from the fault stream"));
        await(voter.name() + " votes on " + proposal).atMost(CarefulClient.GIVE_UP).pollInterval(Duration.ofMillis(250)).until(() -> {
            CarefulClient.Answer current = client.get(path, voter.token());
            requests++;
            if (choice.equals(recordedVote(current, voter))) {
                round.votes.computeIfAbsent(proposal, p -> new LinkedHashMap<>()).put(voter.partnerId(), choice);
                return true;
            }
            if (current.status() != 200) {
                return false;
            }
            if (!"OPEN".equals(current.json().path("status").asText())) {
                return true;   // closed before this vote: it does not count, and the answers said so
            }
            CarefulClient.Answer answer = client.put(path + "/votes/" + voter.partnerId(), body, current.etag(), voter.token());
            requests++;
            if (answer.ok()) {
                round.votes.computeIfAbsent(proposal, p -> new LinkedHashMap<>()).put(voter.partnerId(), choice);
                return true;
            }
            return false;   // 412 or 409: read the proposal again
        });
    }

    private static String recordedVote(CarefulClient.Answer proposal, Party voter) {
        if (proposal.status() != 200) {
            return null;
        }
        for (JsonNode vote : proposal.json().path("votes")) {
            if (voter.partnerId().equals(vote.path("partnerId").asText())) {
                return vote.path("choice").asText();
            }
        }
        return null;
    }

    /** Shares the risk out; until resources-service knows every participant it refuses (409/422) and changes nothing. */
    private void allocate(Round round) {
        String path = "/api/v1/risks/" + round.risk;
        List<Map<String, String>> shares = round.shares.entrySet().stream()
                .map(e -> Map.of("partnerId", e.getKey(), "sharePercent", e.getValue())).toList();
        AtomicReference<String> last = new AtomicReference<>();
        try {
            await("the shares of " + round.risk).atMost(CarefulClient.GIVE_UP).pollInterval(Duration.ofMillis(250)).until(() -> {
            CarefulClient.Answer current = client.get(path, city.token());
            requests++;
            if (current.status() == 200 && round.shares.equals(allocations(current.json()))) {
                return true;   // an earlier attempt went through
            }
            CarefulClient.Answer answer = client.put(path + "/allocations", CarefulClient.json(shares), current.etag(), city.token());
            requests++;
            last.set(answer.status() + " " + answer.body());
            return answer.ok();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the shares of " + round.risk + " of " + round.title + " never went through; the last answer: "
                    + last.get(), e);
        }
    }

    private static Map<String, String> allocations(JsonNode risk) {
        Map<String, String> shares = new LinkedHashMap<>();
        for (JsonNode a : risk.path("allocations")) {
            shares.put(a.path("partnerId").asText(), new java.math.BigDecimal(a.path("sharePercent").asText()).stripTrailingZeros().toPlainString());
        }
        return shares;
    }

    // ------------------------------------------------------------------------------------------------ the truth

    /**
     * projects-service and resources-service hold exactly what the answers said: each round's project once, its
     * participants as they answered, its proposals (each once) with exactly the votes answered, the risk once with
     * its shares.
     */
    void check(Quiescence quiescence) throws Exception {
        Map<String, String> projectIds = new HashMap<>();
        Map<String, Map<String, String>> participants = new HashMap<>();
        Map<String, Map<String, String>> votes = new HashMap<>();
        Map<String, Integer> proposals = new HashMap<>();
        try (Connection db = quiescence.connect("projects")) {
            try (PreparedStatement q = db.prepareStatement("select id, title, governance_rule from project where title like ?")) {
                q.setString(1, prefix + "%");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        assertThat(projectIds.put(rs.getString(2), rs.getString(1))).as("%s created once", rs.getString(2)).isNull();
                        assertThat(rs.getString(3)).isEqualTo("MAJORITY");
                    }
                }
            }
            try (PreparedStatement q = db.prepareStatement("select p.project_id, p.partner_id, p.status from participant p "
                    + "join project j on j.id = p.project_id where j.title like ?")) {
                q.setString(1, prefix + "%");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        participants.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                    }
                }
            }
            try (PreparedStatement q = db.prepareStatement("select r.id, r.project_id from proposal r join project j on j.id = r.project_id "
                    + "where j.title like ?")) {
                q.setString(1, prefix + "%");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        proposals.merge(rs.getString(2), 1, Integer::sum);
                        votes.put(rs.getString(1), new HashMap<>());
                    }
                }
            }
            try (PreparedStatement q = db.prepareStatement("select v.proposal_id, v.partner_id, v.choice from vote v "
                    + "join proposal r on r.id = v.proposal_id join project j on j.id = r.project_id where j.title like ?")) {
                q.setString(1, prefix + "%");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        votes.get(rs.getString(1)).put(rs.getString(2), rs.getString(3));
                    }
                }
            }
        }
        assertThat(projectIds.keySet()).as("every round's project, once, and no other")
                .containsExactlyInAnyOrderElementsOf(rounds.stream().map(r -> r.title).toList());
        for (Round round : rounds) {
            assertThat(projectIds.get(round.title)).isEqualTo(round.project);
            assertThat(participants.get(round.project)).as("participants of %s", round.title).isEqualTo(Map.of(
                    city.partnerId(), "ACCEPTED", charity.partnerId(), "ACCEPTED",
                    company.partnerId(), round.companyAccepted ? "ACCEPTED" : "DECLINED"));
            assertThat(proposals.get(round.project)).as("proposals of %s: two admissions and a resolution", round.title).isEqualTo(3);
            assertThat(round.votes.keySet()).as("the proposals voted on").hasSize(3);
            for (var proposal : round.votes.entrySet()) {
                assertThat(votes.get(proposal.getKey())).as("votes on %s of %s", proposal.getKey(), round.title)
                        .isEqualTo(proposal.getValue());
            }
        }
        try (Connection db = quiescence.connect("resources");
             PreparedStatement q = db.prepareStatement("select r.id, a.partner_id, a.share_percent from risk r "
                     + "join risk_allocation a on a.risk_id = r.id where r.project_id = ?")) {
            for (Round round : rounds) {
                q.setObject(1, UUID.fromString(round.project));
                Map<String, String> shares = new LinkedHashMap<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        assertThat(rs.getString(1)).as("the one risk of %s", round.title).isEqualTo(round.risk);
                        shares.put(rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros().toPlainString());
                    }
                }
                assertThat(shares).as("the shares of the risk of %s", round.title).isEqualTo(round.shares);
            }
        }
    }
}
