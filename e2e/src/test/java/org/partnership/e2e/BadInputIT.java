package org.partnership.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnership.e2e.MatrixFixtures.Who;
import org.partnership.e2e.RawHttp.Answer;
import org.partnership.e2e.RawHttp.Call;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixed set of bad inputs against every write endpoint (and the list endpoints' parameters), each sent by someone
 * allowed to call it, so only the input is wrong: malformed JSON, wrong types, missing and null required fields,
 * unknown and server-owned fields, huge strings, bodies over the limit (declared and chunked), zero and negative
 * quantities, out-of-range numbers, impossible dates, invalid enums, invalid UUIDs in paths and queries, bad
 * pagination. Every one must be answered with the 4xx it deserves as an application/problem+json body, never a
 * 5xx, and afterwards every fixture reads back exactly as before.
 *
 * <p>A chunked body over the limit is cut off by the gateway as it streams (413), like a declared one.
 */
@Order(3)
@ExtendWith(Platform.class)
class BadInputIT {

    /** One bad request and the status it deserves (any of them). */
    record Case(String label, Call call, Set<Integer> expected) {
    }

    /** A write endpoint: who may call it, and a body that would be accepted (never sent as is). */
    record Endpoint(Who who, String method, String path, Map<String, Object> valid, List<String> required, String ifMatch) {
        String name() {
            return method + " " + path;
        }

        Call call(Object body) {
            Call call = f.call(who, method, path);
            if (ifMatch != null) {
                call = call.header("If-Match", ifMatch);
            }
            return body == null ? call : call.body(body);
        }
    }

    private static final String HUGE = "x".repeat(100_000);
    /** Over the 256 KiB body limit of the gateway and the services. */
    private static final String OVER_LIMIT = "y".repeat(300 * 1024);
    private static final String BAD_UUID = "not-a-uuid";
    private static final List<String> SERVER_OWNED = List.of("id", "status", "version", "createdAt", "updatedAt");

    private static MatrixFixtures f;
    private static String applicantToken;
    private static final List<Case> cases = new ArrayList<>();

    @BeforeAll
    static void world() {
        f = MatrixFixtures.get();
        // someone who represents no partner yet: only the body stands between them and a new registration
        applicantToken = Platform.newUser("applicant").token();
    }

    @Test
    void shouldRefuseEveryBadInputWithA4xxProblemAndChangeNothing() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String rep = f.partnerOf.get(Who.REP);
        String peer = f.partnerOf.get(Who.PEER);
        String outsider = f.partnerOf.get(Who.OUTSIDER);
        String unknown = UUID.randomUUID().toString();

        // ------------------------------------------------------------------------------------- partners-service
        Map<String, Object> organisation = map(MatrixFixtures.organisation("Applicant", "COMMUNITY", UUID.randomUUID().toString()));
        Endpoint register = new Endpoint(null, "POST", "/api/v1/partners", organisation,
                List.of("name", "legalForm", "registrationNumber", "country", "sector", "level", "serviceDomains"), null);
        generic(register, applicantToken, List.of("members", "statusReason"));
        bad(register, applicantToken, "country", "GBR", 400);
        bad(register, applicantToken, "country", "gb", 400);
        bad(register, applicantToken, "sector", "GOVERNMENT", 400);
        bad(register, applicantToken, "level", "GALACTIC", 400);
        bad(register, applicantToken, "serviceDomains", List.of(), 400);
        bad(register, applicantToken, "serviceDomains", List.of("MOON"), 400);
        bad(register, applicantToken, "serviceDomains", Collections.singletonList(null), 400);
        bad(register, applicantToken, "contactEmail", "not-an-email", 400);
        bad(register, applicantToken, "website", "ftp://example.org", 400);
        bad(register, applicantToken, "name", "   ", 400);
        bad(register, applicantToken, "capabilities", List.of(Map.of("tag", "no!tags?here")), 400);
        bad(register, applicantToken, "capabilities", List.of(Map.of("tag", "ok", "capacity", "-1")), 400);
        bad(register, applicantToken, "capabilities", List.of(Map.of("tag", "ok", "capacity", "abc")), 400);
        bad(register, applicantToken, "capabilities", Collections.nCopies(51, Map.of("tag", "many")), 400);
        bad(register, applicantToken, "serviceDomains", Collections.nCopies(14, "HOUSING"), 400);
        cases.add(new Case("POST /api/v1/partners: JSON nested 5000 deep", Call.of("POST", "/api/v1/partners", applicantToken)
                .body("[".repeat(5000) + "]".repeat(5000)), Set.of(400)));

        Endpoint patchPartner = new Endpoint(Who.REP, "PATCH", "/api/v1/partners/" + rep, Map.of("description", "changed"),
                List.of(), etag("/api/v1/partners/" + rep));
        generic(patchPartner, null, List.of("registrationNumber", "country", "members", "statusReason"));
        bad(patchPartner, null, "name", "", 400);
        bad(patchPartner, null, "name", "   ", 400);
        bad(patchPartner, null, "sector", "GOVERNMENT", 400);
        bad(patchPartner, null, "serviceDomains", List.of(), 400);
        bad(patchPartner, null, "contactEmail", "@@", 400);
        bad(patchPartner, null, "website", "javascript:alert(1)", 400);
        cases.add(new Case("PATCH partner without If-Match", f.call(Who.REP, "PATCH", "/api/v1/partners/" + rep)
                .body(Map.of("description", "changed")), Set.of(428)));
        cases.add(new Case("PATCH partner with a garbage If-Match", f.call(Who.REP, "PATCH", "/api/v1/partners/" + rep)
                .header("If-Match", "garbage").body(Map.of("description", "changed")), Set.of(412)));
        for (String action : List.of("verify", "suspend", "reinstate", "archive")) {
            Endpoint status = new Endpoint(Who.ADMIN, "POST", "/api/v1/partners/" + f.pendingPartner + "/" + action,
                    Map.of("reason", "checked"), List.of("reason"), null);
            generic(status, null, List.of());
            bad(status, null, "reason", "", 400);
            bad(status, null, "reason", "   ", 400);
            bad(status, null, "reason", "r".repeat(2001), 400);
            path(Who.ADMIN, "POST", "/api/v1/partners/{}/" + action, Map.of("reason", "checked"));
        }
        path(Who.REP, "GET", "/api/v1/partners/{}", null);
        path(Who.REP, "GET", "/api/v1/partners/{}/members", null);
        path(Who.REP, "PATCH", "/api/v1/partners/{}", Map.of("description", "changed"));
        query(Who.REP, "/api/v1/partners", Map.of("limit", "0"), 400);
        query(Who.REP, "/api/v1/partners", Map.of("limit", "100000"), 400);
        query(Who.REP, "/api/v1/partners", Map.of("limit", "abc"), 400);
        query(Who.REP, "/api/v1/partners", Map.of("cursor", "garbage!"), 400);
        query(Who.REP, "/api/v1/partners", Map.of("cursor", b64("2026-01-01T00:00:00Z\u0000not-a-uuid")), 400);
        query(Who.REP, "/api/v1/partners", Map.of("sector", "GOVERNMENT"), 400);
        query(Who.REP, "/api/v1/partners", Map.of("status", "SLEEPING"), 400);
        query(Who.REP, "/api/v1/partners", Map.of("domain", "MOON"), 400);

        // ------------------------------------------------------------------------------------- projects-service
        Map<String, Object> project = Map.of("title", "Bad input project", "purpose", "should never exist",
                "dimensions", List.of("HOUSING"), "plannedStart", "2027-01-01", "plannedEnd", "2027-12-31");
        Endpoint create = new Endpoint(Who.LEAD, "POST", "/api/v1/projects", project,
                List.of("title", "purpose", "dimensions", "plannedStart", "plannedEnd"), null);
        generic(create, null, List.of("leadPartnerId", "participants", "visibility"));
        bad(create, null, "title", "   ", 400);
        bad(create, null, "dimensions", List.of(), 400);
        bad(create, null, "dimensions", List.of("MOON"), 400);
        bad(create, null, "dimensions", Collections.singletonList(null), 400);
        bad(create, null, "dimensions", Collections.nCopies(14, "HOUSING"), 400);
        bad(create, null, "plannedStart", "2027-02-30", 400);
        bad(create, null, "plannedEnd", "2026-12-31", 400);
        bad(create, null, "requiredCoveragePercent", -1, 400);
        bad(create, null, "requiredCoveragePercent", 101, 400);
        bad(create, null, "requiredCoveragePercent", "abc", 400);
        bad(create, null, "requiredCoveragePercent", 99999999999L, 400);
        bad(create, null, "governanceRule", "DICTATORSHIP", 400);
        cases.add(new Case("POST /api/v1/projects: bad Idempotency-Key", f.call(Who.LEAD, "POST", "/api/v1/projects")
                .header("Idempotency-Key", "k".repeat(201)).body(project), Set.of(400)));

        Endpoint patchProject = new Endpoint(Who.LEAD, "PATCH", "/api/v1/projects/" + f.project,
                Map.of("purpose", "changed"), List.of(), etag("/api/v1/projects/" + f.project));
        generic(patchProject, null, List.of("leadPartnerId", "participants"));
        bad(patchProject, null, "title", "", 400);
        bad(patchProject, null, "title", "   ", 400);
        bad(patchProject, null, "dimensions", List.of(), 400);
        bad(patchProject, null, "plannedEnd", "2020-01-01", 400);
        bad(patchProject, null, "requiredCoveragePercent", 101, 400);
        bad(patchProject, null, "governanceRule", "DICTATORSHIP", 400);
        cases.add(new Case("PATCH project without If-Match", f.call(Who.LEAD, "PATCH", "/api/v1/projects/" + f.project)
                .body(Map.of("purpose", "changed")), Set.of(428)));
        cases.add(new Case("PATCH project with a stale If-Match", f.call(Who.LEAD, "PATCH", "/api/v1/projects/" + f.project)
                .header("If-Match", "\"1\"").body(Map.of("purpose", "changed")), Set.of(412)));
        cases.add(new Case("PATCH project with a garbage If-Match", f.call(Who.LEAD, "PATCH", "/api/v1/projects/" + f.project)
                .header("If-Match", "W/\"x\"").body(Map.of("purpose", "changed")), Set.of(412)));
        cases.add(new Case("PATCH project as merge-patch, malformed", f.call(Who.LEAD, "PATCH", "/api/v1/projects/" + f.project)
                .header("Content-Type", "application/merge-patch+json").header("If-Match", etag("/api/v1/projects/" + f.project))
                .body("{\"purpose\":"), Set.of(400)));

        Endpoint invite = new Endpoint(Who.LEAD, "POST", "/api/v1/projects/" + f.project + "/participants",
                Map.of("partnerId", outsider, "role", "ADVISOR", "message", "join us"), List.of("partnerId", "role"), null);
        generic(invite, null, List.of("partnerName", "invitedAt", "respondedAt"));
        bad(invite, null, "role", "LEAD", 400);
        bad(invite, null, "role", "OVERLORD", 400);
        bad(invite, null, "partnerId", unknown, 409);
        bad(invite, null, "partnerId", f.pendingPartner, 409);
        bad(invite, null, "partnerId", rep, 409);
        bad(invite, null, "message", "m".repeat(2001), 400);

        Endpoint indicator = new Endpoint(Who.LEAD, "POST", "/api/v1/projects/" + f.project + "/indicators",
                Map.of("name", "Bad", "unit", "people", "baseline", "0", "target", "10"), List.of("name", "unit", "baseline", "target"), null);
        generic(indicator, null, List.of("latest", "progressPercent"));
        bad(indicator, null, "baseline", "abc", 400);
        bad(indicator, null, "target", "1e400", 400);
        bad(indicator, null, "target", "0.12345", 400);
        bad(indicator, null, "target", "NaN", 400);
        bad(indicator, null, "unit", "u".repeat(41), 400);
        bad(indicator, null, "name", "   ", 400);
        cases.add(new Case(indicator.name() + ": a 2000-digit number", indicator.call(null)
                .body("{\"name\":\"Bad\",\"unit\":\"people\",\"baseline\":0,\"target\":1" + "0".repeat(2000) + "}"), Set.of(400)));

        Endpoint measure = new Endpoint(Who.REP, "POST", "/api/v1/projects/" + f.project + "/indicators/" + f.indicator + "/measurements",
                Map.of("value", "3", "measuredAt", today), List.of("value", "measuredAt"), null);
        generic(measure, null, List.of("latest"));
        bad(measure, null, "value", "abc", 400);
        bad(measure, null, "value", "1e400", 400);
        bad(measure, null, "measuredAt", tomorrow, 400);
        bad(measure, null, "measuredAt", "yesterday", 400);
        bad(measure, null, "measuredAt", "2026-02-30", 400);
        cases.add(new Case("measurement of an unknown indicator", f.call(Who.REP, "POST", "/api/v1/projects/" + f.project
                + "/indicators/" + unknown + "/measurements").body(Map.of("value", "3", "measuredAt", today)), Set.of(404)));

        for (String action : List.of("open", "launch", "complete", "cancel")) {
            path(Who.LEAD, "POST", "/api/v1/projects/{}/" + action, null);
            cases.add(new Case("POST " + action + " with a garbage If-Match", f.call(Who.LEAD, "POST",
                    "/api/v1/projects/" + f.project + "/" + action).header("If-Match", "garbage"), Set.of(412)));
        }
        for (String action : List.of("accept", "decline", "withdraw")) {
            path(Who.REP, "POST", "/api/v1/projects/{}/participants/" + rep + "/" + action, null);
            path(Who.REP, "POST", "/api/v1/projects/" + f.project + "/participants/{}/" + action, null);
        }
        for (String sub : List.of("", "/readiness", "/participants", "/indicators")) {
            path(Who.LEAD, "GET", "/api/v1/projects/{}" + sub, null);
        }
        path(Who.LEAD, "POST", "/api/v1/projects/{}/participants", Map.of("partnerId", outsider, "role", "ADVISOR"));
        path(Who.LEAD, "POST", "/api/v1/projects/{}/indicators", Map.of("name", "n", "unit", "u", "baseline", "0", "target", "1"));
        path(Who.REP, "POST", "/api/v1/projects/" + f.project + "/indicators/{}/measurements", Map.of("value", "3", "measuredAt", today));
        path(Who.LEAD, "GET", "/api/v1/dashboards/projects/{}", null);
        for (String list : List.of("/api/v1/projects", "/api/v1/projects/invitations")) {
            query(Who.REP, list, Map.of("limit", "0"), 400);
            query(Who.REP, list, Map.of("limit", "-1"), 400);
            query(Who.REP, list, Map.of("limit", "101"), 400);
            query(Who.REP, list, Map.of("limit", "100000"), 400);
            query(Who.REP, list, Map.of("limit", "99999999999"), 400);
            query(Who.REP, list, Map.of("limit", "abc"), 400);
            query(Who.REP, list, Map.of("cursor", "garbage!"), 400);
            query(Who.REP, list, Map.of("cursor", b64("only-one-part")), 400);
            query(Who.REP, list, Map.of("cursor", b64("yesterday\u0000" + unknown)), 400);
            query(Who.REP, list, Map.of("cursor", b64("2026-01-01T00:00:00Z\u0000not-a-uuid")), 400);
        }
        // a project's participants and indicators, a partner's members: pages like every other list (#19 hole 8)
        for (String list : List.of("/api/v1/projects/" + f.project + "/participants", "/api/v1/projects/" + f.project + "/indicators",
                "/api/v1/partners/" + rep + "/members")) {
            query(Who.REP, list, Map.of("limit", "0"), 400);
            query(Who.REP, list, Map.of("limit", "101"), 400);
            query(Who.REP, list, Map.of("limit", "abc"), 400);
            query(Who.REP, list, Map.of("cursor", "garbage!"), 400);
            query(Who.REP, list, Map.of("cursor", b64("only-one-part")), 400);
            query(Who.REP, list, Map.of("cursor", b64("yesterday\u0000" + unknown)), 400);
        }
        query(Who.REP, "/api/v1/projects", Map.of("status", "SLEEPING"), 400);
        query(Who.REP, "/api/v1/projects", Map.of("dimension", "MOON"), 400);
        query(Who.REP, "/api/v1/projects", Map.of("mine", "yes"), 400);

        // co-governance (issue #21): proposals and votes
        String proposals = "/api/v1/projects/" + f.project + "/proposals";
        String proposal = proposals + "/" + f.proposal;
        Endpoint proposeDecision = new Endpoint(Who.REP, "POST", proposals, Map.of("type", "RESOLUTION", "title", "Bad",
                "payload", Map.of("text", "never")), List.of("type"), null);
        generic(proposeDecision, null, List.of("tally", "votes", "closedAt", "application", "rule", "proposedBy"));
        bad(proposeDecision, null, "type", "DICTATE", 400);
        bad(proposeDecision, null, "deadline", "2026-02-30T00:00:00Z", 400);
        bad(proposeDecision, null, "deadline", "tomorrow", 400);
        bad(proposeDecision, null, "deadline", "2020-01-01T00:00:00Z", 400);
        bad(proposeDecision, null, "deadline", java.time.Instant.now().plus(java.time.Duration.ofDays(91)).toString(), 400);
        bad(proposeDecision, null, "payload", Map.of("text", "   "), 400);
        bad(proposeDecision, null, "payload", Map.of("text", "ok", "bogus", 1), 400);
        bad(proposeDecision, null, "title", "t".repeat(201), 400);
        cases.add(new Case("CHANGE_NEED with a quantity that is not a number", f.call(Who.REP, "POST", proposals)
                .body(Map.of("type", "CHANGE_NEED", "payload", Map.of("needId", f.need, "needAction", "CHANGE", "quantity", "abc"))),
                Set.of(400)));
        cases.add(new Case("CHANGE_NEED without its quantity", f.call(Who.REP, "POST", proposals)
                .body(Map.of("type", "CHANGE_NEED", "payload", Map.of("needId", f.need, "needAction", "CHANGE"))), Set.of(400)));
        cases.add(new Case("ADMIT_PARTNER without a partner", f.call(Who.REP, "POST", proposals)
                .body(Map.of("type", "ADMIT_PARTNER", "payload", Map.of("role", "ADVISOR"))), Set.of(400)));
        cases.add(new Case("ADMIT_PARTNER as LEAD", f.call(Who.REP, "POST", proposals)
                .body(Map.of("type", "ADMIT_PARTNER", "payload", Map.of("partnerId", outsider, "role", "LEAD"))), Set.of(400)));
        cases.add(new Case("COMPLETE an OPEN project", f.call(Who.REP, "POST", proposals).body(Map.of("type", "COMPLETE")), Set.of(409)));
        cases.add(new Case("CHANGE_RULE to the same rule", f.call(Who.REP, "POST", proposals)
                .body(Map.of("type", "CHANGE_RULE", "payload", Map.of("governanceRule", "LEAD_DECIDES"))), Set.of(409)));
        Endpoint castVote = new Endpoint(Who.REP, "PUT", proposal + "/votes/" + rep, Map.of("choice", "APPROVE", "comment", "fine"),
                List.of("choice"), etag(proposal));
        generic(castVote, null, List.of("partnerId", "votedBy", "counted"));
        bad(castVote, null, "choice", "MAYBE", 400);
        bad(castVote, null, "comment", "c".repeat(2001), 400);
        cases.add(new Case("vote without If-Match", f.call(Who.REP, "PUT", proposal + "/votes/" + rep)
                .body(Map.of("choice", "APPROVE")), Set.of(428)));
        cases.add(new Case("vote with a stale If-Match", f.call(Who.REP, "PUT", proposal + "/votes/" + rep)
                .header("If-Match", "\"999\"").body(Map.of("choice", "APPROVE")), Set.of(412)));
        cases.add(new Case("vote on an unknown proposal", f.call(Who.REP, "PUT", proposals + "/" + unknown + "/votes/" + rep)
                .header("If-Match", "\"0\"").body(Map.of("choice", "APPROVE")), Set.of(404)));
        cases.add(new Case("apply an OPEN proposal", f.call(Who.REP, "POST", proposal + "/apply"), Set.of(409)));
        path(Who.REP, "GET", "/api/v1/projects/{}/proposals", null);
        path(Who.REP, "POST", "/api/v1/projects/{}/proposals", Map.of("type", "RESOLUTION", "payload", Map.of("text", "x")));
        path(Who.REP, "GET", proposals + "/{}", null);
        path(Who.REP, "POST", proposals + "/{}/apply", null);
        path(Who.REP, "PUT", proposals + "/{}/votes/" + rep, Map.of("choice", "APPROVE"));
        path(Who.REP, "PUT", proposal + "/votes/{}", Map.of("choice", "APPROVE"));
        for (Map<String, String> params : List.of(Map.<String, String>of(), Map.of("awaiting", "me")) ) {
            String list = params.isEmpty() ? proposals : "/api/v1/proposals";
            for (Map.Entry<String, String> bad : List.of(Map.entry("limit", "0"), Map.entry("limit", "101"), Map.entry("limit", "abc"),
                    Map.entry("cursor", "garbage!"), Map.entry("cursor", b64("only-one-part")),
                    Map.entry("cursor", b64("2026-01-01T00:00:00Z\u0000not-a-uuid")))) {
                Map<String, String> query = new LinkedHashMap<>(params);
                query.put(bad.getKey(), bad.getValue());
                query(Who.REP, list, query, 400);
            }
        }
        query(Who.REP, proposals, Map.of("status", "SLEEPING"), 400);
        query(Who.REP, "/api/v1/proposals", Map.of(), 400);
        query(Who.REP, "/api/v1/proposals", Map.of("awaiting", "you"), 400);

        // ------------------------------------------------------------------------------------- resources-service
        Endpoint need = new Endpoint(Who.LEAD, "POST", "/api/v1/needs", Map.of("projectId", f.project, "type", "STAFF_HOURS",
                "quantity", "50", "unit", "hours"), List.of("projectId", "type", "quantity", "unit"), null);
        generic(need, null, List.of("pledged", "delivered", "coveragePercent"));
        bad(need, null, "projectId", BAD_UUID, 400);
        bad(need, null, "projectId", unknown, 404);
        bad(need, null, "type", "GOLD", 400);
        bad(need, null, "quantity", "0", 400);
        bad(need, null, "quantity", "-5", 400);
        bad(need, null, "quantity", -5, 400);
        bad(need, null, "quantity", "abc", 400);
        bad(need, null, "quantity", "1e20", 400);
        bad(need, null, "quantity", "0.00001", 400);
        bad(need, null, "unit", "   ", 400);
        bad(need, null, "dimension", "d".repeat(65), 400);

        Endpoint pledge = new Endpoint(Who.REP, "POST", "/api/v1/contributions", Map.of("projectId", f.project, "type", "IN_KIND",
                "quantity", "2", "unit", "boxes", "valuation", Map.of("amount", "20.00", "currency", "GBP"), "dueDate", tomorrow),
                List.of("projectId", "type", "quantity", "unit"), null);
        generic(pledge, null, List.of("delivered", "remaining", "overdue", "withdrawn"));
        bad(pledge, null, "quantity", "0", 400);
        bad(pledge, null, "quantity", "-1", 400);
        bad(pledge, null, "quantity", "abc", 400);
        bad(pledge, null, "quantity", "1234567890123456", 400);
        bad(pledge, null, "type", "GOLD", 400);
        bad(pledge, null, "projectId", BAD_UUID, 400);
        bad(pledge, null, "projectId", unknown, 404);
        bad(pledge, null, "partnerId", BAD_UUID, 400);
        bad(pledge, null, "needId", BAD_UUID, 400);
        bad(pledge, null, "needId", unknown, 400);
        bad(pledge, null, "dueDate", yesterday, 400);
        bad(pledge, null, "dueDate", "2027-02-30", 400);
        bad(pledge, null, "valuation", Map.of("amount", "-1", "currency", "GBP"), 400);
        bad(pledge, null, "valuation", Map.of("amount", "abc", "currency", "GBP"), 400);
        bad(pledge, null, "valuation", Map.of("amount", "10", "currency", "EURO"), 400);
        bad(pledge, null, "valuation", Map.of("amount", "10", "currency", "gbp"), 400);
        bad(pledge, null, "valuation", Map.of("amount", "10"), 400);
        bad(pledge, null, "valuation", Map.of("amount", "10", "currency", "GBP", "rate", "1.2"), 400);
        cases.add(new Case(pledge.name() + ": a 2000-digit number", pledge.call(null).body("{\"projectId\":\"" + f.project
                + "\",\"type\":\"IN_KIND\",\"unit\":\"boxes\",\"quantity\":1" + "0".repeat(2000) + "}"), Set.of(400)));
        cases.add(new Case(pledge.name() + ": bad Idempotency-Key", pledge.call(pledge.valid())
                .header("Idempotency-Key", "not visible ascii"), Set.of(400)));

        Endpoint deliver = new Endpoint(Who.REP, "POST", "/api/v1/contributions/" + f.c1 + "/deliveries",
                Map.of("quantity", "1", "deliveredOn", today, "note", "n"), List.of("quantity", "deliveredOn"), null);
        generic(deliver, null, List.of("contributionId", "review", "recordedAt"));
        bad(deliver, null, "quantity", "0", 400);
        bad(deliver, null, "quantity", "-1", 400);
        bad(deliver, null, "quantity", "abc", 400);
        bad(deliver, null, "quantity", "1000000", 409);
        bad(deliver, null, "deliveredOn", tomorrow, 400);
        bad(deliver, null, "deliveredOn", "2026-13-01", 400);
        bad(deliver, null, "evidence", "e".repeat(2001), 400);
        bad(deliver, null, "corrects", "not-a-delivery-id", 400);

        for (String verdict : List.of("confirm", "dispute")) {
            // the body is optional here: only wrong ones are sent
            Endpoint review = new Endpoint(Who.LEAD, "POST", "/api/v1/contributions/" + f.c1 + "/deliveries/" + f.d1 + "/" + verdict,
                    Map.of("note", "ok"), List.of(), null);
            malformed(review);
            bad(review, null, "note", "n".repeat(2001), 400);
            bad(review, null, "note", Map.of("nested", true), 400);
            bad(review, null, "bogus", 1, 400);
            bad(review, null, "review", "CONFIRMED", 400);
            path(Who.LEAD, "POST", "/api/v1/contributions/{}/deliveries/" + f.d1 + "/" + verdict, null);
            path(Who.LEAD, "POST", "/api/v1/contributions/" + f.c1 + "/deliveries/{}/" + verdict, null);
        }

        Endpoint withdraw = new Endpoint(Who.REP, "POST", "/api/v1/contributions/" + f.c1 + "/withdraw",
                Map.of("reason", "no longer"), List.of("reason"), null);
        generic(withdraw, null, List.of("withdrawn", "withdrawalReason"));
        bad(withdraw, null, "reason", "", 400);
        bad(withdraw, null, "reason", "   ", 400);
        bad(withdraw, null, "reason", "r".repeat(2001), 400);
        cases.add(new Case("withdraw with a garbage If-Match", withdraw.call(with(withdraw.valid(), "reason", ""))
                .header("If-Match", "garbage"), Set.of(400, 412)));
        path(Who.REP, "GET", "/api/v1/contributions/{}", null);
        path(Who.REP, "POST", "/api/v1/contributions/{}/deliveries", Map.of("quantity", "1", "deliveredOn", today));
        path(Who.REP, "POST", "/api/v1/contributions/{}/withdraw", Map.of("reason", "no longer"));

        Endpoint propose = new Endpoint(Who.REP, "POST", "/api/v1/risks", map(MatrixFixtures.risk(f.project, "Bad risk", rep)),
                List.of("projectId", "category", "title", "likelihood", "impact", "ownerPartnerId"), null);
        generic(propose, null, List.of("score", "allocations", "allocatedPercent"));
        bad(propose, null, "likelihood", 0, 400);
        bad(propose, null, "likelihood", 6, 400);
        bad(propose, null, "likelihood", "abc", 400);
        bad(propose, null, "likelihood", 2.5, 400);
        bad(propose, null, "impact", -1, 400);
        bad(propose, null, "impact", 99999999999L, 400);
        bad(propose, null, "category", "ALIENS", 400);
        bad(propose, null, "title", "   ", 400);
        bad(propose, null, "ownerPartnerId", outsider, 400);
        bad(propose, null, "ownerPartnerId", BAD_UUID, 400);
        bad(propose, null, "projectId", unknown, 404);

        String riskEtag = etag("/api/v1/risks/" + f.risk);
        String allocate = "/api/v1/risks/" + f.risk + "/allocations";
        List<Object[]> shares = List.of(
                new Object[] {"shares summing to 90", List.of(share(rep, "60"), share(peer, "30"))},
                new Object[] {"shares summing to 110", List.of(share(rep, "60"), share(peer, "50"))},
                new Object[] {"a zero share", List.of(share(rep, "100"), share(peer, "0"))},
                new Object[] {"a negative share", List.of(share(rep, "110"), share(peer, "-10"))},
                new Object[] {"a share over 100", List.of(share(rep, "101"))},
                new Object[] {"a share with 3 decimals", List.of(share(rep, "99.999"), share(peer, "0.001"))},
                new Object[] {"a share that is not a number", List.of(share(rep, "abc"))},
                new Object[] {"a partner listed twice", List.of(share(rep, "50"), share(rep, "50"))},
                new Object[] {"a partner not taking part", List.of(share(rep, "50"), share(outsider, "50"))},
                new Object[] {"an unknown partner", List.of(share(rep, "50"), share(unknown, "50"))},
                new Object[] {"a malformed partner id", List.of(Map.of("partnerId", BAD_UUID, "sharePercent", "100"))},
                new Object[] {"a missing share", List.of(Map.of("partnerId", rep))},
                new Object[] {"a missing partner", List.of(Map.of("sharePercent", "100"))},
                new Object[] {"an unknown field", List.of(Map.of("partnerId", rep, "sharePercent", "100", "bogus", 1))},
                new Object[] {"no shares", List.of()},
                new Object[] {"51 shares", Collections.nCopies(51, share(rep, "1"))},
                new Object[] {"an object, not a list", Map.of("partnerId", rep, "sharePercent", "100")},
                new Object[] {"a null entry", Collections.singletonList(null)});
        for (Object[] s : shares) {
            cases.add(new Case("PUT allocations: " + s[0], f.call(Who.LEAD, "PUT", allocate).header("If-Match", riskEtag).body(s[1]),
                    Set.of(400)));
        }
        cases.add(new Case("PUT allocations: malformed JSON", f.call(Who.LEAD, "PUT", allocate).header("If-Match", riskEtag)
                .body("[{\"partnerId\":"), Set.of(400)));
        cases.add(new Case("PUT allocations: no body", f.call(Who.LEAD, "PUT", allocate).header("If-Match", riskEtag)
                .header("Content-Type", "application/json"), Set.of(400)));
        cases.add(new Case("PUT allocations: without If-Match", f.call(Who.LEAD, "PUT", allocate)
                .body(List.of(share(rep, "60"), share(peer, "40"))), Set.of(428)));
        cases.add(new Case("PUT allocations: over the body limit", f.call(Who.LEAD, "PUT", allocate).header("If-Match", riskEtag)
                .body(List.of(Map.of("partnerId", rep, "sharePercent", "100", "note", OVER_LIMIT))), Set.of(413)));

        Endpoint riskStatus = new Endpoint(Who.REP, "POST", "/api/v1/risks/" + f.risk2 + "/status",
                Map.of("status", "CLOSED", "note", "n"), List.of("status"), null);
        generic(riskStatus, null, List.of("history", "score"));
        bad(riskStatus, null, "status", "EXPLODED", 400);
        bad(riskStatus, null, "status", "closed!", 400);
        bad(riskStatus, null, "note", "n".repeat(2001), 400);
        path(Who.REP, "GET", "/api/v1/risks/{}", null);
        path(Who.LEAD, "PUT", "/api/v1/risks/{}/allocations", List.of(share(rep, "60"), share(peer, "40")));
        path(Who.REP, "POST", "/api/v1/risks/{}/status", Map.of("status", "CLOSED"));

        for (String list : List.of("/api/v1/needs", "/api/v1/risks")) {
            query(Who.REP, list, Map.of(), 400);
            query(Who.REP, list, Map.of("projectId", BAD_UUID), 400);
            query(Who.REP, list, Map.of("projectId", ""), 400);
            query(Who.REP, list, Map.of("projectId", unknown), 404);
            // pages like every other list (#19 hole 8)
            query(Who.REP, list, Map.of("projectId", f.project, "limit", "0"), 400);
            query(Who.REP, list, Map.of("projectId", f.project, "limit", "101"), 400);
            query(Who.REP, list, Map.of("projectId", f.project, "cursor", "garbage!"), 400);
        }
        query(Who.REP, "/api/v1/contributions", Map.of("projectId", BAD_UUID), 400);
        query(Who.REP, "/api/v1/contributions", Map.of("partnerId", "12345"), 400);
        query(Who.REP, "/api/v1/contributions", Map.of("status", "LOST"), 400);
        query(Who.REP, "/api/v1/contributions", Map.of("overdue", "maybe"), 400);
        for (String list : List.of("/api/v1/contributions", "/api/v1/commitments")) {
            query(Who.REP, list, Map.of("limit", "0"), 400);
            query(Who.REP, list, Map.of("limit", "100000"), 400);
            query(Who.REP, list, Map.of("limit", "abc"), 400);
            query(Who.REP, list, Map.of("cursor", "garbage!"), 400);
            query(Who.REP, list, Map.of("cursor", b64("not-a-time\u0000" + unknown)), 400);
            query(Who.REP, list, Map.of("cursor", b64("2026-01-01T00:00:00Z\u0000not-a-uuid")), 400);
        }
        query(Who.REP, "/api/v1/commitments", Map.of("partnerId", BAD_UUID), 400);
        query(Who.REP, "/api/v1/commitments", Map.of("projectId", BAD_UUID), 400);
        query(Who.AUDITOR, "/api/v1/commitments", Map.of(), 400);
        cases.add(new Case("CSV commitments with a malformed partnerId", f.call(Who.REP, "GET", "/api/v1/commitments?partnerId="
                + BAD_UUID).header("Accept", "text/csv"), Set.of(400)));

        // ------------------------------------------------------------------------------------- the sweep
        List<String> extra = List.of("/api/v1/projects?limit=100", "/api/v1/partners?status=PENDING_VERIFICATION&limit=100",
                "/api/v1/partners?limit=100", "/api/v1/contributions?limit=100", "/api/v1/projects/" + f.project + "/participants");
        Map<String, String> before = f.snapshot(extra);
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Answer answer = c.call().send();
            if (!c.expected().contains(answer.status())) {
                wrong.add(c.label() + " [" + c.call().method() + " " + shorten(c.call().path()) + "]: expected " + c.expected()
                        + ", got " + answer);
            } else if (!answer.isProblem()) {
                wrong.add(c.label() + " [" + c.call().method() + " " + shorten(c.call().path()) + "]: " + answer.status()
                        + " without a problem body: " + answer.contentType() + " " + answer);
            }
        }
        List<String> changed = MatrixFixtures.changed(before, f.snapshot(extra));
        System.out.printf("bad-input sweep: %d bad requests%n", cases.size());

        assertThat(wrong).as("bad inputs answered otherwise than with their 4xx problem").isEmpty();
        assertThat(changed).as("data changed by bad inputs").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ generators

    /** The bad inputs every JSON write endpoint gets. */
    private static void generic(Endpoint e, String token, List<String> moreServerOwned) {
        malformed(e, token);
        cases.add(new Case(e.name() + ": no body", withToken(e.call(null), token).header("Content-Type", "application/json"), Set.of(400)));
        cases.add(new Case(e.name() + ": null", withToken(e.call(null), token).body("null"), Set.of(400)));
        cases.add(new Case(e.name() + ": an array", withToken(e.call(null), token).body("[]"), Set.of(400)));
        cases.add(new Case(e.name() + ": a string", withToken(e.call(null), token).body("\"text\""), Set.of(400)));
        cases.add(new Case(e.name() + ": text/plain", withToken(e.call(null), token).header("Content-Type", "text/plain")
                .body(RawHttp.write(e.valid()).replace("\"", "'")), Set.of(415)));
        cases.add(new Case(e.name() + ": XML", withToken(e.call(null), token).header("Content-Type", "application/xml")
                .body("<x/>"), Set.of(415)));
        bad(e, token, "bogusField", "value", 400);
        List<String> owned = new ArrayList<>(SERVER_OWNED);
        owned.addAll(moreServerOwned);
        for (String field : owned) {
            if (!e.valid().containsKey(field)) {
                bad(e, token, field, field.equals("version") ? 7 : field.endsWith("At") ? "2026-01-01T00:00:00Z"
                        : field.equals("id") || field.endsWith("Id") ? UUID.randomUUID().toString() : "FORGED", 400);
            }
        }
        for (var field : e.valid().entrySet()) {
            Object wrongType = field.getValue() instanceof Map ? "text" : Map.of("nested", true);
            bad(e, token, field.getKey(), wrongType, 400);
            if (field.getValue() instanceof String) {
                bad(e, token, field.getKey(), HUGE, 400);
            }
        }
        for (String field : e.required()) {
            Map<String, Object> missing = new LinkedHashMap<>(e.valid());
            missing.remove(field);
            cases.add(new Case(e.name() + ": " + field + " missing", withToken(e.call(missing), token), Set.of(400)));
            bad(e, token, field, null, 400);
        }
        cases.add(new Case(e.name() + ": over the body limit", withToken(e.call(with(e.valid(), "description", OVER_LIMIT)), token),
                Set.of(413)));
        cases.add(new Case(e.name() + ": over the body limit, chunked", withToken(e.call(with(e.valid(), "description", OVER_LIMIT)),
                token).withoutLength(), Set.of(413)));
    }

    private static void malformed(Endpoint e) {
        malformed(e, null);
    }

    private static void malformed(Endpoint e, String token) {
        String json = RawHttp.write(e.valid());
        cases.add(new Case(e.name() + ": truncated JSON", withToken(e.call(null), token).body(json.substring(0, json.length() / 2)),
                Set.of(400)));
        cases.add(new Case(e.name() + ": not JSON", withToken(e.call(null), token).body("{this is not json}"), Set.of(400)));
        cases.add(new Case(e.name() + ": trailing garbage", withToken(e.call(null), token).body(json + "}{"), Set.of(400)));
    }

    /** The valid body with one field set to a bad value (null: the field sent as null). */
    private static void bad(Endpoint e, String token, String field, Object value, int expected) {
        String shown = value == null ? "null" : String.valueOf(value);
        cases.add(new Case(e.name() + ": " + field + " = " + shorten(shown), withToken(e.call(with(e.valid(), field, value)), token),
                Set.of(expected)));
    }

    /** The path with each malformed id in place of {}: 400 naming the parameter, never a 404 or 5xx. */
    private static void path(Who who, String method, String template, Object body) {
        for (String id : List.of(BAD_UUID, "12345", UUID.randomUUID() + "0", "%20", "..%2F..%2Fq%2Fmetrics")) {
            Call call = f.call(who, method, template.replace("{}", id));
            if (method.equals("PATCH") || method.equals("PUT")) {
                call = call.header("If-Match", "\"1\"");
            }
            cases.add(new Case("malformed id " + id + " in " + template, body == null ? call : call.body(body), Set.of(400)));
        }
    }

    private static void query(Who who, String path, Map<String, String> params, int expected) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        cases.add(new Case("GET " + path + query, f.call(who, "GET", path + query), Set.of(expected)));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Call withToken(Call call, String token) {
        return token == null ? call : new Call(call.method(), call.path(), token, call.body(), call.headers(), call.chunked());
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> map(Map<String, Object> body) {
        return new LinkedHashMap<>(body);
    }

    private static Map<String, Object> share(String partner, String percent) {
        return Map.of("partnerId", partner, "sharePercent", percent);
    }

    private static String etag(String path) {
        String etag = f.call(Who.AUDITOR, "GET", path).send().header("ETag");
        if (etag == null) {
            throw new AssertionError("no ETag on " + path);
        }
        return etag;
    }

    private static String b64(String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
    }
}
