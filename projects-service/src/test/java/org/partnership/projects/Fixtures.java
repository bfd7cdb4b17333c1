package org.partnership.projects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.partnership.testsupport.Database;
import org.partnership.testsupport.EventContracts;
import org.partnership.testsupport.Tokens;
import org.partnership.testsupport.Topics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.partnership.testsupport.Tokens.as;

/**
 * Test data the real way: partners and resources summaries arrive as events on partners.v1 / resources.v1 and are
 * applied by the service's own consumers; projects are created and joined through the API.
 */
public final class Fixtures {

    public static final String PROJECTS = "/api/v1/projects";
    public static final String PARTNERS_CONSUMER = "projects-service.partners";
    public static final String RESOURCES_CONSUMER = "projects-service.resources";
    static final ObjectMapper JSON = new ObjectMapper();
    public static final ObjectMapper JSON_MAPPER = JSON;

    private Fixtures() {
    }

    // ---------------------------------------------------------------- partners.v1

    /** A new ACTIVE partner of the sector, known to the replica once this returns. */
    public static UUID partner(String sector) {
        UUID id = UUID.randomUUID();
        publishPartner("verified", id, sector + " partner " + id.toString().substring(0, 8), sector, "ACTIVE", 1);
        return id;
    }

    /** Publishes a partner event (valid against its contract) and waits until the consumer applied it; returns the event. */
    public static String publishPartner(String verb, UUID id, String name, String sector, String status, long version) {
        String event = partnerEvent(verb, id, name, sector, status, version);
        sendAndAwait("partners.v1", id.toString(), event, PARTNERS_CONSUMER);
        return event;
    }

    public static String partnerEvent(String verb, UUID id, String name, String sector, String status, long version) {
        String type = "partnership.partner." + verb + ".v1";
        ObjectNode data = EventContracts.exampleData(type);
        data.put("partnerId", id.toString()).put("name", name).put("sector", sector).put("status", status).put("version", version);
        return EventContracts.validEvent(type, "/partners-service", id.toString(), data);
    }

    // ---------------------------------------------------------------- resources.v1


    /** A summary with one need per coverage percent and the given unallocated risks (title → allocated percent). */
    public static String summaryEvent(UUID project, long sequence, List<String> coverages, int openRisks, Map<String, String> unallocated) {
        return summaryEvent(project, sequence, coverages, openRisks, unallocated, null, null);
    }

    /** The same, each need with these confirmed and disputed quantities (as resources-service sends after reviews). */
    public static String summaryEvent(UUID project, long sequence, List<String> coverages, int openRisks, Map<String, String> unallocated,
            String confirmed, String disputed) {
        ObjectNode data = JSON.createObjectNode().put("projectId", project.toString()).put("sequence", sequence);
        ArrayNode needs = data.putArray("needs");
        for (String coverage : coverages) {
            needs.addObject().put("needId", UUID.randomUUID().toString()).put("type", "VOLUNTEER_HOURS").put("unit", "hours")
                    .put("quantity", "400").put("pledged", new java.math.BigDecimal(coverage).multiply(new java.math.BigDecimal(4)).toPlainString())
                    .put("delivered", confirmed == null ? "0" : confirmed).put("coveragePercent", coverage);
            if (confirmed != null) {
                ((ObjectNode) needs.get(needs.size() - 1)).put("confirmed", confirmed).put("disputed", disputed)
                        .put("confirmedPercent", new java.math.BigDecimal(confirmed).multiply(new java.math.BigDecimal(100))
                                .divide(new java.math.BigDecimal(400)).stripTrailingZeros().toPlainString());
            }
        }
        data.put("openRisks", openRisks);
        ArrayNode risks = data.putArray("unallocatedOpenRisks");
        unallocated.forEach((title, percent) -> risks.addObject().put("riskId", UUID.randomUUID().toString())
                .put("title", title).put("allocatedPercent", percent));
        return EventContracts.validEvent("partnership.project.resources-summarised.v1", "/resources-service", project.toString(), data);
    }

    /** Needs covered, every open risk allocated: the resources side of a ready project. */
    public static void coveredAndAllocated(UUID project, long sequence) {
        sendAndAwait("resources.v1", project.toString(), summaryEvent(project, sequence, List.of("100"), 2, Map.of()), RESOURCES_CONSUMER);
    }

    // ---------------------------------------------------------------- plumbing

    public static void sendAndAwait(String topic, String key, String event, String consumer) {
        Topics.send(topic, key, event);
        Database.awaitProcessed(consumer, EventContracts.id(event));
    }

    // ---------------------------------------------------------------- projects

    public static Map<String, Object> projectBody(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("purpose", "Move people from the streets into homes with support.");
        body.put("dimensions", List.of("HOUSING", "EMPLOYMENT"));
        body.put("plannedStart", LocalDate.of(2026, 9, 1).toString());
        body.put("plannedEnd", LocalDate.of(2027, 8, 31).toString());
        return body;
    }

    /** A DRAFT project led by {@code lead}. */
    public static String createProject(UUID lead) {
        return as(Tokens.coordinator(lead)).body(projectBody("Project " + UUID.randomUUID())).post(PROJECTS)
                .then().statusCode(201).extract().path("id");
    }

    public static void post(String token, String path, int status) {
        as(token).post(path).then().statusCode(status);
    }

    /** An OPEN project led by a partner of {@code leadSector} with one accepted participant per other sector. */
    public static Partnership openPartnership(String leadSector, String... participantSectors) {
        UUID lead = partner(leadSector);
        String id = createProject(lead);
        String coordinator = Tokens.coordinator(lead);
        post(coordinator, PROJECTS + "/" + id + "/open", 200);
        UUID[] participants = new UUID[participantSectors.length];
        for (int i = 0; i < participantSectors.length; i++) {
            participants[i] = partner(participantSectors[i]);
            as(coordinator).body(Map.of("partnerId", participants[i].toString(), "role", "CO_PRODUCER", "message", "Join us"))
                    .post(PROJECTS + "/" + id + "/participants").then().statusCode(201);
            post(Tokens.partnerRep(participants[i]), PROJECTS + "/" + id + "/participants/" + participants[i] + "/accept", 200);
        }
        return new Partnership(UUID.fromString(id), lead, coordinator, participants);
    }

    public record Partnership(UUID id, UUID lead, String coordinator, UUID[] participants) {
        public String path() {
            return PROJECTS + "/" + id;
        }
    }
}
