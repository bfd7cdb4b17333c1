package org.partnership.partners.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.inbox.Inbox;
import org.partnership.partners.client.KeycloakAdminClient;
import org.partnership.partners.domain.PartnerMember;
import org.partnership.partners.repository.PartnerMemberRepository;

import java.util.Map;
import java.util.UUID;

/**
 * When a partner is verified, its members (the user who registered it) get the {@code partner_id} attribute in
 * Keycloak, so their next access token carries the claim the other services authorise from. Driven by the
 * partner's own {@code verified} event, so it happens once the verification is committed, and is retried (then
 * dead-lettered) while Keycloak is unavailable. Setting the attribute is idempotent.
 */
@ApplicationScoped
public class KeycloakLinkConsumer {

    static final String ATTRIBUTE = "partner_id";

    private final Inbox inbox;
    private final PartnerMemberRepository members;
    private final KeycloakAdminClient keycloak;
    private final String realm;

    public KeycloakLinkConsumer(Inbox inbox, PartnerMemberRepository members, @RestClient KeycloakAdminClient keycloak,
            @ConfigProperty(name = "partnership.keycloak.realm", defaultValue = "partnership") String realm) {
        this.inbox = inbox;
        this.members = members;
        this.keycloak = keycloak;
        this.realm = realm;
    }

    @Incoming("partner-verifications")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, "keycloak-link", Map.of(PartnerEvents.PARTNER_VERIFIED, this::link));
    }

    private Uni<Void> link(CloudEvent event) {
        UUID partnerId = UUID.fromString(event.subject());
        return members.ofPartner(partnerId)
                .chain(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(member -> link(member, partnerId))
                        .collect().asList())
                .replaceWithVoid();
    }

    private Uni<Void> link(PartnerMember member, UUID partnerId) {
        return keycloak.user(realm, member.userId())
                .chain(user -> {
                    ObjectNode attributes = user.with("attributes");
                    attributes.putArray(ATTRIBUTE).add(partnerId.toString());
                    return keycloak.update(realm, member.userId(), user);
                })
                .invoke(() -> Log.infof("linked user %s to partner %s in Keycloak", member.username(), partnerId))
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    if (((WebApplicationException) failure).getResponse().getStatus() == 404) {
                        Log.warnf("user %s of partner %s is not a Keycloak user; not linked", member.userId(), partnerId);
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.createFrom().failure(failure);
                });
    }

}
