package org.partnership.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.partnership.console.api.Api;
import org.partnership.console.api.ApiResponse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The coordinator's screens: my projects, create, the project workspace (invite, needs, risks, readiness, launch). */
@Path("/console/projects")
@Produces(MediaType.TEXT_HTML)
public class ProjectsResource {

    private final Api api;
    private final View view;
    private final Template list;
    private final Template create;
    private final Template project;
    private final Template partners;
    private final Template sum;
    private final Ledger ledger;

    public ProjectsResource(Api api, View view, Ledger ledger, @Location("projects/list.html") Template list,
            @Location("projects/create.html") Template create, @Location("projects/project.html") Template project,
            @Location("projects/partners.html") Template partners, @Location("projects/sum.html") Template sum) {
        this.api = api;
        this.view = view;
        this.list = list;
        this.create = create;
        this.project = project;
        this.partners = partners;
        this.sum = sum;
        this.ledger = ledger;
    }

    @GET
    public TemplateInstance mine(@QueryParam("cursor") String cursor) {
        // auditors and administrators without a partner of their own read every project; everyone else their own
        boolean everything = view.partnerId() == null && (view.hasRole("auditor") || view.hasRole("admin"));
        ApiResponse page = api.get("/api/v1/projects", "mine", everything ? null : "true", "limit", 20, "cursor", cursor);
        List<Map<String, Object>> projects = view.list(page);
        for (Map<String, Object> p : projects) {
            ApiResponse readiness = api.get("/api/v1/projects/" + p.get("id") + "/readiness");
            if (readiness.ok()) {
                Map<String, Object> r = view.map(readiness.body());
                p.put("ready", r.get("ready"));
                List<?> criteria = (List<?>) r.getOrDefault("criteria", List.of());
                p.put("passed", criteria.stream().filter(c -> Boolean.TRUE.equals(((Map<?, ?>) c).get("passed"))).count());
                p.put("criteriaCount", criteria.size());
            }
        }
        return view.page(list).data("projects", projects).data("next", page.next()).data("everything", everything);
    }

    @GET
    @Path("new")
    public TemplateInstance createForm() {
        return view.page(create).data("key", View.newKey());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object create(@RestForm String title, @RestForm String purpose, @RestForm List<String> dimensions,
            @RestForm String plannedStart, @RestForm String plannedEnd, @RestForm String requiredCoveragePercent,
            @RestForm String governanceRule, @RestForm String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("purpose", purpose);
        body.put("dimensions", dimensions == null ? List.of() : dimensions);
        body.put("plannedStart", blankToNull(plannedStart));
        body.put("plannedEnd", blankToNull(plannedEnd));
        if (requiredCoveragePercent != null && !requiredCoveragePercent.isBlank()) {
            body.put("requiredCoveragePercent", intOrNull(requiredCoveragePercent));
        }
        if (governanceRule != null && !governanceRule.isBlank()) {
            body.put("governanceRule", governanceRule);
        }
        ApiResponse created = api.post("/api/v1/projects", body, Map.of("Idempotency-Key", key));
        if (created.ok()) {
            return View.seeOther("/console/projects/" + created.body().path("id").asText());
        }
        Map<String, Object> form = new LinkedHashMap<>(body);
        form.put("requiredCoveragePercent", requiredCoveragePercent);
        form.put("governanceRule", governanceRule);
        return Response.status(422).entity(view.page(create).data("key", key).data("form", form)
                .data("errors", created.fieldErrors()).data("flash", created.problem())).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance workspace(@PathParam("id") String id) {
        return workspaceInstance(id, null, Map.of(), null);
    }

    private TemplateInstance workspaceInstance(String id, String flash, Map<String, String> errors, Map<String, Object> kept) {
        ApiResponse p = api.get("/api/v1/projects/" + id);
        if (p.status() == 404 || p.status() == 403 || p.status() == 400) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        Map<String, Object> proj = view.map(p.body());
        ApiResponse readiness = api.get("/api/v1/projects/" + id + "/readiness");
        ApiResponse participants = api.all("/api/v1/projects/" + id + "/participants");
        ApiResponse needs = api.all("/api/v1/needs", "projectId", id);
        ApiResponse risks = api.all("/api/v1/risks", "projectId", id);
        List<Map<String, Object>> accepted = new ArrayList<>();
        List<Map<String, Object>> people = participants.ok() ? view.list(participants) : List.of();
        for (Map<String, Object> participant : people) {
            if ("ACCEPTED".equals(participant.get("status"))) {
                accepted.add(participant);
            }
        }
        List<Map<String, Object>> riskList = risks.ok() ? view.list(risks) : null;
        if (riskList != null) {
            for (Map<String, Object> r : riskList) {
                Map<String, Object> shareBy = new LinkedHashMap<>();
                if (r.get("allocations") instanceof List<?> allocations) {
                    for (Object a : allocations) {
                        Map<?, ?> allocation = (Map<?, ?>) a;
                        shareBy.put(String.valueOf(allocation.get("partnerId")), String.valueOf(allocation.get("sharePercent")));
                    }
                }
                if (kept != null && "allocation".equals(kept.get("form")) && String.valueOf(r.get("id")).equals(kept.get("risk"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) kept.get("shares");
                    shareBy = typed;
                }
                r.put("shareBy", shareBy);
                r.put("etag", "\"" + r.get("version") + "\"");
                r.put("fullyAllocated", "100".equals(String.valueOf(r.get("allocatedPercent")))
                        || "100.00".equals(String.valueOf(r.get("allocatedPercent"))));
            }
        }
        boolean manage = view.hasRole("coordinator") && proj.get("leadPartnerId") != null
                && proj.get("leadPartnerId").equals(view.partnerId());
        boolean participant = view.partnerId() != null && accepted.stream().anyMatch(a -> view.partnerId().equals(a.get("partnerId")));
        // the delivery ledger, for the recipient side (the lead's members) to confirm or dispute each delivery (#19)
        List<Map<String, Object>> deliveries = manage ? ledger.ofProject(id, people) : null;
        Map<String, Object> partnerNames = new LinkedHashMap<>();
        people.forEach(x -> partnerNames.put(String.valueOf(x.get("partnerId")), x.get("partnerName")));
        return view.page(project).data("project", proj).data("version", p.etag()).data("deliveries", deliveries)
                .data("readiness", readiness.ok() ? view.map(readiness.body()) : null)
                .data("participants", people).data("accepted", accepted)
                .data("needs", needs.ok() ? view.list(needs) : null)
                .data("risks", riskList)
                .data("manage", manage).data("participant", participant).data("partnerNames", partnerNames)
                .data("needKey", View.newKey()).data("riskKey", View.newKey())
                .data("flash", flash).data("errors", errors).data("form", kept == null ? Map.of() : kept);
    }

    @POST
    @Path("{id}/{action: open|launch}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object transition(@PathParam("id") String id, @PathParam("action") String action, @RestForm String confirm) {
        ApiResponse answer = api.post("/api/v1/projects/" + id + "/" + action, null);
        if (answer.ok()) {
            return View.seeOther("/console/projects/" + id + "?done=" + action);
        }
        return Response.status(answer.status() == 412 ? 412 : 409)
                .entity(workspaceInstance(id, answer.problem(), Map.of(), null)).build();
    }

    @POST
    @Path("{id}/needs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object declareNeed(@PathParam("id") String id, @RestForm String type, @RestForm String quantity, @RestForm String unit,
            @RestForm String dimension, @RestForm String description, @RestForm String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectId", id);
        body.put("type", type);
        body.put("quantity", quantity);
        body.put("unit", unit);
        body.put("dimension", blankToNull(dimension));
        body.put("description", description);
        ApiResponse created = api.post("/api/v1/needs", body, Map.of("Idempotency-Key", key));
        if (created.ok()) {
            return View.seeOther("/console/projects/" + id + "#needs");
        }
        body.put("form", "need");
        return Response.status(422).entity(workspaceInstance(id, created.problem(), created.fieldErrors(), body)).build();
    }

    @POST
    @Path("{id}/risks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object registerRisk(@PathParam("id") String id, @RestForm String category, @RestForm String title,
            @RestForm String description, @RestForm String likelihood, @RestForm String impact, @RestForm String mitigation,
            @RestForm String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectId", id);
        body.put("category", category);
        body.put("title", title);
        body.put("description", blankToNull(description));
        body.put("likelihood", intOrNull(likelihood));
        body.put("impact", intOrNull(impact));
        body.put("mitigation", blankToNull(mitigation));
        body.put("ownerPartnerId", view.partnerId());
        ApiResponse created = api.post("/api/v1/risks", body, Map.of("Idempotency-Key", key));
        if (created.ok()) {
            return View.seeOther("/console/projects/" + id + "#risks");
        }
        body.put("likelihood", likelihood);
        body.put("impact", impact);
        body.put("form", "risk");
        return Response.status(422).entity(workspaceInstance(id, created.problem(), created.fieldErrors(), body)).build();
    }

    @POST
    @Path("{id}/risks/{risk}/allocations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object allocate(@PathParam("id") String id, @PathParam("risk") String risk, @RestForm String version,
            @RestForm List<String> partner, @RestForm List<String> share) {
        List<Map<String, Object>> shares = new ArrayList<>();
        Map<String, Object> typed = new LinkedHashMap<>();
        for (int i = 0; i < partner.size() && i < share.size(); i++) {
            typed.put(partner.get(i), share.get(i));
            if (share.get(i) != null && !share.get(i).isBlank()) {
                shares.add(Map.of("partnerId", partner.get(i), "sharePercent", share.get(i).trim().replace(',', '.')));
            }
        }
        ApiResponse answer = api.put("/api/v1/risks/" + risk + "/allocations", shares, Map.of("If-Match", version == null ? "" : version));
        if (answer.ok()) {
            return View.seeOther("/console/projects/" + id + "#risk-" + risk);
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("form", "allocation");
        kept.put("risk", risk);
        kept.put("shares", typed);
        kept.put("stale", answer.status() == 412);
        return Response.status(answer.status() == 412 ? 412 : 422)
                .entity(workspaceInstance(id, answer.status() == 412 ? null : answer.problem(), answer.fieldErrors(), kept)).build();
    }

    /** The live sum of an allocation form (htmx, on every keystroke): computed here, exactly, never in floating point. */
    @GET
    @Path("allocation-sum")
    public TemplateInstance allocationSum(@QueryParam("share") List<String> share) {
        BigDecimal total = BigDecimal.ZERO;
        boolean valid = true;
        for (String s : share) {
            if (s == null || s.isBlank()) {
                continue;
            }
            try {
                total = total.add(new BigDecimal(s.trim().replace(',', '.')));
            } catch (NumberFormatException e) {
                valid = false;
            }
        }
        return view.fragment(sum).data("total", total.stripTrailingZeros().toPlainString()).data("valid", valid)
                .data("complete", valid && total.compareTo(BigDecimal.valueOf(100)) == 0);
    }

    @GET
    @Path("{id}/partners")
    public TemplateInstance findPartners(@PathParam("id") String id, @QueryParam("sector") String sector,
            @QueryParam("domain") String domain, @QueryParam("capability") String capability, @QueryParam("level") String level,
            @QueryParam("q") String q, @QueryParam("cursor") String cursor) {
        ApiResponse p = api.get("/api/v1/projects/" + id);
        if (!p.ok()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        ApiResponse found = api.get("/api/v1/partners", "status", "ACTIVE", "sector", sector, "domain", domain,
                "capability", capability, "q", q, "limit", 20, "cursor", cursor);
        List<Map<String, Object>> results = found.ok() ? view.list(found) : List.of();
        if (level != null && !level.isBlank()) {
            results.removeIf(r -> !level.equals(r.get("level")));
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("sector", sector);
        filters.put("domain", domain);
        filters.put("capability", capability);
        filters.put("level", level);
        filters.put("q", q);
        return view.page(partners).data("project", view.map(p.body())).data("results", results)
                .data("next", found.ok() ? found.next() : null).data("filters", filters)
                .data("flash", found.ok() ? null : found.problem());
    }

    @POST
    @Path("{id}/participants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object invite(@PathParam("id") String id, @RestForm String partnerId, @RestForm String role, @RestForm String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerId", partnerId);
        body.put("role", role);
        body.put("message", blankToNull(message));
        ApiResponse answer = api.post("/api/v1/projects/" + id + "/participants", body);
        if (answer.ok()) {
            return View.seeOther("/console/projects/" + id + "#participants");
        }
        return Response.status(422).entity(workspaceInstance(id, answer.problem(), answer.fieldErrors(), null)).build();
    }

    /** The recipient side confirms a delivery (If-Match: the contribution's version it saw). */
    @POST
    @Path("{id}/deliveries/{contribution}/{delivery}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object confirmDelivery(@PathParam("id") String id, @PathParam("contribution") String contribution,
            @PathParam("delivery") String delivery, @RestForm String version) {
        return review(id, contribution, delivery, "confirm", version, null);
    }

    /** The recipient side disputes a delivery, saying why (the console asks for the reason; the API records it). */
    @POST
    @Path("{id}/deliveries/{contribution}/{delivery}/dispute")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object disputeDelivery(@PathParam("id") String id, @PathParam("contribution") String contribution,
            @PathParam("delivery") String delivery, @RestForm String version, @RestForm String note) {
        if (note == null || note.isBlank()) {
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("form", "review");
            kept.put("delivery", delivery);
            kept.put("missingReason", true);
            return Response.status(422).entity(workspaceInstance(id, null, Map.of(), kept)).build();
        }
        return review(id, contribution, delivery, "dispute", version, note.trim());
    }

    private Object review(String id, String contribution, String delivery, String verdict, String version, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (note != null) {
            body.put("note", note);
        }
        Map<String, String> headers = version == null || version.isBlank() ? Map.of() : Map.of("If-Match", version);
        ApiResponse answer = api.post("/api/v1/contributions/" + contribution + "/deliveries/" + delivery + "/" + verdict, body, headers);
        if (answer.ok()) {
            return View.seeOther("/console/projects/" + id + "#delivery-" + delivery);
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("form", "review");
        kept.put("delivery", delivery);
        kept.put("note", note);
        kept.put("stale", answer.status() == 412);
        int status = answer.status() == 412 ? 412 : answer.status() == 400 ? 422 : 409;
        return Response.status(status).entity(workspaceInstance(id, answer.status() == 412 ? null : answer.problem(),
                answer.fieldErrors(), kept)).build();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Object intOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
