package org.partnership.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;
import java.util.TreeSet;

/**
 * Puts a project's dashboard together from what the services answered, in their published shapes: the gateway
 * composes, it calculates nothing. Contribution totals per partner are resources-service's project commitments
 * ({@code GET /api/v1/commitments?projectId=}), so the dashboard and that endpoint always agree; overdue and partially
 * delivered contributions are the service's filtered lists. A part a service could not give is left out (as every
 * absent optional field of the API is, README "API") and its service named in {@code unavailable} (the dashboard is
 * then {@code partial}); a part the service refused the caller is left out and named in {@code restricted}; a list cut
 * off at the dashboard's bound is named in {@code truncated}. What the lead must do ({@code actionsNeeded}, e.g.
 * reallocate a departed partner's risk shares) is the readiness's {@code actions}; the open pledges of partners that left
 * ({@code departedPledges}) are resources-service's; the {@code integration} is projects-service's (issue #19); the
 * {@code openProposals} (with the rule's tally) and the {@code decisionLog} (proposals newest first, who voted what and
 * when) are projects-service's proposals as it counts them (issue #21).
 */
public final class DashboardComposer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DashboardComposer() {
    }

    /** The project (required: it decides visibility) and every other part as its service gave it. */
    public record Parts(JsonNode project, Part readiness, Part participants, Part needs, Part commitments, Part overdue,
                        Part partiallyDelivered, Part risks, Part integration, Part departedPledges, Part openProposals,
                        Part decisionLog) {
        public Parts(JsonNode project, Part readiness, Part participants, Part needs, Part commitments, Part overdue,
                Part partiallyDelivered, Part risks, Part integration, Part departedPledges) {
            this(project, readiness, participants, needs, commitments, overdue, partiallyDelivered, risks, integration, departedPledges,
                    Part.of(null), Part.of(null));
        }

        public Parts(JsonNode project, Part readiness, Part participants, Part needs, Part commitments, Part overdue,
                Part partiallyDelivered, Part risks) {
            this(project, readiness, participants, needs, commitments, overdue, partiallyDelivered, risks, Part.of(null), Part.of(null));
        }
    }

    /** The organisation's portfolio (projects-service) and its own commitments (resources-service), as they are. */
    public static ObjectNode composePortfolio(Part portfolio, Part commitments) {
        ObjectNode dashboard = JSON.objectNode();
        Set<String> unavailable = new TreeSet<>();
        Set<String> restricted = new TreeSet<>();
        Set<String> truncated = new TreeSet<>();
        put(dashboard, "portfolio", portfolio, unavailable, restricted, truncated);
        put(dashboard, "commitments", commitments, unavailable, restricted, truncated);
        dashboard.put("partial", !unavailable.isEmpty());
        unavailable.forEach(dashboard.putArray("unavailable")::add);
        restricted.forEach(dashboard.putArray("restricted")::add);
        truncated.forEach(dashboard.putArray("truncated")::add);
        return dashboard;
    }

    public static ObjectNode compose(Parts parts) {
        ObjectNode dashboard = JSON.objectNode();
        Set<String> unavailable = new TreeSet<>();
        Set<String> restricted = new TreeSet<>();
        Set<String> truncated = new TreeSet<>();
        dashboard.set("project", parts.project());
        put(dashboard, "readiness", parts.readiness(), unavailable, restricted, truncated);
        put(dashboard, "participants", items(parts.participants()), unavailable, restricted, truncated);
        put(dashboard, "needs", items(parts.needs()), unavailable, restricted, truncated);
        put(dashboard, "contributionsByPartner", field(parts.commitments(), "partners"), unavailable, restricted, truncated);
        put(dashboard, "overdue", items(parts.overdue()), unavailable, restricted, truncated);
        put(dashboard, "partiallyDelivered", items(parts.partiallyDelivered()), unavailable, restricted, truncated);
        put(dashboard, "risks", open(items(parts.risks())), unavailable, restricted, truncated);
        put(dashboard, "actionsNeeded", field(parts.readiness(), "actions"), unavailable, restricted, truncated);
        put(dashboard, "departedPledges", parts.departedPledges(), unavailable, restricted, truncated);
        put(dashboard, "integration", parts.integration(), unavailable, restricted, truncated);
        put(dashboard, "openProposals", parts.openProposals(), unavailable, restricted, truncated);
        put(dashboard, "decisionLog", parts.decisionLog(), unavailable, restricted, truncated);
        dashboard.put("partial", !unavailable.isEmpty());
        unavailable.forEach(dashboard.putArray("unavailable")::add);
        restricted.forEach(dashboard.putArray("restricted")::add);
        truncated.forEach(dashboard.putArray("truncated")::add);
        return dashboard;
    }

    private static void put(ObjectNode dashboard, String field, Part part, Set<String> unavailable, Set<String> restricted,
            Set<String> truncated) {
        if (part.value() != null && !part.value().isNull()) {
            dashboard.set(field, part.value());
        }
        if (part.unavailable() != null) {
            unavailable.add(part.unavailable());
        }
        if (part.restricted()) {
            restricted.add(field);
        }
        if (part.truncated()) {
            truncated.add(field);
        }
    }

    /** A list part: the items its pages gave, or one page {@code {items, next}}. */
    private static Part items(Part part) {
        JsonNode answer = part.value();
        return answer != null && answer.has("items") ? new Part(answer.get("items"), false, null, part.truncated()) : part;
    }

    private static Part field(Part part, String name) {
        return part.value() == null ? part : new Part(part.value().path(name).isMissingNode() ? null : part.value().get(name),
                false, null, part.truncated());
    }

    /** The risks still OPEN (the register also holds mitigated and closed ones). */
    private static Part open(Part risks) {
        if (risks.value() == null) {
            return risks;
        }
        ArrayNode open = JSON.arrayNode();
        risks.value().forEach(r -> {
            if ("OPEN".equals(r.path("status").asText())) {
                open.add(r);
            }
        });
        return new Part(open, false, null, risks.truncated());
    }
}
