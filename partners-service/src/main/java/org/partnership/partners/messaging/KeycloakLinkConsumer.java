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
import org.partnership.partners.domain.PartnerStatus;
import org.partnership.partners.repository.PartnerMemberRepository;
import org.partnership.partners.repository.PartnerRepository;

import java.util.Map;
import java.util.UUID;

/**
 * When a partner is verified, its members (the user who registered it, and colleagues added meanwhile) get the
 * {@code partner_id} attribute in Keycloak, so their next access token carries the claim the other services authorise
 * from. A member added to a verified partner gets it when added; a removed member loses it (only if it still names
 * that partner). Driven by the partner's own events ({@code verified}, {@code member-added}, {@code member-removed}),
 * so it happens once the change is committed, in the order of the changes, and is retried (then dead-lettered) while
 * Keycloak is unavailable. Setting and clearing the attribute are idempotent.
 */
@ApplicationScoped
public class KeycloakLinkConsumer {

    static final String ATTRIBUTE = org.partnership.partners.client.PartnerAttribute.NAME;

    private final Inbox inbox;
    private final PartnerMemberRepository members;
    private final PartnerRepository partners;
    private final KeycloakAdminClient keycloak;
    private final String realm;

    public KeycloakLinkConsumer(Inbox inbox, PartnerMemberRepository members, PartnerRepository partners,
            @RestClient KeycloakAdminClient keycloak,
            @ConfigProperty(name = "partnership.keycloak.realm", defaultValue = "partnership") String realm) {
        this.inbox = inbox;
        this.members = members;
        this.partners = partners;
        this.keycloak = keycloak;
        this.realm = realm;
    }

    @Incoming("partner-verifications")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, "keycloak-link", Map.of(PartnerEvents.PARTNER_VERIFIED, this::link,
                PartnerEvents.MEMBER_ADDED, this::linkAdded, PartnerEvents.MEMBER_REMOVED, this::unlink));
    }

    /** A colleague added to a partner that has been verified is linked now; to a pending one, on verification. */
    private Uni<Void> linkAdded(CloudEvent event) {
        UUID partnerId = UUID.fromString(event.subject());
        String userId = event.data().path("userId").asText();
        String username = event.data().path("username").asText();
        return partners.findById(partnerId).chain(partner -> partner == null || partner.status() == PartnerStatus.PENDING_VERIFICATION
                ? Uni.createFrom().voidItem()
                : link(userId, username, partnerId));
    }

    /** A removed member's attribute is cleared, if it still names this partner. */
    private Uni<Void> unlink(CloudEvent event) {
        UUID partnerId = UUID.fromString(event.subject());
        String userId = event.data().path("userId").asText();
        return keycloak.user(realm, userId)
                .chain(user -> {
                    ObjectNode attributes = user.with("attributes");
                    if (!partnerId.toString().equals(attributes.path(ATTRIBUTE).path(0).asText(null))) {
                        return Uni.createFrom().voidItem();
                    }
                    attributes.putArray(ATTRIBUTE);
                    return keycloak.update(realm, userId, user)
                            .invoke(() -> Log.infof("unlinked user %s from partner %s in Keycloak", userId, partnerId));
                })
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> notAUser(failure, userId, partnerId));
    }

    private Uni<Void> link(CloudEvent event) {
        UUID partnerId = UUID.fromString(event.subject());
        return members.ofPartner(partnerId)
                .chain(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(member -> link(member.userId(), member.username(), partnerId))
                        .collect().asList())
                .replaceWithVoid();
    }

    private Uni<Void> link(String userId, String username, UUID partnerId) {
        return keycloak.user(realm, userId)
                .chain(user -> {
                    ObjectNode attributes = user.with("attributes");
                    attributes.putArray(ATTRIBUTE).add(partnerId.toString());
                    return keycloak.update(realm, userId, user);
                })
                .invoke(() -> Log.infof("linked user %s to partner %s in Keycloak", username, partnerId))
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> notAUser(failure, userId, partnerId));
    }

    /** A member who is not a Keycloak user (e.g. registered with a token from elsewhere) is skipped; anything else fails. */
    private static Uni<Void> notAUser(Throwable failure, String userId, UUID partnerId) {
        if (((WebApplicationException) failure).getResponse().getStatus() == 404) {
            Log.warnf("user %s of partner %s is not a Keycloak user; not linked", userId, partnerId);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().failure(failure);
    }

}
