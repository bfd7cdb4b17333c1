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

        /** A page of the project's participants, the lead first. */
        @GET
        @Path("/participants")
        Uni<JsonNode> participants(@PathParam("id") String id, @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

        /** How the project integrates across sectors, dimensions and levels (projects-service computes it). */
        @GET
        @Path("/integration")
        Uni<JsonNode> integration(@PathParam("id") String id);

        /** A page of the project's proposals, newest first, each with its votes and tally (issue #21); status=OPEN: the open ones. */
        @GET
        @Path("/proposals")
        Uni<JsonNode> proposals(@PathParam("id") String id, @QueryParam("status") String status, @QueryParam("limit") int limit);
    }

    @RegisterRestClient(configKey = "projects")
    @AccessToken
    @Path("/api/v1/projects/portfolio")
    public interface Portfolio {
        /** A page of the caller's organisation's projects with their integration (coordinators). */
        @GET
        Uni<JsonNode> portfolio(@QueryParam("limit") int limit);
    }

    @RegisterRestClient(configKey = "resources")
    @AccessToken
    @Path("/api/v1")
    public interface Resources {
        /** A page of the project's needs with their coverage. */
        @GET
        @Path("/needs")
        Uni<JsonNode> needs(@QueryParam("projectId") String projectId, @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

        /** The project's totals per partner, as resources-service computes them (ProjectCommitments). */
        @GET
        @Path("/commitments")
        Uni<JsonNode> commitments(@QueryParam("projectId") String projectId);

        /** A page of the project's contributions the caller may see, filtered by the service. */
        @GET
        @Path("/contributions")
        Uni<JsonNode> contributions(@QueryParam("projectId") String projectId, @QueryParam("status") String status,
                @QueryParam("overdue") Boolean overdue, @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

        /** A page of the open pledges of partners that left the project (its lead, auditors, administrators). */
        @GET
        @Path("/commitments/departed")
        Uni<JsonNode> departedPledges(@QueryParam("projectId") String projectId, @QueryParam("limit") int limit);

        /** The caller's own partner's commitments across projects. */
        @GET
        @Path("/commitments")
        Uni<JsonNode> ownCommitments();

        /** A page of the project's risks. */
        @GET
        @Path("/risks")
        Uni<JsonNode> risks(@QueryParam("projectId") String projectId, @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);
    }

}
