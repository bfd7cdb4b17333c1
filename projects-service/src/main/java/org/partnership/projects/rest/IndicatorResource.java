package org.partnership.projects.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.partnership.http.idempotency.IdempotentRequests;
import org.partnership.http.idempotency.IdempotentRequests.Created;
import org.partnership.projects.domain.Caller;
import org.partnership.projects.rest.ProjectRequests.IndicatorRequest;
import org.partnership.projects.rest.ProjectRequests.MeasurementRequest;
import org.partnership.projects.rest.ProjectResponses.IndicatorView;
import org.partnership.projects.service.CallerResolver;
import org.partnership.projects.service.IndicatorService;

import java.util.List;
import java.util.UUID;

/** A project's indicators and their measurements. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ProjectMapping.TAG, description = ProjectMapping.TAG_DESCRIPTION)
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
            description = "For participants, auditors and administrators; others get 403 (they see the public summary only).")
    @APIResponse(responseCode = "200", description = "Indicators", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = IndicatorView.class)))
    @ApiResponses.Reads
    public Uni<List<IndicatorView>> indicators(@PathParam("id") String id) {
        UUID projectId = Ids.uuid(id, "id");
        return indicators.list(callers.current(), projectId).map(list -> list.stream().map(IndicatorView::of).toList());
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/indicators")
    @Operation(operationId = "declareIndicator", summary = "Declare an indicator: name, unit, baseline, target (the lead's members)",
            description = "Makes a goal of the project measurable; values are decimals sent as strings. Not while the project is closed.")
    @APIResponse(responseCode = "201", description = "Declared", headers = @Header(ref = "Location"), content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @ApiResponses.Writes
    @ApiResponses.Idempotent
    public Uni<Response> declareIndicator(@PathParam("id") String id,
            @Parameter(description = ProjectMapping.IDEMPOTENCY_KEY) @HeaderParam(IdempotentRequests.HEADER) String key,
            @NotNull @Valid IndicatorRequest request, @Context UriInfo uri) {
        UUID projectId = Ids.uuid(id, "id");
        Caller caller = callers.current();
        return idempotent.create(caller.subject(), key, uri, request, () -> indicators.declare(caller, projectId, request.name(),
                        request.unit(), request.baseline(), request.target())
                .map(i -> new Created(uri.getAbsolutePathBuilder().path(i.id().toString()).build(), null, IndicatorView.of(i))));
    }

    @POST
    @RolesAllowed({"coordinator", "partner-rep"})
    @Path("/{id}/indicators/{indicatorId}/measurements")
    @Operation(operationId = "recordMeasurement", summary = "Record a measurement of an indicator (the lead and accepted participants)",
            description = "A value measured on a date (not in the future); the indicator's latest measurement and progress follow from it. Publishes partnership.indicator.measured.v1. Not while the project is closed.")
    @APIResponse(responseCode = "201", description = "Recorded; the indicator after it", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
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
                .map(i -> new Created(null, null, IndicatorView.of(i))));
    }
}
