package org.partnership.resources.rest.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.partnership.http.ProblemTypes;
import org.partnership.http.ProblemTypes.ProblemType;

import java.util.List;

import static org.partnership.http.ProblemTypes.type;

/**
 * The problem types resources-service answers with besides the common ones, in its API description's catalogue. A
 * missing object is {@code <kind>-not-found} ({@link ResourceProblemMappers#notFound}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ResourceProblemTypes implements OASFilter {

    static final List<ProblemType> TYPES = List.of(
            type("project-not-found", 404, "Not found", "No such project, or it is not visible to the caller"),
            type("contribution-not-found", 404, "Not found", "No such contribution, or it is not visible to the caller"),
            type("delivery-not-found", 404, "Not found", "The contribution has no delivery with this id"),
            type("risk-not-found", 404, "Not found", "No such risk, or it is not visible to the caller"),
            type("commitments-of-partner-not-found", 404, "Not found", "No such partner, or the caller may not see its commitments"),
            type("project-closed", 409, "Conflict", "The project is COMPLETED or CANCELLED: its needs and risks can no longer change"),
            type("project-not-open", 409, "Conflict", "Pledges are accepted only while the project is OPEN or ACTIVE"),
            type("contribution-closed", 409, "Conflict", "The contribution is fulfilled or withdrawn: nothing more can be delivered or withdrawn"),
            type("over-delivery", 409, "Conflict", "The delivery would exceed what remains of the pledge"),
            type("not-disputed", 409, "Conflict", "Only a disputed delivery (not yet corrected) can be corrected"),
            type("delivery-corrected", 409, "Conflict", "The delivery was corrected by another one: review the correction instead"),
            type("already-reviewed", 409, "Conflict", "The delivery was already confirmed (or already disputed)"),
            type("risk-closed", 409, "Conflict", "The risk is CLOSED: its allocation and status are final"),
            type("same-status", 409, "Conflict", "The risk already has this status"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemTypes.declare(openAPI, TYPES);
    }
}
