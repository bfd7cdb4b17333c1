package org.partnership.http;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the build-time filter adds to every service's description: parameter descriptions and the problem types. */
class ApiConventionsTest {

    @Test
    void shouldDescribePathParametersByWhatTheyName() {
        Operation accept = operation(409);
        accept.addParameter(path("id")).addParameter(path("partnerId"));
        Operation confirm = operation(409);
        confirm.addParameter(path("id")).addParameter(path("deliveryId"));
        Operation described = operation(404);
        described.addParameter(path("id").description("Given by the resource"));
        OpenAPI api = api(Map.of("/api/v1/projects/{id}/participants/{partnerId}/accept", accept,
                "/api/v1/contributions/{id}/deliveries/{deliveryId}/confirm", confirm, "/api/v1/risks/{id}", described));

        new ApiConventions().filterOpenAPI(api);

        assertThat(accept.getParameters()).extracting(Parameter::getName, Parameter::getDescription).contains(
                org.assertj.core.groups.Tuple.tuple("id", "The project's id"),
                org.assertj.core.groups.Tuple.tuple("partnerId", "The participant's partner id"));
        assertThat(confirm.getParameters()).extracting(Parameter::getName, Parameter::getDescription).contains(
                org.assertj.core.groups.Tuple.tuple("id", "The contribution's id"),
                org.assertj.core.groups.Tuple.tuple("deliveryId", "The delivery's id"));
        assertThat(described.getParameters()).extracting(Parameter::getDescription).contains("Given by the resource");
    }

    @Test
    void shouldListTheProblemTypesAndNameThemOnTheResponsesOfTheirStatus() {
        Operation create = operation(409);
        OpenAPI api = api(Map.of("/api/v1/things", create));
        create.requestBody(OASFactory.createRequestBody());

        new ApiConventions().filterOpenAPI(api);
        ProblemTypes.declare(api, List.of(ProblemTypes.type("thing-closed", 409, "Conflict", "The thing is closed")));

        List<String> catalogue = ((List<?>) api.getExtensions().get(ProblemTypes.EXTENSION)).stream()
                .map(e -> String.valueOf(((Map<?, ?>) e).get("type"))).toList();
        assertThat(catalogue).hasSize(ProblemTypes.COMMON.size() + 1);
        assertThat(catalogue).isSorted()
                .contains("urn:partnership:problem:thing-closed", "urn:partnership:problem:rate-limited");
        assertThat(named(create, "409")).containsExactly("urn:partnership:problem:concurrent-change", "urn:partnership:problem:thing-closed");
        assertThat(named(create, "429")).containsExactly("urn:partnership:problem:rate-limited");
        assertThat(named(create, "413")).containsExactly("urn:partnership:problem:payload-too-large");
        assertThat(named(create, "415")).containsExactly("urn:partnership:problem:unsupported-media-type");
        assertThat(create.getResponses().getAPIResponse("200").getExtensions()).as("no problem on a success").isNullOrEmpty();
    }

    private static List<String> named(Operation operation, String status) {
        APIResponse response = operation.getResponses().getAPIResponse(status);
        return ((List<?>) response.getExtensions().get(ProblemTypes.EXTENSION)).stream().map(String::valueOf).toList();
    }

    private static Parameter path(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.PATH);
    }

    private static Operation operation(int errorStatus) {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("ok"))
                .addAPIResponse(String.valueOf(errorStatus), OASFactory.createAPIResponse().description("refused")));
    }

    private static OpenAPI api(Map<String, Operation> operations) {
        OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths());
        operations.forEach((path, op) -> api.getPaths().addPathItem(path, OASFactory.createPathItem().POST(op)));
        return api;
    }
}
