package org.partnership.resources.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.partnership.http.ApiResponses;
import org.partnership.http.Csv;
import org.partnership.http.Ids;
import org.partnership.http.Page;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.resources.domain.Caller;
import org.partnership.resources.domain.Contribution;
import org.partnership.resources.domain.Decimals;
import org.partnership.resources.domain.Money;
import org.partnership.resources.rest.ResourceResponses.CommitmentsView;
import org.partnership.resources.rest.ResourceResponses.ProjectCommitmentsView;
import org.partnership.resources.service.CallerResolver;
import org.partnership.resources.service.CommitmentService;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/commitments")
@Tag(name = "Commitments", description = "What a partner has pledged, delivered (confirmed, disputed) and still owes across projects, and the risks it carries")
@SecurityRequirement(name = "oidc")
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class CommitmentResource {

    static final List<String> PARTNER_COLUMNS = List.of("contributionId", "projectId", "projectTitle", "needId", "type",
            "quantity", "unit", "delivered", "confirmed", "disputed", "remaining", "status", "dueDate", "overdue", "valuationAmount",
            "valuationCurrency", "createdAt");
    static final List<String> PROJECT_COLUMNS = List.of("partnerId", "partnerName", "kind", "key", "unit", "pledged",
            "delivered", "confirmed", "disputed", "remaining");

    private final CommitmentService service;
    private final CallerResolver callers;

    public CommitmentResource(CommitmentService service, CallerResolver callers) {
        this.service = service;
        this.callers = callers;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({"coordinator", "partner-rep", "auditor", "admin"})
    @Operation(operationId = "getCommitments", summary = "A partner's commitments, or a project's totals per partner",
            description = "With partnerId (default: your own partner): that partner's contributions across projects (optionally one "
                    + "project), totals by type and by currency (pledged; delivered, the deliveries that stand; confirmed, the part of it the "
                    + "recipient side confirmed; disputed, awaiting resolution and counted nowhere else; remaining), fulfilment ratio "
                    + "(confirmed share), overdue count and risk exposure — for the "
                    + "partner's own representatives, auditors, and a project's lead for that project. With only projectId: totals "
                    + "per partner (ProjectCommitments), for the project's participants, its lead and auditors. "
                    + "Accept: text/csv exports the same data as CSV (every item, no paging); JSON otherwise.")
    @APIResponse(responseCode = "200", description = "Commitments (with partnerId) or ProjectCommitments (with only projectId), or CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {CommitmentsView.class, ProjectCommitmentsView.class})),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @ApiResponses.Reads
    public Uni<Response> get(
            @Parameter(description = "The partner (default: yours unless projectId alone is given)") @QueryParam("partnerId") String partnerId,
            @Parameter(description = "Only this project") @QueryParam("projectId") String projectId,
            @Parameter(description = "Page size of items, 1-100 (default 20; JSON only)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page (JSON only)") @QueryParam("cursor") String cursor,
            @Context HttpHeaders headers) {
        var caller = callers.current();
        UUID project = Ids.uuidOrNull(projectId, "projectId");
        UUID partner = partnerOf(caller, partnerId, project);
        if (wantsCsv(headers)) {
            return csv(caller, partner, project);
        }
        if (partner == null) {
            return service.ofProject(caller, project).map(p -> json(ProjectCommitmentsView.of(p)));
        }
        int size = Page.limit(limit);
        return service.ofPartner(caller, partner, project, ContributionCursor.parse(cursor), size).map(c -> json(CommitmentsView.of(c,
                c.more() ? ResourceResponses.cursorOf(c.items().get(c.items().size() - 1)) : null)));
    }

    /** CSV only when the client prefers it to JSON (a bare wildcard gets JSON). */
    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
            if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
                return false;
            }
        }
        return false;
    }

    private static Response json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Uni<Response> csv(Caller caller, UUID partner, UUID project) {
        if (partner == null) {
            return service.ofProject(caller, project).map(p -> {
                StringBuilder csv = new StringBuilder(Csv.row(PROJECT_COLUMNS));
                for (var view : ProjectCommitmentsView.of(p).partners()) {
                    view.totals().byType().forEach(t -> csv.append(Csv.row(Arrays.asList(view.partnerId(), view.partnerName(),
                            "type", t.type(), t.unit(), t.pledged(), t.delivered(), t.confirmed(), t.disputed(), t.remaining()))));
                    view.totals().byCurrency().forEach(t -> csv.append(Csv.row(Arrays.asList(view.partnerId(), view.partnerName(),
                            "currency", t.currency(), null, t.pledged(), t.delivered(), t.confirmed(), t.disputed(), t.remaining()))));
                }
                return csvResponse(csv, "commitments-project-" + project);
            });
        }
        return service.ofPartner(caller, partner, project, null, 0).map(c -> {
            StringBuilder csv = new StringBuilder(Csv.row(PARTNER_COLUMNS));
            for (var item : c.items()) {
                Contribution x = item.contribution();
                Money money = x.valuation();
                csv.append(Csv.row(Arrays.asList(x.id(), x.projectId(), item.projectTitle(), x.needId(), x.type().name(),
                        Decimals.format(x.quantity()), x.unit(), Decimals.format(x.delivered()), Decimals.format(x.confirmed()),
                        Decimals.format(x.disputed()), Decimals.format(x.remaining()),
                        x.status().name(), x.dueDate(), x.isOverdue(c.today()),
                        money == null ? null : Money.format(money.amount(), money.currency()),
                        money == null ? null : money.currency(), x.createdAt())));
            }
            return csvResponse(csv, "commitments-" + partner);
        });
    }

    /** The partner asked for; the caller's own when only projectId is absent too; null for a project's totals. */
    private static UUID partnerOf(Caller caller, String partnerId, UUID project) {
        if (partnerId != null) {
            return Ids.uuid(partnerId, "partnerId");
        }
        if (project != null) {
            return null;
        }
        return caller.partnerId().orElseThrow(() -> ProblemException.badRequest("validation",
                "partnerId or projectId is required", List.of(new Problem.FieldError("partnerId", "required"))));
    }

    private static Response csvResponse(StringBuilder csv, String name) {
        return Response.ok(csv.toString(), Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }
}
