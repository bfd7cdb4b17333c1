package org.partnership.notifications.rest.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.partnership.http.ProblemTypes;
import org.partnership.http.ProblemTypes.ProblemType;

import java.util.List;

import static org.partnership.http.ProblemTypes.type;

/** The problem types notifications-service answers with besides the common ones, in its API description's catalogue. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NotificationProblemTypes implements OASFilter {

    static final List<ProblemType> TYPES = List.of(
            type("notification-not-found", 404, "Not found", "No such notification among the caller's own"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemTypes.declare(openAPI, TYPES);
    }
}
