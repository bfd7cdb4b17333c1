package org.partnership.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Co-governance (#21): what awaits my organisation's vote, a project's proposals and decision log, a proposal with its
 * votes and the rule's current tally, voting (If-Match: the proposal's ETag) and proposing. The API decides who may
 * propose or vote; a refusal shows its problem.
 */
@Path("/console/projects")
@Produces(MediaType.TEXT_HTML)
public class GovernanceResource {

    private final Api api;
    private final View view;
    private final Template proposals;
    private final Template proposal;

    public GovernanceResource(Api api, View view, @Location("governance/proposals.html") Template proposals, @Location("governance/proposal.html") Template proposal) {
        this.api = api;
        this.view = view;
        this.proposals = proposals;
        this.proposal = proposal;
    }

    /** A project's open proposals, its decision log (closed ones with their votes) and, for participants, the form. */
    @GET
    @Path("{id}/proposals")
    public TemplateInstance proposals(@PathParam("id") String id) {
        return proposalsPage(id, null, Map.of(), Map.of());
    }

    @POST
    @Path("{id}/proposals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object propose(@PathParam("id") String id, @RestForm String type, @RestForm String title, @RestForm String description,
            @RestForm String governanceRule, @RestForm String needId, @RestForm String needAction, @RestForm String quantity,
            @RestForm String text, @RestForm String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", blankToNull(title));
        body.put("description", blankToNull(description));
        Map<String, Object> payload = new LinkedHashMap<>();
        if ("CHANGE_RULE".equals(type)) {
            payload.put("governanceRule", blankToNull(governanceRule));
        } else if ("CHANGE_NEED".equals(type)) {
            payload.put("needId", blankToNull(needId));
            payload.put("needAction", blankToNull(needAction));
            if ("CHANGE".equals(needAction)) {
                payload.put("quantity", blankToNull(quantity));
            }
        } else if ("RESOLUTION".equals(type)) {
            payload.put("text", blankToNull(text));
        }
        if (!payload.isEmpty()) {
            body.put("payload", payload);
        }
        ApiResponse created = api.post("/api/v1/projects/" + id + "/proposals", body,
                Map.of("Idempotency-Key", key == null || key.isBlank() ? View.newKey() : key));
        if (created.ok()) {
            return View.seeOther("/console/projects/" + id + "/proposals/" + created.body().path("id").asText());
        }
        Map<String, Object> kept = new LinkedHashMap<>(Map.of("type", nullToEmpty(type), "title", nullToEmpty(title),
                "description", nullToEmpty(description), "governanceRule", nullToEmpty(governanceRule), "needId", nullToEmpty(needId),
                "needAction", nullToEmpty(needAction), "quantity", nullToEmpty(quantity), "text", nullToEmpty(text)));
        kept.put("key", key);
        return Response.status(created.status() == 409 ? 409 : 422)
                .entity(proposalsPage(id, created.problem(), created.fieldErrors(), kept)).build();
    }

    /** A proposal with its votes and the rule's current tally; the vote form for a participating partner while open. */
    @GET
    @Path("{id}/proposals/{proposal}")
    public TemplateInstance proposal(@PathParam("id") String id, @PathParam("proposal") String proposalId,
            @QueryParam("done") String done) {
        return proposalPage(id, proposalId, "vote".equals(done) ? "voted" : null, null, Map.of());
    }

    /** Votes for my organisation on the version the user saw (If-Match); a refusal shows the API's problem. */
    @POST
    @Path("{id}/proposals/{proposal}/vote")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object vote(@PathParam("id") String id, @PathParam("proposal") String proposalId, @RestForm String choice,
            @RestForm String comment, @RestForm String version) {
        String partner = view.partnerId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("choice", blankToNull(choice));
        body.put("comment", blankToNull(comment));
        Map<String, String> headers = version == null || version.isBlank() ? Map.of() : Map.of("If-Match", version);
        ApiResponse answer = partner == null ? null
                : api.put("/api/v1/projects/" + id + "/proposals/" + proposalId + "/votes/" + partner, body, headers);
        if (answer != null && answer.ok()) {
            return View.seeOther("/console/projects/" + id + "/proposals/" + proposalId + "?done=vote");
        }
        Map<String, Object> kept = Map.of("choice", nullToEmpty(choice), "comment", nullToEmpty(comment));
        int status = answer == null ? 403 : answer.status();
        String problem = answer == null ? null : answer.problem();
        return Response.status(status == 412 || status == 403 ? status : status == 400 ? 422 : 409)
                .entity(proposalPage(id, proposalId, null, status == 412 ? "stale" : problem, kept)).build();
    }

    private TemplateInstance proposalsPage(String id, String flash, Map<String, String> errors, Map<String, Object> kept) {
        ApiResponse project = visible(api.get("/api/v1/projects/" + id));
        ApiResponse list = api.all("/api/v1/projects/" + id + "/proposals");
        List<Map<String, Object>> open = new ArrayList<>();
        List<Map<String, Object>> closed = new ArrayList<>();
        for (Map<String, Object> p : list.ok() ? view.list(list) : List.<Map<String, Object>>of()) {
            ("OPEN".equals(p.get("status")) ? open : closed).add(p);
        }
        Map<String, Object> proj = view.map(project.body());
        ApiResponse needs = api.all("/api/v1/needs", "projectId", id);
        return view.page(proposals).data("project", proj).data("open", open).data("closed", closed)
                .data("participant", participant(view.partnerId(), proj)).data("needs", needs.ok() ? view.list(needs) : List.of())
                .data("key", kept.get("key") instanceof String k && !k.isBlank() ? k : View.newKey())
                .data("flash", flash != null ? flash : list.ok() ? null : list.problem()).data("errors", errors).data("form", kept);
    }

    private TemplateInstance proposalPage(String id, String proposalId, String notice, String flash, Map<String, Object> kept) {
        ApiResponse answer = visible(api.get("/api/v1/projects/" + id + "/proposals/" + proposalId));
        Map<String, Object> p = view.map(answer.body());
        ApiResponse project = api.get("/api/v1/projects/" + id);
        Map<String, Object> proj = project.ok() ? view.map(project.body()) : Map.of("id", id, "title", p.getOrDefault("projectTitle", ""));
        String mine = view.partnerId();
        Object myChoice = null;
        if (p.get("votes") instanceof List<?> votes) {
            for (Object v : votes) {
                if (v instanceof Map<?, ?> vote && mine != null && mine.equals(vote.get("partnerId"))) {
                    myChoice = vote.get("choice");
                }
            }
        }
        return view.page(proposal).data("proposal", p).data("project", proj).data("version", answer.etag())
                .data("canVote", "OPEN".equals(p.get("status")) && participant(view.partnerId(), proj))
                .data("myChoice", myChoice).data("notice", notice)
                .data("stale", "stale".equals(flash)).data("flash", "stale".equals(flash) ? null : flash).data("form", kept);
    }

    /** Whether the signed-in user's organisation ({@code mine}) is an accepted participant (the lead included) of the project. */
    static boolean participant(String mine, Map<String, Object> project) {
        if (mine == null) {
            return false;
        }
        if (mine.equals(project.get("leadPartnerId"))) {
            return true;
        }
        if (project.get("participants") instanceof List<?> participants) {
            for (Object o : participants) {
                if (o instanceof Map<?, ?> m && mine.equals(m.get("partnerId")) && "ACCEPTED".equals(m.get("status"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A project or proposal the caller may not see, or none at all, is the console's not-found page, never data. */
    private static ApiResponse visible(ApiResponse answer) {
        if (answer.status() == 404 || answer.status() == 403 || answer.status() == 400) {
            throw new NotFoundException();
        }
        return answer;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
