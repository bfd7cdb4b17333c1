package org.partnership.partners.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Keycloak's admin API for one user, called with the {@code partners-service} client's own token (client
 * credentials; its service account may manage users). Users are plain JSON: we change one attribute and send the
 * rest back as it was.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/admin/realms/{realm}/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface KeycloakAdminClient {

    @GET
    Uni<ObjectNode> user(@PathParam("realm") String realm, @PathParam("id") String userId);

    @PUT
    Uni<Void> update(@PathParam("realm") String realm, @PathParam("id") String userId, ObjectNode user);
}
