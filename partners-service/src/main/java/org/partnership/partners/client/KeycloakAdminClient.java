package org.partnership.partners.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Keycloak's admin API for the realm's users, called with the {@code partners-service} client's own token (client
 * credentials; its service account may view and manage users). Users are plain JSON: we change one attribute and
 * send the rest back as it was.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/admin/realms/{realm}/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface KeycloakAdminClient {

    /** Users whose username (or e-mail) is exactly the one given, with their attributes. */
    @GET
    Uni<ArrayNode> search(@PathParam("realm") String realm, @QueryParam("username") String username,
            @QueryParam("email") String email, @QueryParam("exact") boolean exact);

    @GET
    @Path("/{id}")
    Uni<ObjectNode> user(@PathParam("realm") String realm, @PathParam("id") String userId);

    @PUT
    @Path("/{id}")
    Uni<Void> update(@PathParam("realm") String realm, @PathParam("id") String userId, ObjectNode user);
}
