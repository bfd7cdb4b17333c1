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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.partnership.console.web.ProjectsResource.blankToNull;

/** The representative's screens: my organisation, invitations, pledges, deliveries, my contributions and commitments. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class PartnerResource {

    private final Api api;
    private final View view;
    private final Template organisation;
    private final Template invitations;
    private final Template pledge;
    private final Template commitments;
    private final Ledger ledger;

    public PartnerResource(Api api, View view, Ledger ledger, @Location("partner/organisation.html") Template organisation,
            @Location("partner/invitations.html") Template invitations, @Location("partner/pledge.html") Template pledge,
            @Location("partner/commitments.html") Template commitments) {
        this.api = api;
        this.view = view;
        this.organisation = organisation;
        this.invitations = invitations;
        this.pledge = pledge;
        this.commitments = commitments;
        this.ledger = ledger;
    }

    static final int MEMBERS_PAGE = 20;

    @GET
    @Path("organisation")
    public TemplateInstance organisation(@QueryParam("members") String membersCursor) {
        Map<String, Object> mine = null;
        List<Map<String, Object>> members = null;
        String next = null;
        if (view.partnerId() != null) {
            ApiResponse partner = api.get("/api/v1/partners/" + view.partnerId());
            mine = partner.ok() ? view.map(partner.body()) : null;
            // the members 20 at a time, with the API's cursor (?members=<next>)
            ApiResponse found = api.get("/api/v1/partners/" + view.partnerId() + "/members", "limit", MEMBERS_PAGE, "cursor", membersCursor);
            members = found.ok() ? view.list(found) : null;
            next = found.ok() ? found.next() : null;
        }
        boolean firstPage = membersCursor == null || membersCursor.isBlank();
        return view.page(organisation).data("partner", mine).data("members", members).data("membersNext", next)
                .data("membersFirstPage", firstPage)
                // more than one member: on this page, or on the next one, or before it
                .data("severalMembers", members != null && (members.size() > 1 || next != null || !firstPage))
                .data("key", View.newKey()).data("memberKey", View.newKey());
    }

    /** A colleague (an existing account, by username or e-mail) becomes a member of my organisation. */
    @POST
    @Path("organisation/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object addMember(@RestForm String user, @RestForm String key) {
        ApiResponse added = api.post("/api/v1/partners/" + view.partnerId() + "/members", Map.of("user", user == null ? "" : user.trim()),
                Map.of("Idempotency-Key", key == null ? View.newKey() : key));
        if (added.ok()) {
            return View.seeOther("/console/organisation?added=" + added.body().path("userId").asText() + "#members");
        }
        Map<String, String> errors = new LinkedHashMap<>(added.fieldErrors());
        errors.putIfAbsent("user", added.problem());
        return Response.status(added.status() == 409 ? 409 : 422).entity(organisation(null).data("memberErrors", errors)
                .data("memberForm", user).data("memberKey", key)).build();
    }

    /** A member leaves or is removed; never the last one (the API answers 409, shown as is). */
    @POST
    @Path("organisation/members/{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object removeMember(@PathParam("userId") String userId, @RestForm String confirm) {
        ApiResponse removed = api.delete("/api/v1/partners/" + view.partnerId() + "/members/" + userId);
        if (removed.ok()) {
            return View.seeOther("/console/organisation#members");
        }
        return Response.status(removed.status() == 409 ? 409 : 422).entity(organisation(null).data("flash", removed.problem())).build();
    }

    @POST
    @Path("organisation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object register(@RestForm String name, @RestForm String legalForm, @RestForm String registrationNumber,
            @RestForm String country, @RestForm String sector, @RestForm String level, @RestForm List<String> serviceDomains,
            @RestForm String contactEmail, @RestForm String description, @RestForm String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("legalForm", legalForm);
        body.put("registrationNumber", registrationNumber);
        body.put("country", country);
        body.put("sector", sector);
        body.put("level", level);
        body.put("serviceDomains", serviceDomains == null ? List.of() : serviceDomains);
        body.put("contactEmail", contactEmail);
        body.put("description", blankToNull(description));
        ApiResponse created = api.post("/api/v1/partners", body, Map.of("Idempotency-Key", key));
        if (created.ok()) {
            return view.page(organisation).data("partner", view.map(created.body())).data("key", View.newKey());
        }
        return Response.status(422).entity(view.page(organisation).data("partner", null).data("key", key).data("form", body)
                .data("errors", created.fieldErrors()).data("flash", created.problem())).build();
    }

    @GET
    @Path("invitations")
    public TemplateInstance invitations() {
        ApiResponse waiting = api.get("/api/v1/projects/invitations", "limit", 50);
        return view.page(invitations).data("invitations", waiting.ok() ? view.list(waiting) : List.of());
    }

    @POST
    @Path("invitations/{project}/{answer: accept|decline|withdraw}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object answer(@PathParam("project") String project, @PathParam("answer") String answer, @RestForm String confirm) {
        ApiResponse result = api.post("/api/v1/projects/" + project + "/participants/" + view.partnerId() + "/" + answer, null);
        if (result.ok()) {
            return View.seeOther("accept".equals(answer) ? "/console/projects/" + project : "/console/invitations");
        }
        return Response.status(409).entity(invitations().data("flash", result.problem())).build();
    }

    @GET
    @Path("pledge/{id}")
    public TemplateInstance pledgeForm(@PathParam("id") String id, @QueryParam("need") String need) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("needId", need);
        return pledgeInstance(id, View.newKey(), form);
    }

    private TemplateInstance pledgeInstance(String id, String key, Map<String, Object> form) {
        ApiResponse p = api.get("/api/v1/projects/" + id);
        if (!p.ok()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        ApiResponse needs = api.all("/api/v1/needs", "projectId", id);
        return view.page(pledge).data("project", view.map(p.body())).data("needs", needs.ok() ? view.list(needs) : List.of())
                .data("key", key).data("form", form).data("minDue", LocalDate.now(ZoneOffset.UTC).toString());
    }

    @POST
    @Path("pledge/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object pledge(@PathParam("id") String id, @RestForm String needId, @RestForm String type, @RestForm String quantity,
            @RestForm String unit, @RestForm String amount, @RestForm String currency, @RestForm String dueDate,
            @RestForm String description, @RestForm String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectId", id);
        body.put("needId", blankToNull(needId));
        body.put("type", type);
        body.put("quantity", quantity == null ? null : quantity.trim().replace(',', '.'));
        body.put("unit", unit);
        if (amount != null && !amount.isBlank()) {
            body.put("valuation", Map.of("amount", amount.trim().replace(',', '.'), "currency", currency == null ? "" : currency));
        }
        body.put("dueDate", blankToNull(dueDate));
        body.put("description", blankToNull(description));
        ApiResponse created = api.post("/api/v1/contributions", body, Map.of("Idempotency-Key", key));
        if (created.ok()) {
            return View.seeOther("/console/contributions?pledged=" + created.body().path("id").asText());
        }
        Map<String, Object> form = new LinkedHashMap<>(body);
        form.put("quantity", quantity);
        form.put("amount", amount);
        form.put("currency", currency);
        return Response.status(422).entity(pledgeInstance(id, key, form).data("errors", created.fieldErrors())
                .data("flash", created.problem())).build();
    }

    @GET
    @Path("contributions")
    public TemplateInstance contributions(@QueryParam("status") String status, @QueryParam("overdue") String overdue,
            @QueryParam("cursor") String cursor) {
        ApiResponse mine = api.get("/api/v1/commitments", "status", status, "overdue", overdue, "limit", 50, "cursor", cursor);
        return view.page(commitments).data("commitments", mine.ok() ? view.map(mine.body()) : null)
                .data("items", mine.ok() ? view.list(mine) : List.of()).data("next", mine.ok() ? mine.next() : null)
                .data("status", status).data("overdue", overdue).data("today", LocalDate.now(ZoneOffset.UTC).toString())
                .data("disputes", ledger.disputedOfMine())
                .data("flash", mine.ok() ? null : mine.problem());
    }

    @GET
    @Path("commitments.csv")
    @Produces("text/csv")
    public Response csv() {
        return Response.ok(api.csv("/api/v1/commitments", "limit", 100))
                .header("Content-Disposition", "attachment; filename=\"commitments.csv\"").build();
    }

    @POST
    @Path("contributions/{id}/deliveries")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object deliver(@PathParam("id") String id, @RestForm String quantity, @RestForm String deliveredOn, @RestForm String note,
            @RestForm String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quantity", quantity == null ? null : quantity.trim().replace(',', '.'));
        body.put("deliveredOn", blankToNull(deliveredOn));
        body.put("note", blankToNull(note));
        ApiResponse recorded = api.post("/api/v1/contributions/" + id + "/deliveries", body, Map.of("Idempotency-Key", key));
        if (recorded.ok()) {
            return View.seeOther("/console/contributions?delivered=" + id);
        }
        return Response.status(422).entity(contributions(null, null, null).data("flash", recorded.problem())
                .data("errors", recorded.fieldErrors()).data("failed", id)).build();
    }

    /** The contributor corrects a disputed delivery: a new delivery with {@code corrects} (#19); the API reviews it afresh. */
    @POST
    @Path("contributions/{id}/deliveries/{delivery}/correct")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object correct(@PathParam("id") String id, @PathParam("delivery") String delivery, @RestForm String quantity,
            @RestForm String deliveredOn, @RestForm String note, @RestForm String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quantity", quantity == null ? null : quantity.trim().replace(',', '.'));
        body.put("deliveredOn", blankToNull(deliveredOn));
        body.put("note", blankToNull(note));
        body.put("corrects", delivery);
        ApiResponse recorded = api.post("/api/v1/contributions/" + id + "/deliveries", body, Map.of("Idempotency-Key", key == null ? "" : key));
        if (recorded.ok()) {
            return View.seeOther("/console/contributions?corrected=" + id);
        }
        Map<String, Object> form = new LinkedHashMap<>(body);
        form.put("quantity", quantity);
        return Response.status(recorded.status() == 400 ? 422 : 409).entity(contributions(null, null, null)
                .data("flash", recorded.problem()).data("errors", recorded.fieldErrors()).data("correcting", delivery)
                .data("form", form)).build();
    }
}
