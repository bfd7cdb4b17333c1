package org.partnership.projects.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.jboss.resteasy.reactive.server.Cancellable;
import org.partnership.http.ApiResponses;
import org.partnership.http.Ids;
import org.partnership.http.Page;
import org.partnership.http.Preconditions;
import org.partnership.http.Problem;
import org.partnership.http.QueryParams;
import org.partnership.http.idempotency.IdempotentRequests;
import org.partnership.http.idempotency.IdempotentRequests.Created;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.domain.GovernanceRule;
import org.partnership.projects.domain.Project;
import org.partnership.projects.domain.ProjectStatus;
import org.partnership.projects.domain.ProjectTransition;
import org.partnership.projects.domain.ServiceDomain;
import org.partnership.projects.repository.ProjectRepository;
import org.partnership.projects.rest.ProjectRequests.CreateProjectRequest;
import org.partnership.projects.rest.ProjectRequests.UpdateProjectRequest;
import org.partnership.projects.rest.ProjectResponses.ProjectPage;
import org.partnership.projects.rest.ProjectResponses.ProjectView;
import org.partnership.projects.rest.ProjectResponses.ReadinessView;
import org.partnership.projects.rest.problem.ProjectProblemMappers.LaunchRefusedProblem;
import org.partnership.projects.service.CallerResolver;
import org.partnership.projects.service.ProjectDetails;
import org.partnership.projects.service.ProjectService;

import java.util.List;
import java.util.UUID;

/** A project's lifecycle: create, list, read, replan, open, launch, complete, cancel, and its launch readiness. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ProjectMapping.TAG, description = ProjectMapping.TAG_DESCRIPTION)
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class ProjectResource {

    private final ProjectService service;
    private final CallerResolver callers;
    private final IdempotentRequests idempotent;

    public ProjectResource(ProjectService service, CallerResolver callers, IdempotentRequests idempotent) {
        this.service = service;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed("coordinator")
    @Operation(operationId = "createProject", summary = "Create a project (coordinators)",
            description = "A DRAFT project led by the coordinator's own organisation (token claim partner_id), which must be ACTIVE. "
                    + "Send an Idempotency-Key to retry safely: a repeat returns the first response (header Idempotent-Replayed: true).")
    @APIResponse(responseCode = "201", description = "Created (or replayed); Location and ETag set", headers = {@Header(ref = "ETag"), @Header(ref = "Location")}, content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @ApiResponses.Writes
    @ApiResponses.Idempotent
    public Uni<Response> create(
            @Parameter(description = ProjectMapping.IDEMPOTENCY_KEY) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid CreateProjectRequest request, @Context UriInfo uri) {
        Project.Plan plan = new Project.Plan(request.title(), request.purpose(), request.dimensions(), request.plannedStart(),
                request.plannedEnd(), request.requiredCoveragePercent() == null ? 100 : request.requiredCoveragePercent(),
                request.governanceRule() == null ? GovernanceRule.LEAD_DECIDES : request.governanceRule());
        Caller caller = callers.current();
        return idempotent.create(caller.subject(), idempotencyKey, uri, request, () -> service.create(caller, plan)
                .map(details -> new Created(uri.getAbsolutePathBuilder().path(details.project().id().toString()).build(),
                        details.project().version(), ProjectView.of(details, caller))));
    }

    @GET
    @Operation(operationId = "listProjects", summary = "List projects",
            description = "Newest first, keyset-paginated. mine=true: projects the caller's partner takes part in (lead or accepted). "
                    + "Otherwise the projects the caller may see: OPEN ones (public summary) and their own; auditors see all.")
    @APIResponse(responseCode = "200", description = "A page of projects", content = @Content(schema = @Schema(implementation = ProjectPage.class)))
    @ApiResponses.Reads
    public Uni<ProjectPage> list(
            @Parameter(description = "DRAFT, OPEN, ACTIVE, COMPLETED or CANCELLED") @QueryParam("status") String status,
            @Parameter(description = "A service domain, e.g. HOUSING") @QueryParam("dimension") String dimension,
            @Parameter(description = "true: only the caller's partner's projects", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("mine") String mine,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        String statusFilter = status == null ? null : QueryParams.enumValue(ProjectStatus.class, status, "status").name();
        String dimensionFilter = dimension == null ? null : QueryParams.enumValue(ServiceDomain.class, dimension, "dimension").name();
        String[] position = Page.position(cursor, 2);
        ProjectRepository.Position after = position == null ? null
                : new ProjectRepository.Position(ProjectMapping.instant(position[0], "cursor"), Ids.uuid(position[1], "cursor"));
        Caller caller = callers.current();
        boolean onlyMine = Boolean.TRUE.equals(QueryParams.bool(mine, "mine"));
        return service.search(caller, statusFilter, dimensionFilter, onlyMine, after, size + 1).map(found -> {
            List<ProjectView> items = found.stream().limit(size).map(d -> ProjectView.of(d, caller)).toList();
            String next = null;
            if (found.size() > size) {
                Project last = found.get(size - 1).project();
                next = Page.cursor(last.createdAt().toString(), last.id().toString());
            }
            return new ProjectPage(items, next);
        });
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProject", summary = "Get a project",
            description = "In full for its participants, auditors and administrators; an OPEN project's public summary for everyone else.")
    @APIResponse(responseCode = "200", description = "The project; ETag is its version", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @ApiResponses.Reads
    public Uni<Response> get(@PathParam("id") String id) {
        UUID projectId = Ids.uuid(id, "id");
        Caller caller = callers.current();
        return service.get(caller, projectId).map(d -> ok(d, caller));
    }

    @PATCH
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateProject", summary = "Change a project's plan (the lead's members)",
            description = "Send If-Match with the ETag you read; absent fields stay unchanged.")
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @ApiResponses.Writes
    @ApiResponses.Versioned
    @ApiResponses.VersionRequired
    public Uni<Response> update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid UpdateProjectRequest request) {
        UUID projectId = Ids.uuid(id, "id");
        long version = Preconditions.requiredVersion(ifMatch);
        Caller caller = callers.current();
        return service.update(caller, projectId, version, current -> ProjectMapping.merge(current, request))
                .map(d -> ok(d, caller));
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/open")
    @Operation(operationId = "openProject", summary = "Open a DRAFT project (the lead's members)",
            description = "DRAFT to OPEN: from now on partners who do not take part see its public summary. With If-Match, only from that version. Publishes partnership.project.opened.v1.")
    @TransitionResponses
    public Uni<Response> open(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return transition(id, ifMatch, ProjectTransition.OPEN);
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/launch")
    @Operation(operationId = "launchProject", summary = "Launch an OPEN project when every readiness criterion passes (the lead's members)",
            description = "Refused with 409 (type launch-not-ready) listing exactly the failing criteria in 'criteria' and 'errors'.")
    @APIResponse(responseCode = "200", description = "Launched; the project after the change", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @ApiResponses.Reads
    @ApiResponses.Versioned
    @APIResponse(responseCode = "409", description = "Not allowed from the current status, or not ready (failing criteria listed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LaunchRefusedProblem.class)))
    public Uni<Response> launch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return transition(id, ifMatch, ProjectTransition.LAUNCH);
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/complete")
    @Operation(operationId = "completeProject", summary = "Complete an ACTIVE project (the lead's members)",
            description = "ACTIVE to COMPLETED; a completed project is closed and changes no more. With If-Match, only from that version. Publishes partnership.project.completed.v1.")
    @TransitionResponses
    public Uni<Response> complete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return transition(id, ifMatch, ProjectTransition.COMPLETE);
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelProject", summary = "Cancel a DRAFT, OPEN or ACTIVE project (the lead's members)",
            description = "To CANCELLED; a cancelled project is closed and changes no more. With If-Match, only from that version. Publishes partnership.project.cancelled.v1.")
    @TransitionResponses
    public Uni<Response> cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return transition(id, ifMatch, ProjectTransition.CANCEL);
    }

    @GET
    @Path("/{id}/readiness")
    @Operation(operationId = "getLaunchReadiness", summary = "The launch checklist, item by item",
            description = "Criteria: MIN_ACCEPTED_PARTICIPANTS, CROSS_SECTOR, PARTICIPANTS_ACTIVE, NEEDS_COVERED, RISKS_ALLOCATED "
                    + "(and LAUNCH_DECISION_APPROVED under a voting governance rule), each passed or failed with a reason.")
    @APIResponse(responseCode = "200", description = "The checklist", content = @Content(schema = @Schema(implementation = ReadinessView.class)))
    @ApiResponses.Reads
    public Uni<ReadinessView> readiness(@PathParam("id") String id) {
        UUID projectId = Ids.uuid(id, "id");
        return service.readiness(callers.current(), projectId).map(ReadinessView::of);
    }

    // ---------------------------------------------------------------- helpers

    private Uni<Response> transition(String id, String ifMatch, ProjectTransition transition) {
        UUID projectId = Ids.uuid(id, "id");
        Long version = ifMatch == null ? null : Preconditions.requiredVersion(ifMatch);
        Caller caller = callers.current();
        return service.transition(caller, projectId, transition, version).map(d -> ok(d, caller));
    }

    /** 200 with the project as the caller may see it; ETag is its version. */
    static Response ok(ProjectDetails details, Caller caller) {
        return Response.ok(ProjectView.of(details, caller)).tag(Preconditions.etag(details.project().version())).build();
    }

    /** The responses of the lifecycle actions. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @APIResponse(responseCode = "200", description = "Done; the project after the change", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Malformed id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a member of the lead partner", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status (named in the detail)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match sent and stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface TransitionResponses {
    }
}
