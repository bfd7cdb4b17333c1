package org.partnership.resources.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.inbox.Inbox;
import org.partnership.messaging.inbox.PoisonEventException;
import org.partnership.resources.service.ReplicaService;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keeps the partner replica (id, name, sector, status) from every {@code partnership.partner.*.v1} on partners.v1. */
@ApplicationScoped
public class PartnerEventConsumer {

    static final String CONSUMER = "resources-service-partners";

    private final Inbox inbox;
    private final ReplicaService replicas;
    private final Map<String, Function<CloudEvent, Uni<Void>>> handlers;

    public PartnerEventConsumer(Inbox inbox, ReplicaService replicas) {
        this.inbox = inbox;
        this.replicas = replicas;
        this.handlers = ResourceEvents.PARTNER_SNAPSHOTS.stream().collect(Collectors.toUnmodifiableMap(type -> type,
                type -> this::apply));
    }

    /** The part of the partner snapshot this service keeps; other fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartnerSnapshot(UUID partnerId, String name, String sector, String status, Long version) {
    }

    @Incoming("partners")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, CONSUMER, handlers);
    }

    private Uni<Void> apply(CloudEvent event) {
        PartnerSnapshot p = inbox.dataAs(event, PartnerSnapshot.class);
        if (p.partnerId() == null || p.name() == null || p.sector() == null || p.status() == null || p.version() == null) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") lacks partnerId, name, sector, status or version");
        }
        return replicas.partner(p.partnerId(), p.name(), p.sector(), p.status(), p.version());
    }
}
