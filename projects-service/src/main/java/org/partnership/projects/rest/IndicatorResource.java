package org.partnership.projects.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.partnership.http.ProblemException;
import org.partnership.http.idempotency.IdempotentRequests;
import org.partnership.http.idempotency.IdempotentRequests.Created;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.domain.Indicator;
import org.partnership.projects.repository.IndicatorRepository;
import org.partnership.projects.repository.MeasurementRepository;
import org.partnership.projects.rest.ProjectRequests.IndicatorRequest;
import org.partnership.projects.rest.ProjectRequests.MeasurementRequest;
import org.partnership.projects.rest.ProjectRequests.TargetRequest;
import org.partnership.projects.rest.ProjectRequests.TargetsRequest;
import org.partnership.projects.rest.ProjectResponses.IndicatorPage;
import org.partnership.projects.rest.ProjectResponses.IndicatorView;
import org.partnership.projects.rest.ProjectResponses.MeasurementPage;
import org.partnership.projects.rest.ProjectResponses.MeasurementView;
import org.partnership.projects.service.CallerResolver;
import org.partnership.projects.service.IndicatorService;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** A project's indicators, their dated targets and their measurements. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ProjectMapping.TAG, description = ProjectMapping.TAG_DESCRIPTION)
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class IndicatorResource {

    private final IndicatorService indicators;
    private final CallerResolver callers;
    private final IdempotentRequests idempotent;

    public IndicatorResource(IndicatorService indicators, CallerResolver callers, IdempotentRequests idempotent) {
        this.indicators = indicators;
        this.callers = callers;
        this.idempotent = idempotent;
    }

    @GET
    @Path("/{id}/indicators")
    @Operation(operationId = "listIndicators", summary = "A project's indicators with their latest measurement and progress to target",
            description = "Oldest declared first, keyset-paginated. For participants, auditors and administrators; others get 403 (they see the public summary only).")
    @APIResponse(responseCode = "200", description = "A page of indicators", content = @Content(schema = @Schema(implementation = IndicatorPage.class)))
    @ApiResponses.Reads
    public Uni<IndicatorPage> indicators(@PathParam("id") String id,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        UUID projectId = Ids.uuid(id, "id");
        int size = Page.limit(limit);
        String[] key = Page.position(cursor, 2);
        IndicatorRepository.Position after = key == null ? null
                : new IndicatorRepository.Position(ProjectMapping.instant(key[0], "cursor"), Ids.uuid(key[1], "cursor"));
        return indicators.list(callers.current(), projectId, after, size + 1).map(found -> {
            List<IndicatorView> items = found.stream().limit(size).map(IndicatorView::of).toList();
            String next = null;
            if (found.size() > size) {
                Indicator last = found.get(size - 1);
                next = Page.cursor(last.createdAt().toString(), last.id().toString());
            }
            return new IndicatorPage(items, next);
        });
    }

    @GET
    @Path("/{id}/indicators/{indicatorId}")
    @Operation(operationId = "getIndicator", summary = "An indicator: baseline, dated targets, latest value and progress",
            description = "For the project's participants, auditors and administrators; others get 403 (an OPEN project's public summary only) "
                    + "or 404. progressPercent is towards the final target, nextTarget towards the next one due. The ETag is the version to send "
                    + "in If-Match when changing the targets.")
    @APIResponse(responseCode = "200", description = "The indicator; ETag is its version", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @ApiResponses.Reads
    public Uni<Response> indicator(@PathParam("id") String id, @PathParam("indicatorId") String indicatorId) {
        UUID projectId = Ids.uuid(id, "id");
        UUID indicator = Ids.uuid(indicatorId, "indicatorId");
        return indicators.get(callers.current(), projectId, indicator).map(IndicatorResource::ok);
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/indicators")
    @Operation(operationId = "declareIndicator", summary = "Declare an indicator: name, unit, baseline, target or dated targets (the lead's members)",
            description = "Makes a goal of the project measurable; values are decimals sent as strings. Without dated targets, the target is due at "
                    + "the project's planned end. Not while the project is closed. Location is the indicator's GET.")
    @APIResponse(responseCode = "201", description = "Declared", headers = {@Header(ref = "ETag"), @Header(ref = "Location")}, content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @ApiResponses.Writes
    @ApiResponses.Idempotent
    public Uni<Response> declareIndicator(@PathParam("id") String id,
            @Parameter(description = ProjectMapping.IDEMPOTENCY_KEY) @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid IndicatorRequest request, @Context UriInfo uri) {
        UUID projectId = Ids.uuid(id, "id");
        Caller caller = callers.current();
        return idempotent.create(caller.subject(), key, uri, request, () -> indicators.declare(caller, projectId, request.name(),
                        request.unit(), request.baseline(), request.target(), targets(request.targets()))
                .map(i -> new Created(uri.getAbsolutePathBuilder().path(i.id().toString()).build(), i.version(), IndicatorView.of(i))));
    }

    @PUT
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/indicators/{indicatorId}/targets")
    @Operation(operationId = "changeIndicatorTargets", summary = "Replace an indicator's dated targets (the lead's members)",
            description = "Send If-Match with the indicator's ETag. The target due last becomes the final target. Not while the project is closed.")
    @APIResponse(responseCode = "200", description = "Changed; the indicator after it", headers = @Header(ref = "ETag"), content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @ApiResponses.Writes
    @ApiResponses.Versioned
    @ApiResponses.VersionRequired
    public Uni<Response> changeTargets(@PathParam("id") String id, @PathParam("indicatorId") String indicatorId,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid TargetsRequest request) {
        UUID projectId = Ids.uuid(id, "id");
        UUID indicator = Ids.uuid(indicatorId, "indicatorId");
        long version = Preconditions.requiredVersion(ifMatch);
        return indicators.changeTargets(callers.current(), projectId, indicator, version, targets(request.targets()))
                .map(IndicatorResource::ok);
    }

    @GET
    @Path("/{id}/indicators/{indicatorId}/measurements")
    @Operation(operationId = "listMeasurements", summary = "An indicator's measurements: value, who recorded it and when",
            description = "Newest measured first (measuredAt descending, then most recently recorded first), keyset-paginated. "
                    + "For the project's participants, auditors and administrators.")
    @APIResponse(responseCode = "200", description = "A page of measurements", content = @Content(schema = @Schema(implementation = MeasurementPage.class)))
    @ApiResponses.Reads
    public Uni<MeasurementPage> measurements(@PathParam("id") String id, @PathParam("indicatorId") String indicatorId,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        UUID projectId = Ids.uuid(id, "id");
        UUID indicator = Ids.uuid(indicatorId, "indicatorId");
        int size = Page.limit(limit);
        MeasurementRepository.Position after = position(cursor);
        return indicators.measurements(callers.current(), projectId, indicator, after, size + 1).map(found -> {
            List<MeasurementView> items = found.stream().limit(size).map(r -> MeasurementView.of(r.measurement(), r.partner())).toList();
            String next = null;
            if (found.size() > size) {
                var last = found.get(size - 1).measurement();
                next = Page.cursor(last.measuredAt().toString(), last.recordedAt().toString(), last.id().toString());
            }
            return new MeasurementPage(items, next);
        });
    }

    @GET
    @Path("/{id}/indicators/{indicatorId}/measurements/{measurementId}")
    @Operation(operationId = "getMeasurement", summary = "One measurement of an indicator",
            description = "For the project's participants, auditors and administrators.")
    @APIResponse(responseCode = "200", description = "The measurement", content = @Content(schema = @Schema(implementation = MeasurementView.class)))
    @ApiResponses.Reads
    public Uni<MeasurementView> measurement(@PathParam("id") String id, @PathParam("indicatorId") String indicatorId,
            @PathParam("measurementId") String measurementId) {
        UUID projectId = Ids.uuid(id, "id");
        UUID indicator = Ids.uuid(indicatorId, "indicatorId");
        UUID measurement = Ids.uuid(measurementId, "measurementId");
        return indicators.measurement(callers.current(), projectId, indicator, measurement)
                .map(r -> MeasurementView.of(r.measurement(), r.partner()));
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/indicators/{indicatorId}/measurements")
    @Operation(operationId = "recordMeasurement", summary = "Record a measurement of an indicator (the lead and accepted participants)",
            description = "A value measured on a date (not in the future); the indicator's latest measurement and progress follow from it. "
                    + "Publishes partnership.indicator.measured.v1. Not while the project is closed. Location is the measurement's GET.")
    @APIResponse(responseCode = "201", description = "Recorded; the indicator after it", headers = @Header(ref = "Location"), content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @ApiResponses.Writes
    @ApiResponses.Idempotent
    public Uni<Response> measure(@PathParam("id") String id, @PathParam("indicatorId") String indicatorId,
            @Parameter(description = ProjectMapping.IDEMPOTENCY_KEY) @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid MeasurementRequest request, @Context UriInfo uri) {
        UUID projectId = Ids.uuid(id, "id");
        UUID indicator = Ids.uuid(indicatorId, "indicatorId");
        Caller caller = callers.current();
        return idempotent.create(caller.subject(), key, uri, request, () -> indicators.measure(caller, projectId, indicator,
                        request.value(), request.measuredAt())
                .map(r -> new Created(uri.getAbsolutePathBuilder().path(r.measurement().id().toString()).build(), null,
                        IndicatorView.of(r.indicator()))));
    }

    private static Response ok(Indicator indicator) {
        return Response.ok(IndicatorView.of(indicator)).tag(Preconditions.etag(indicator.version())).build();
    }

    private static List<Indicator.Target> targets(List<TargetRequest> requested) {
        return requested == null ? null : requested.stream().map(t -> new Indicator.Target(t.value(), t.dueDate())).toList();
    }

    private static MeasurementRepository.Position position(String cursor) {
        String[] key = Page.position(cursor, 3);
        if (key == null) {
            return null;
        }
        try {
            return new MeasurementRepository.Position(LocalDate.parse(key[0]), ProjectMapping.instant(key[1], "cursor"),
                    Ids.uuid(key[2], "cursor"));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("validation", "cursor is not valid; use the 'next' value of a previous page",
                    List.of(new Problem.FieldError("cursor", "not a cursor from this list")));
        }
    }
}
