package org.partnership.console.web;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.partnership.console.api.ApiUnavailableException;
import org.partnership.console.i18n.Fmt;
import org.partnership.console.i18n.Languages;

/** A slow or unavailable service, or anything unexpected: a clear page, never a stack trace. */
public class Failures {

    private final Template failure;

    public Failures(@Location("failure.html") Template failure) {
        this.failure = failure;
    }

    @ServerExceptionMapper
    public Response unavailable(ApiUnavailableException e, HttpHeaders headers) {
        Log.warnf("API unavailable: %s", e.getMessage());
        return page(503, "unavailable", headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 300 && status < 400) {
            return e.getResponse();
        }
        return page(status, status == 404 ? "notFound" : "failed", headers);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpHeaders headers) {
        Log.errorf(e, "unexpected failure");
        return page(500, "failed", headers);
    }

    /**
     * A form refused before it reached the console's code (the CSRF check answers a bare 400: the form was older than the
     * session's token, or forged): a page that says nothing changed and how to go on, instead of the browser's error.
     */
    @ServerResponseFilter
    public void refusedForm(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && !"GET".equals(request.getMethod())) {
            response.setEntity(render(400, "expired", Languages.of(request)), null, MediaType.TEXT_HTML_TYPE);
        }
    }

    private Response page(int status, String kind, HttpHeaders headers) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(render(status, kind, Languages.of(headers))).build();
    }

    private String render(int status, String kind, java.util.Locale locale) {
        return failure.instance().setLocale(locale).data("kind", kind).data("fmt", new Fmt(locale)).data("status", status).render();
    }
}
