package org.partnership.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The services as the gateway's own endpoints call them: with the caller's token (so the services' authorisation
 * applies), as plain JSON (the gateway composes, it does not re-model the services' resources).
 */
public final class ServiceClients {

    private ServiceClients() {
    }

    @RegisterRestClient(configKey = "partners")
    @AccessToken
    @Path("/api/v1/partners")
    public interface Partners {
        @GET
        @Path("/{id}")
        Uni<JsonNode> get(@PathParam("id") String id);
    }

    @RegisterRestClient(configKey = "projects")
    @AccessToken
    @Path("/api/v1/projects/{id}")
    public interface Projects {
        @GET
        Uni<JsonNode> project(@PathParam("id") String id);

        @GET
        @Path("/readiness")
        Uni<JsonNode> readiness(@PathParam("id") String id);

        @GET
        @Path("/participants")
        Uni<JsonNode> participants(@PathParam("id") String id);
    }

    @RegisterRestClient(configKey = "resources")
    @AccessToken
    @Path("/api/v1")
    public interface Resources {
        /** Every need of the project with its coverage (a bare array). */
        @GET
        @Path("/needs")
        Uni<JsonNode> needs(@QueryParam("projectId") String projectId);

        /** The project's totals per partner, as resources-service computes them (ProjectCommitments). */
        @GET
        @Path("/commitments")
        Uni<JsonNode> commitments(@QueryParam("projectId") String projectId);

        /** A page of the project's contributions the caller may see, filtered by the service. */
        @GET
        @Path("/contributions")
        Uni<JsonNode> contributions(@QueryParam("projectId") String projectId, @QueryParam("status") String status,
                @QueryParam("overdue") Boolean overdue, @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

        /** Every risk of the project (a bare array). */
        @GET
        @Path("/risks")
        Uni<JsonNode> risks(@QueryParam("projectId") String projectId);
    }

}
