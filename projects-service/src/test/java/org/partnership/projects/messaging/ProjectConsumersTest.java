package org.partnership.projects.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.partnership.projects.Fixtures;
import org.partnership.projects.Fixtures.Partnership;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Tokens;
import org.partnership.testsupport.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.partnership.projects.Fixtures.PARTNERS_CONSUMER;
import static org.partnership.projects.Fixtures.RESOURCES_CONSUMER;
import static org.partnership.testsupport.Tokens.as;

/** The partners.v1 and resources.v1 consumers against the real broker: contracts, replays, ordering, poison. */
@QuarkusTest
class ProjectConsumersTest {

    static final List<String> PARTNER_TYPES = List.of("registered", "updated", "verified", "suspended", "reinstated", "archived");

    @Test
    void shouldApplyEveryExampleOfTheConsumedContracts() throws Throwable {
        // each example about a partner or project of its own, so that every one of them must show in what it feeds
        for (String verb : PARTNER_TYPES) {
            String type = "partnership.partner." + verb + ".v1";
            for (JsonNode example : EventContracts.dataExamples(type)) {
                UUID id = UUID.randomUUID();
                ObjectNode data = ((ObjectNode) example.deepCopy()).put("partnerId", id.toString());
                String event = EventContracts.validEvent(type, "/partners-service", id.toString(), data);
                Fixtures.sendAndAwait("partners.v1", id.toString(), event, PARTNERS_CONSUMER);

                Row replica = replica(id);
                assertThat(replica.getString("name")).as(type).isEqualTo(data.path("name").asText());
                assertThat(replica.getString("sector")).as(type).isEqualTo(data.path("sector").asText());
                assertThat(replica.getString("status")).as(type).isEqualTo(data.path("status").asText());
                assertThat(replica.getLong("version")).as(type).isEqualTo(data.path("version").asLong());
            }
        }
        String type = "partnership.project.resources-summarised.v1";
        for (JsonNode example : EventContracts.dataExamples(type)) {
            UUID project = UUID.randomUUID();
            ObjectNode data = ((ObjectNode) example.deepCopy()).put("projectId", project.toString());
            String event = EventContracts.validEvent(type, "/resources-service", project.toString(), data);
            Fixtures.sendAndAwait("resources.v1", project.toString(), event, RESOURCES_CONSUMER);

            Row summary = summary(project);
            assertThat(summary.getLong("sequence")).isEqualTo(data.path("sequence").asLong());
            assertThat(summary.getInteger("open_risks")).isEqualTo(data.path("openRisks").asInt());
            assertThat(summary.getInteger("needs")).isEqualTo(data.path("needs").size());
            assertThat(summary.getString("first_coverage")).isEqualTo(data.path("needs").path(0).path("coveragePercent").asText());
            assertThat(summary.getInteger("unallocated")).isEqualTo(data.path("unallocatedOpenRisks").size());
        }
    }

    @Test
    void shouldApplyAReplayedPartnerEventOnceAndNeverGoBackToAnOlderVersion() throws Throwable {
        UUID id = Fixtures.partner("THIRD_SECTOR");
        String suspended = Fixtures.publishPartner("suspended", id, "Suspended Name", "THIRD_SECTOR", "SUSPENDED", 2);
        Fixtures.publishPartner("reinstated", id, "Reinstated Name", "THIRD_SECTOR", "ACTIVE", 3);

        Topics.send("partners.v1", id.toString(), suspended);
        Fixtures.publishPartner("updated", id, "Stale Name", "MARKET", "ACTIVE", 2);

        Row replica = replica(id);
        assertThat(replica.getString("status")).isEqualTo("ACTIVE");
        assertThat(replica.getString("name")).isEqualTo("Reinstated Name");
        assertThat(replica.getString("sector")).isEqualTo("THIRD_SECTOR");
        assertThat(replica.getLong("version")).isEqualTo(3L);
        assertThat(Database.processed(PARTNERS_CONSUMER, EventContracts.id(suspended))).isEqualTo(1L);
    }

    @Test
    void shouldKeepOnlyTheLatestResourcesSummaryAndLetItChangeReadiness() throws Throwable {
        Partnership p = Fixtures.openPartnership("PUBLIC", "MARKET");
        String key = p.id().toString();
        Fixtures.coveredAndAllocated(p.id(), 2);
        assertFailing(p, List.of());

        Fixtures.sendAndAwait("resources.v1", key, Fixtures.summaryEvent(p.id(), 1, List.of("10"), 0, Map.of()), RESOURCES_CONSUMER);
        assertFailing(p, List.of());

        String uncovered = Fixtures.summaryEvent(p.id(), 3, List.of("50"), 1, Map.of("Volunteer no-shows", "0"));
        Fixtures.sendAndAwait("resources.v1", key, uncovered, RESOURCES_CONSUMER);
        assertFailing(p, List.of("NEEDS_COVERED", "RISKS_ALLOCATED"));

        String covered = Fixtures.summaryEvent(p.id(), 4, List.of("100"), 1, Map.of());
        Fixtures.sendAndAwait("resources.v1", key, covered, RESOURCES_CONSUMER);
        assertFailing(p, List.of());

        Topics.send("resources.v1", key, uncovered);
        Fixtures.sendAndAwait("resources.v1", key, Fixtures.summaryEvent(p.id(), 4, List.of("0"), 0, Map.of()), RESOURCES_CONSUMER);
        assertFailing(p, List.of());
        assertThat(Database.processed(RESOURCES_CONSUMER, EventContracts.id(uncovered))).isEqualTo(1L);
    }

    /**
     * Delivery reviews reach projects-service through the summaries resources-service publishes after each of them:
     * a dispute, then its resolution, converge in the replica (only confirmed quantities count as delivered).
     */
    @Test
    void shouldKeepConfirmedAndDisputedQuantitiesFromTheSummaries() throws Throwable {
        Partnership p = Fixtures.openPartnership("PUBLIC", "MARKET");
        String key = p.id().toString();
        Fixtures.coveredAndAllocated(p.id(), 1);
        String disputed = Fixtures.summaryEvent(p.id(), 2, List.of("100"), 0, Map.of(), "40", "20");
        Fixtures.sendAndAwait("resources.v1", key, disputed, RESOURCES_CONSUMER);
        assertThat(needsReason(p)).endsWith("; confirmed as delivered: VOLUNTEER_HOURS 40 of 400 hours (20 disputed)");

        Fixtures.sendAndAwait("resources.v1", key, Fixtures.summaryEvent(p.id(), 3, List.of("100"), 0, Map.of(), "60", "0"),
                RESOURCES_CONSUMER);
        assertThat(needsReason(p)).endsWith("; confirmed as delivered: VOLUNTEER_HOURS 60 of 400 hours");
        Topics.send("resources.v1", key, disputed);
        Fixtures.sendAndAwait("resources.v1", key, Fixtures.summaryEvent(p.id(), 3, List.of("0"), 0, Map.of()), RESOURCES_CONSUMER);
        assertThat(needsReason(p)).endsWith("VOLUNTEER_HOURS 60 of 400 hours");
    }

    private static String needsReason(Partnership p) {
        return as(p.coordinator()).get(p.path() + "/readiness").then().statusCode(200).extract()
                .path("criteria.find { it.code == 'NEEDS_COVERED' }.reason");
    }

    @Test
    void shouldShowASuspendedPartnerAsSuspendedInEveryProjectItTakesPartIn() {
        UUID shared = Fixtures.partner("THIRD_SECTOR");
        Partnership first = Fixtures.openPartnership("PUBLIC");
        Partnership second = Fixtures.openPartnership("MARKET");
        for (Partnership p : List.of(first, second)) {
            as(p.coordinator()).body(Map.of("partnerId", shared.toString(), "role", "SERVICE_PROVIDER"))
                    .post(p.path() + "/participants").then().statusCode(201);
            as(Tokens.partnerRep(shared)).post(p.path() + "/participants/" + shared + "/accept").then().statusCode(200);
            Fixtures.coveredAndAllocated(p.id(), 1);
            assertFailing(p, List.of());
        }

        Fixtures.publishPartner("suspended", shared, "Shared Charity", "THIRD_SECTOR", "SUSPENDED", 2);
        for (Partnership p : List.of(first, second)) {
            as(Tokens.partnerRep(shared)).get(p.path()).then().statusCode(200)
                    .body("participants.find { it.partnerId == '%s' }.partnerStatus".formatted(shared), is("SUSPENDED"))
                    .body("flags.code", hasItem("PARTICIPANT_SUSPENDED"));
            assertFailing(p, List.of("PARTICIPANTS_ACTIVE"));
        }

        Fixtures.publishPartner("reinstated", shared, "Shared Charity", "THIRD_SECTOR", "ACTIVE", 3);
        assertFailing(first, List.of());
        as(first.coordinator()).post(first.path() + "/launch").then().statusCode(200).body("status", is("ACTIVE"));
    }

    @Test
    void shouldDeadLetterAPoisonEventAndKeepConsuming() {
        UUID id = UUID.randomUUID();
        Topics.send("partners.v1", id.toString(), "{\"this is\": \"not a cloud event\"");
        List<String> dead = Topics.values("partners.v1.dlq", id.toString(), 1, Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);

        Fixtures.publishPartner("verified", id, "After The Poison", "MARKET", "ACTIVE", 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(replica(id).getString("name")).isEqualTo("After The Poison"));
    }

    // ---------------------------------------------------------------- helpers

    private static void assertFailing(Partnership p, List<String> failing) {
        as(p.coordinator()).get(p.path() + "/readiness").then().statusCode(200)
                .body("ready", is(failing.isEmpty()))
                .body("criteria.findAll { !it.passed }.code", is(failing));
    }

    private static Row summary(UUID project) throws Throwable {
        Pool pool = Arc.container().instance(Pool.class).get();
        return VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("select sequence, open_risks, jsonb_array_length(needs::jsonb) as needs, "
                        + "needs::jsonb -> 0 ->> 'coveragePercent' as first_coverage, "
                        + "jsonb_array_length(unallocated_open_risks::jsonb) as unallocated from resources_summary where project_id = $1")
                .execute(Tuple.of(project))
                .map(rows -> rows.iterator().next()));
    }

    private static Row replica(UUID id) throws Throwable {
        Pool pool = Arc.container().instance(Pool.class).get();
        return VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("select name, sector, status, version from partner_replica where partner_id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().next()));
    }
}
