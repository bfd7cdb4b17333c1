package org.partnership.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnership.gateway.client.ServiceClients;
import org.partnership.http.PartnerClaim;
import org.partnership.http.Problem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who the caller is: user, roles, and the partner organisation they represent (with its sector). */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Me", description = "The signed-in user")
@SecurityRequirement(name = "oidc")
public class MeResource {

    @Schema(name = "MePartner")
    public record PartnerRef(String id, String name, String sector, String status) {
    }

    @Schema(name = "Me")
    public record Me(String userId, String username, List<String> roles,
                     @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "null for a user who represents no partner yet") PartnerRef partner) {
    }

    private final SecurityIdentity identity;
    private final ServiceClients.Partners partners;
    /** The partner's name and sector change rarely: fetched once per user and partner, kept briefly. */
    private final Cache<String, PartnerRef> recent = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    public MeResource(SecurityIdentity identity, @RestClient ServiceClients.Partners partners) {
        this.identity = identity;
        this.partners = partners;
    }

    @GET
    @Operation(operationId = "me", summary = "The signed-in user, their roles and their partner organisation",
            description = "From the access token; the partner (the token's partner_id) with its name, sector and status as partners-service "
                    + "knows them, kept for 30 s. partner is null for a user who represents no partner yet; its name, sector and status are null "
                    + "while partners-service does not answer.")
    @APIResponse(responseCode = "200", description = "The caller", content = @Content(schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "401", description = "No valid access token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Me> me() {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        List<String> roles = identity.getRoles().stream().sorted().toList();
        Optional<UUID> partner = PartnerClaim.of(token);
        String username = token.getClaim("preferred_username");
        if (partner.isEmpty()) {
            return Uni.createFrom().item(new Me(token.getSubject(), username, roles, null));
        }
        String partnerId = partner.get().toString();
        String key = token.getSubject() + "/" + partnerId;
        PartnerRef cached = recent.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item(new Me(token.getSubject(), username, roles, cached));
        }
        return partners.get(partnerId)
                .map(MeResource::toRef)
                .invoke(ref -> recent.put(key, ref))
                .onFailure().recoverWithItem(new PartnerRef(partnerId, null, null, null))
                .map(ref -> new Me(token.getSubject(), username, roles, ref));
    }

    private static PartnerRef toRef(JsonNode partner) {
        return new PartnerRef(partner.path("id").asText(), partner.path("name").asText(null),
                partner.path("sector").asText(null), partner.path("status").asText(null));
    }
}
