package org.partnership.resources.rest;

import org.jboss.resteasy.reactive.server.Cancellable;
import org.partnership.resources.rest.ResourceResponses.NeedPage;
import org.partnership.resources.repository.NeedRepository;
import org.partnership.http.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnership.http.ApiResponses;
import org.partnership.http.Ids;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.http.idempotency.IdempotentRequests;
import org.partnership.http.idempotency.IdempotentRequests.Created;
import org.partnership.resources.domain.Caller;
import org.partnership.resources.rest.ResourceRequests.DeclareNeedRequest;
import org.partnership.resources.rest.ResourceResponses.NeedView;
import org.partnership.resources.service.CallerResolver;
import org.partnership.resources.service.NeedService;

import java.util.List;

@Path("/api/v1/needs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Needs", description = "What a project needs, and how far pledges and deliveries cover it")
@SecurityRequirement(name = "oidc")
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class NeedResource {

    private final NeedService service;
    private final CallerResolver callers;
    private final IdempotentRequests idempotent;

    public NeedResource(NeedService service, CallerResolver callers, IdempotentRequests idempotent) {
        this.service = service;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    @GET
    @RolesAllowed({"coordinator", "partner-rep", "auditor", "admin"})
    @Operation(operationId = "listNeeds", summary = "A project's needs with their coverage",
            description = "Oldest declared first, keyset-paginated. Visible to the project's accepted participants, its lead and auditors.")
    @APIResponse(responseCode = "200", description = "A page of needs", content = @Content(schema = @Schema(implementation = NeedPage.class)))
    @ApiResponses.Reads
    public Uni<NeedPage> list(@Parameter(description = "The project (required)", required = true) @QueryParam("projectId") String projectId,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        if (projectId == null) {
            throw ProblemException.badRequest("validation", "projectId is required",
                    List.of(new Problem.FieldError("projectId", "required")));
        }
        var project = Ids.uuid(projectId, "projectId");
        int size = Page.limit(limit);
        var after = ContributionCursor.keyset(cursor, NeedRepository.Position::new);
        return service.ofProject(callers.current(), project, after, size + 1).map(found -> new NeedPage(
                found.stream().limit(size).map(NeedView::of).toList(),
                found.size() > size ? Page.cursor(found.get(size - 1).need().createdAt().toString(), found.get(size - 1).need().id().toString()) : null));
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Operation(operationId = "declareNeed", summary = "Declare a need of a project (its lead)",
            description = "What the project needs (type, quantity, unit, dimension); pledges and deliveries then cover it. Not while the project is closed. Publishes partnership.need.declared.v1.")
    @APIResponse(responseCode = "201", description = "Declared", headers = @Header(ref = "Location"), content = @Content(schema = @Schema(implementation = NeedView.class)))
    @ApiResponses.Writes
    @ApiResponses.Idempotent
    public Uni<Response> declare(
            @Parameter(description = "Makes the declaration safe to retry") @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid DeclareNeedRequest request, @Context UriInfo uri) {
        Caller caller = callers.current();
        return idempotent.create(caller.subject(), key, uri, request, () -> service.declare(caller,
                        new NeedService.Declaration(request.projectId(), request.type(), request.quantity(), request.unit(),
                                request.dimension(), request.description()))
                .map(need -> new Created(uri.getBaseUriBuilder().path("/api/v1/needs").queryParam("projectId", need.need().projectId()).build(),
                        null, NeedView.of(need))));
    }
}
