package org.partnership.resources.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
import org.partnership.http.Ids;
import org.partnership.http.Page;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.resources.domain.Contribution;
import org.partnership.resources.rest.ResourceResponses.ContributionPage;
import org.partnership.resources.rest.ResourceResponses.ContributionView;
import org.partnership.resources.service.CallerResolver;
import org.partnership.resources.service.DepartureService;
import org.partnership.resources.service.Time;

import java.util.List;
import java.util.UUID;

/** What partners that left a project still owe it (issue #19): their open pledges, for the lead to replace. */
@Path("/api/v1/commitments/departed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commitments", description = "What a partner has pledged, delivered and still owes across projects, and the risks it carries")
@SecurityRequirement(name = "oidc")
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class DepartedPledgeResource {

    private final DepartureService service;
    private final CallerResolver callers;
    private final Time time;

    public DepartedPledgeResource(DepartureService service, CallerResolver callers, Time time) {
        this.service = service;
        this.callers = callers;
        this.time = time;
    }

    @GET
    @RolesAllowed({"coordinator", "partner-rep", "auditor", "admin"})
    @Operation(operationId = "listDepartedPledges", summary = "Open pledges of partners that left the project",
            description = "The contributions still PLEDGED or PARTIALLY_DELIVERED of partners that are no longer accepted participants "
                    + "of the project (they withdrew or were removed), oldest first, keyset-paginated: what the lead must replace. "
                    + "For the project's lead, auditors and administrators; other participants get 403.")
    @APIResponse(responseCode = "200", description = "A page of open pledges of departed partners", content = @Content(schema = @Schema(implementation = ContributionPage.class)))
    @ApiResponses.Reads
    public Uni<ContributionPage> list(
            @Parameter(description = "The project (required)", required = true) @QueryParam("projectId") String projectId,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        if (projectId == null) {
            throw ProblemException.badRequest("validation", "projectId is required", List.of(new Problem.FieldError("projectId", "required")));
        }
        UUID project = Ids.uuid(projectId, "projectId");
        int size = Page.limit(limit);
        var after = ContributionCursor.parse(cursor);
        var today = time.today();
        return service.departedPledges(callers.current(), project, after, size + 1).map(found -> {
            List<ContributionView> items = found.stream().limit(size).map(c -> ContributionView.of(c, today)).toList();
            String next = null;
            if (found.size() > size) {
                Contribution last = found.get(size - 1);
                next = Page.cursor(last.createdAt().toString(), last.id().toString());
            }
            return new ContributionPage(items, next);
        });
    }
}
