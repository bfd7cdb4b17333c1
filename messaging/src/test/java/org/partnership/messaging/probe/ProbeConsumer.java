package org.partnership.messaging.probe;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.inbox.Inbox;

import java.util.Map;

/** Consumes probe events through the inbox; its effect is one row per applied event. */
@ApplicationScoped
public class ProbeConsumer {

    private final Inbox inbox;

    public ProbeConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("probe-in")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, "probe-consumer", Map.of(ProbeService.CREATED, this::apply));
    }

    private Uni<Void> apply(CloudEvent event) {
        ProbeService.ProbeCreated data = inbox.dataAs(event, ProbeService.ProbeCreated.class);
        if ("explode".equals(data.name())) {
            return Uni.createFrom().failure(new IllegalStateException("probe 'explode' always fails"));
        }
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("insert into probe_effect (event_id, subject) values (:id, :subject)")
                        .setParameter("id", event.id())
                        .setParameter("subject", event.subject())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
