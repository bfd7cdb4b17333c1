package org.partnership.audit.rest.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.partnership.http.ProblemTypes;

import java.util.List;

/** audit-service answers only with the common problem types (it changes nothing, so it has no conflicts of its own). */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AuditProblemTypes implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemTypes.declare(openAPI, List.of());
    }
}
