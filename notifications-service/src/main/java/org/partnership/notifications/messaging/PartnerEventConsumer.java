package org.partnership.notifications.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.inbox.Inbox;
import org.partnership.messaging.inbox.PoisonEventException;
import org.partnership.notifications.domain.Kind;
import org.partnership.notifications.repository.Replicas;
import org.partnership.notifications.service.Notifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * partners.v1: the partner replica (names, for the texts), the members of each partner (member-added and -removed;
 * registration's first member comes as a member-added too) with their e-mail address and language, and the
 * notifications of a verified or suspended partner to its members.
 */
@ApplicationScoped
public class PartnerEventConsumer {

    public static final String CONSUMER = "notifications-partners";

    private final Inbox inbox;
    private final Replicas replicas;
    private final Notifier notifier;
    private final Map<String, Function<CloudEvent, Uni<Void>>> handlers = new HashMap<>();

    public PartnerEventConsumer(Inbox inbox, Replicas replicas, Notifier notifier) {
        this.inbox = inbox;
        this.replicas = replicas;
        this.notifier = notifier;
        for (String type : List.of("updated", "reinstated", "archived")) {
            handlers.put("partnership.partner." + type + ".v1", this::snapshot);
        }
        handlers.put("partnership.partner.registered.v1", event -> snapshot(event).chain(() -> firstMember(event)));
        handlers.put("partnership.partner.verified.v1", event -> snapshot(event).chain(() -> status(event, Kind.PARTNER_VERIFIED)));
        handlers.put("partnership.partner.suspended.v1", event -> snapshot(event).chain(() -> status(event, Kind.PARTNER_SUSPENDED)));
        handlers.put("partnership.partner.member-added.v1", this::memberAdded);
        handlers.put("partnership.partner.member-removed.v1", this::memberRemoved);
    }

    @Incoming("partners")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, CONSUMER, handlers);
    }

    private Uni<Void> snapshot(CloudEvent event) {
        JsonNode data = event.data();
        UUID id = Events.uuid(event, "partnerId");
        if (!data.path("name").isTextual() || !data.path("status").isTextual() || !data.path("version").canConvertToLong()) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") lacks name, status or version");
        }
        return replicas.partner(id, data.path("name").asText(), data.path("status").asText(), data.path("version").asLong());
    }

    private Uni<Void> status(CloudEvent event, Kind kind) {
        UUID partner = Events.uuid(event, "partnerId");
        Map<String, String> params = new HashMap<>();
        params.put("partnerName", event.data().path("name").asText());
        if (event.data().path("reason").isTextual()) {
            params.put("reason", event.data().path("reason").asText());
        }
        return replicas.members(List.of(partner)).chain(members -> notifier.notify(
                new Notifier.Notice(event.id(), kind, null, partner, params, "/organisation"), members));
    }

    /** The registering user is the partner's first member ({@code registeredBy}, absent when an administrator registered it). */
    private Uni<Void> firstMember(CloudEvent event) {
        JsonNode first = event.data().path("registeredBy");
        String user = Events.optionalText(first, "userId");
        String username = Events.optionalText(first, "username");
        if (user == null || username == null) {
            return Uni.createFrom().voidItem();
        }
        return replicas.addMember(Events.uuid(event, "partnerId"), user, username, Events.optionalText(first, "email"),
                Events.optionalText(first, "locale"));
    }

    private Uni<Void> memberAdded(CloudEvent event) {
        JsonNode data = event.data();
        UUID partner = Events.uuid(event, "partnerId");
        String user = Events.text(event, "userId");
        String username = Events.text(event, "username");
        return replicas.addMember(partner, user, username, Events.optionalText(data, "email"), Events.optionalText(data, "locale"));
    }

    private Uni<Void> memberRemoved(CloudEvent event) {
        return replicas.removeMember(Events.uuid(event, "partnerId"), Events.text(event, "userId"));
    }
}
