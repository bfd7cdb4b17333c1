package org.partnership.resources.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.resources.Fixtures;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnership.testsupport.Database.awaitProcessed;
import static org.partnership.testsupport.Topics.sendEvent;

/** The partner and project replicas, kept from partners.v1 and projects.v1 through the inbox. */
@QuarkusTest
class ReplicaConsumerTest {

    static final List<String> PARTNER_TYPES = ResourceEvents.PARTNER_SNAPSHOTS;

    @Test
    void shouldApplyEverySchemaExampleOfTheConsumedEventsToTheReplicas() {
        // each example about a partner or project of its own, so that every one of them must show in its replica
        Map<UUID, JsonNode> partners = new LinkedHashMap<>();
        List<String> partnerEvents = new ArrayList<>();
        for (String type : PARTNER_TYPES) {
            for (JsonNode example : EventContracts.dataExamples(type)) {
                UUID id = UUID.randomUUID();
                ObjectNode data = ((ObjectNode) example.deepCopy()).put("partnerId", id.toString());
                partners.put(id, data);
                partnerEvents.add(sendEvent("partners.v1", EventContracts.validEvent(type, "/contract-examples", id.toString(), data)));
            }
        }
        Map<UUID, JsonNode> projects = new LinkedHashMap<>();
        List<String> projectEvents = new ArrayList<>();
        for (String type : ResourceEvents.PROJECT_SNAPSHOTS) {
            for (JsonNode example : EventContracts.dataExamples(type)) {
                UUID id = UUID.randomUUID();
                ObjectNode data = ((ObjectNode) example.deepCopy()).put("projectId", id.toString());
                projects.put(id, data);
                projectEvents.add(sendEvent("projects.v1", EventContracts.validEvent(type, "/contract-examples", id.toString(), data)));
            }
        }
        assertThat(partners).hasSizeGreaterThanOrEqualTo(PARTNER_TYPES.size());
        assertThat(projects).hasSizeGreaterThanOrEqualTo(ResourceEvents.PROJECT_SNAPSHOTS.size());
        awaitProcessed(PartnerEventConsumer.CONSUMER, partnerEvents.toArray(String[]::new));
        awaitProcessed(ProjectEventConsumer.CONSUMER, projectEvents.toArray(String[]::new));

        partners.forEach((id, data) -> assertThat(Database.rows("select status, version from partner_replica where id = ?", id))
                .as("the replica of %s", data).containsExactly(Map.of("status", data.path("status").asText(),
                        "version", data.path("version").asText())));
        projects.forEach((id, data) -> {
            Map<String, String> row = Database.rows("select title, status, lead_partner_id, version, "
                    + "array_to_string(accepted_partners, ',') as accepted from project_replica where id = ?", id).get(0);
            assertThat(row).as("the replica of %s", data).containsEntry("title", data.path("title").asText())
                    .containsEntry("status", data.path("status").asText())
                    .containsEntry("lead_partner_id", data.path("leadPartnerId").asText())
                    .containsEntry("version", data.path("version").asText());
            List<String> accepted = new ArrayList<>();
            data.path("participants").forEach(p -> {
                if (p.path("status").asText().equals("ACCEPTED")) {
                    accepted.add(p.path("partnerId").asText());
                }
            });
            assertThat(row.get("accepted").split(",")).as("accepted partners of %s", data)
                    .containsExactlyInAnyOrderElementsOf(accepted);
        });
    }

    @Test
    void shouldKeepOnlyAcceptedParticipantsAndTheLead() {
        UUID project = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID accepted = UUID.randomUUID();
        UUID invited = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        Fixtures.project(project, "Mixed", lead, "OPEN", 2, new java.util.LinkedHashMap<>(Map.of(accepted, "ACCEPTED",
                invited, "INVITED", declined, "DECLINED")));
        Fixtures.awaitProject(project, 2);
        String members = Database.rows("select array_to_string(accepted_partners, ',') as members from project_replica where id = ?", project)
                .get(0).get("members");
        assertThat(members.split(",")).containsExactlyInAnyOrder(lead.toString(), accepted.toString());
    }

    @Test
    void shouldNotLetAnOlderVersionOverwriteANewerOne() {
        UUID partner = UUID.randomUUID();
        Fixtures.partner(partner, "MARKET", "SUSPENDED", 3);
        Fixtures.awaitPartner(partner, 3);
        String older = Fixtures.partnerEvent("partnership.partner.verified.v1", partner, "MARKET", "ACTIVE", 2);
        Topics.send("partners.v1", partner.toString(), older);
        awaitProcessed(PartnerEventConsumer.CONSUMER, EventContracts.id(older));
        assertThat(status(partner)).isEqualTo("SUSPENDED");
        assertThat(Database.longValue("select version from partner_replica where id = ?", partner)).isEqualTo(3);

        UUID project = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        Fixtures.project(project, "Newer", lead, "ACTIVE", 5, Map.of());
        Fixtures.awaitProject(project, 5);
        String stale = Fixtures.projectEvent("partnership.project.opened.v1", project, "Older", lead, "OPEN", 4, Map.of());
        Topics.send("projects.v1", project.toString(), stale);
        awaitProcessed(ProjectEventConsumer.CONSUMER, EventContracts.id(stale));
        assertThat(Database.rows("select title, status from project_replica where id = ?", project).get(0))
                .containsEntry("title", "Newer").containsEntry("status", "ACTIVE");
    }

    @Test
    void shouldGiveAReplayedEventNoSecondEffect() {
        UUID partner = UUID.randomUUID();
        String registered = Fixtures.partnerEvent("partnership.partner.registered.v1", partner, "THIRD_SECTOR", "PENDING_VERIFICATION", 0);
        Topics.send("partners.v1", partner.toString(), registered);
        awaitProcessed(PartnerEventConsumer.CONSUMER, EventContracts.id(registered));
        Fixtures.partner(partner, "THIRD_SECTOR", "ACTIVE", 1);
        Fixtures.awaitPartner(partner, 1);

        Topics.send("partners.v1", partner.toString(), registered);
        String marker = Fixtures.partnerEvent("partnership.partner.updated.v1", UUID.randomUUID(), "MARKET", "ACTIVE", 0);
        Topics.send("partners.v1", partner.toString(), marker);
        awaitProcessed(PartnerEventConsumer.CONSUMER, EventContracts.id(marker));
        assertThat(status(partner)).isEqualTo("ACTIVE");
        assertThat(Database.longValue("select count(*) from processed_event where event_id = ?",
                EventContracts.id(registered))).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAMalformedEventAndKeepConsuming() {
        UUID partner = UUID.randomUUID();
        ObjectNode broken = (ObjectNode) EventContracts.json(Fixtures.partnerEvent("partnership.partner.updated.v1", partner, "MARKET", "ACTIVE", 1));
        ((ObjectNode) broken.path("data")).remove("status");
        Topics.send("partners.v1", partner.toString(), broken.toString());
        Topics.send("partners.v1", partner.toString(), "not json at all");
        Fixtures.partner(partner, "MARKET", "ACTIVE", 2);
        Fixtures.awaitPartner(partner, 2);
        assertThat(Topics.values("partners.v1.dlq", partner.toString(), 2, Duration.ofSeconds(20))).hasSize(2);
    }

    private static String status(UUID partner) {
        return Database.rows("select status from partner_replica where id = ?", partner).get(0).get("status");
    }
}
