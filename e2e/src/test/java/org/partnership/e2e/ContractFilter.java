package org.partnership.e2e;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;

/**
 * Hands every answer RestAssured receives from the gateway to the {@link ContractValidator} (installed for the whole
 * suite by {@link Platform}); calls to Keycloak or a service's own port, and the gateway's {@code /q/} endpoints (the
 * description itself, Swagger UI), are not API operations and pass unchecked.
 */
final class ContractFilter implements Filter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        Response answer = ctx.next(request, response);
        URI uri = URI.create(request.getURI());
        URI gateway = URI.create(Platform.stack().gatewayUrl());
        if (uri.getPort() == gateway.getPort() && uri.getHost().equals(gateway.getHost()) && !uri.getRawPath().startsWith("/q/")) {
            String body = answer.getBody().asString();
            ContractValidator.get().check(request.getMethod(), uri.getRawPath(), answer.getStatusCode(), answer.getContentType(),
                    answer::getHeader, body);
        }
        return answer;
    }
}
