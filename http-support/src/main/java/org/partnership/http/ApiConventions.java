package org.partnership.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;

/**
 * What every service's description says the same way, added once here rather than on every operation:
 * <ul>
 * <li>the response headers the operations refer to ({@code @Header(ref = "ETag")}, {@code "Location"}) and
 * {@code Retry-After}, {@code X-Request-Id}, as components;</li>
 * <li>on every operation: the optional {@code X-Request-Id} request header (the correlation id), and descriptions of
 * the {@code If-Match} and {@code Idempotency-Key} headers where an operation takes them;</li>
 * <li>on every operation that reads a body: the 413 (too large) and 415 (not JSON) problems every service answers;</li>
 * <li>on every operation: the 429 (with {@code Retry-After}) the gateway answers a caller over its rate limit;</li>
 * <li>a nullable object ({@code anyOf: [$ref, {type: null}]}) is not also typed {@code object}, which would forbid the
 * null it allows;</li>
 * <li>a path parameter without a description gets one from its place in the path ({@code /projects/{id}}: "The
 * project's id");</li>
 * <li>the catalogue of the problem types every service answers with ({@link ProblemTypes#COMMON}), each named on the
 * error responses of its status.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiConventions implements OASFilter {

    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";
    public static final String REQUEST_ID = "X-Request-Id";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addHeader(ETAG, header("The version of the resource as returned (its row version); send it back in If-Match to change it", true));
        components.addHeader(LOCATION, header("The URL of the created resource", true));
        components.addHeader("Retry-After", OASFactory.createHeader().required(true)
                .description("Seconds to wait before trying again").schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        components.addHeader(REQUEST_ID, header("The request's correlation id: the caller's X-Request-Id, or one the gateway made; quote it when reporting a problem", false));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            describePathParameters(path, item.getParameters());
            item.getOperations().values().forEach(operation -> {
                conventions(operation);
                describePathParameters(path, operation.getParameters());
            });
        });
        ProblemTypes.declare(openAPI, ProblemTypes.COMMON);
    }

    /**
     * A path parameter says what it names, from the segment before it: {@code /projects/{id}} is "The project's id",
     * {@code /participants/{partnerId}} "The participant's partner id".
     */
    static void describePathParameters(String path, List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        String[] segments = path.split("/");
        for (Parameter p : parameters) {
            if (p.getIn() != Parameter.In.PATH || p.getName() == null || (p.getDescription() != null && !p.getDescription().isBlank())) {
                continue;
            }
            for (int i = 1; i < segments.length; i++) {
                if (segments[i].equals("{" + p.getName() + "}") && !segments[i - 1].startsWith("{")) {
                    String owner = singular(segments[i - 1]);
                    String words = p.getName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
                    p.setDescription(p.getName().equals("id") || words.equals(owner + " id")
                            ? "The " + owner + "'s id" : "The " + owner + "'s " + words);
                }
            }
        }
    }

    private static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    private static void conventions(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        boolean hasRequestId = false;
        if (parameters != null) {
            for (Parameter p : parameters) {
                if (p.getIn() != Parameter.In.HEADER || p.getName() == null) {
                    continue;
                }
                switch (p.getName()) {
                    case "If-Match" -> describe(p, "The ETag of the version you read (a quoted number): the change is made only to that version, "
                            + "else 412 (stale-version); without it 428 (precondition-required)");
                    case "Idempotency-Key" -> describe(p, "Makes the create safe to retry (1-200 visible ASCII characters): a repeat "
                            + "with the same key and body returns the first response (Idempotent-Replayed: true) and creates nothing; "
                            + "the same key with another body is 422 (idempotency-key-reused)");
                    case REQUEST_ID -> hasRequestId = true;
                    default -> {
                    }
                }
            }
        }
        if (!hasRequestId) {
            operation.addParameter(OASFactory.createParameter().name(REQUEST_ID).in(Parameter.In.HEADER).required(false)
                    .description("A correlation id of your own (visible ASCII); the answer carries it back, and the events the request causes")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)));
        }
        APIResponses responses = operation.getResponses();
        if (responses != null && !responses.hasAPIResponse("429")) {
            APIResponse tooMany = problemResponse("Too many requests from this caller (the gateway's rate limit): wait Retry-After seconds");
            tooMany.addHeader("Retry-After", OASFactory.createHeader().ref("Retry-After"));
            responses.addAPIResponse("429", tooMany);
        }
        if (operation.getRequestBody() != null) {
            if (responses != null) {
                problem(responses, "413", "Body too large (more than 256 KiB)");
                problem(responses, "415", "The body is not application/json");
            }
        }
    }

    private static void describe(Parameter parameter, String description) {
        if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
            parameter.setDescription(description);
        }
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, problemResponse(description));
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }

    private static Header header(String description, boolean required) {
        return OASFactory.createHeader().description(description).required(required)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    @Override
    public Schema filterSchema(Schema schema) {
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf != null && schema.getType() != null && anyOf.stream().anyMatch(ApiConventions::isNull)) {
            schema.setType(null);
        }
        return schema;
    }

    private static boolean isNull(Schema schema) {
        return schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.NULL));
    }
}
