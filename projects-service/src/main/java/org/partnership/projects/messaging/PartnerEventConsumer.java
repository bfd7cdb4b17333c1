package org.partnership.projects.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.inbox.Inbox;
import org.partnership.messaging.inbox.PoisonEventException;
import org.partnership.projects.repository.PartnerReplicaRepository;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps the partner replica from partners.v1: every {@code partnership.partner.*.v1} event carries the partner's
 * snapshot and version; the newest version wins, so replays and out-of-order deliveries change nothing.
 */
@ApplicationScoped
public class PartnerEventConsumer {

    public static final String CONSUMER = "projects-service.partners";

    private final Inbox inbox;
    private final PartnerReplicaRepository replicas;
    private final Map<String, Function<CloudEvent, Uni<Void>>> handlers;

    public PartnerEventConsumer(Inbox inbox, PartnerReplicaRepository replicas) {
        this.inbox = inbox;
        this.replicas = replicas;
        this.handlers = ProjectEvents.PARTNER_SNAPSHOTS.stream().collect(Collectors.toUnmodifiableMap(
                type -> type, type -> this::apply));
    }

    /** The part of a partner snapshot projects need; other fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartnerData(UUID partnerId, String name, String sector, String level, String status, Long version) {
    }

    @Incoming("partners")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, CONSUMER, handlers);
    }

    private Uni<Void> apply(CloudEvent event) {
        PartnerData data = inbox.dataAs(event, PartnerData.class);
        if (data.partnerId() == null || data.name() == null || data.sector() == null || data.status() == null
                || data.version() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks partnerId, name, sector, status or version");
        }
        return replicas.upsert(new PartnerReplicaRepository.Snapshot(data.partnerId(), data.name(), data.sector(),
                        data.level(), data.status(), data.version()))
                .invoke(applied -> Log.debugf("partner %s version %d %s", data.partnerId(), data.version(),
                        applied == 1 ? "applied" : "older than the replica; ignored"))
                .replaceWithVoid();
    }
}
