package org.partnership.messaging.probe;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.messaging.Actor;
import org.partnership.messaging.Actors;
import org.partnership.messaging.outbox.Outbox;

import java.time.Duration;
import java.util.UUID;

/** Changes a probe and records its event in one transaction, as every service does. */
@ApplicationScoped
public class ProbeService {

    public static final String CREATED = "partnership.probe.created.v1";

    private final Outbox outbox;

    public ProbeService(Outbox outbox) {
        this.outbox = outbox;
    }

    public record ProbeCreated(UUID probeId, String name) {
    }

    /** Creates a probe; with {@code failAfterWrite} the transaction fails after both writes (and rolls back). */
    @WithTransaction
    public Uni<UUID> create(String name, boolean failAfterWrite) {
        Probe probe = new Probe(UUID.randomUUID(), name);
        return Panache.getSession()
                .chain(session -> session.persist(probe))
                .chain(() -> Actors.as(Actor.system("probe"), null, () -> outbox.append("probe", probe.id, CREATED, new ProbeCreated(probe.id, name))))
                .invoke(() -> {
                    if (failAfterWrite) {
                        throw new IllegalStateException("failure after the writes: the transaction must roll back");
                    }
                })
                .replaceWith(probe.id);
    }

    /** Creates a probe in a transaction that stays open for {@code open} after the write, as a slow request's does. */
    @WithTransaction
    public Uni<UUID> createSlowly(String name, Duration open) {
        Probe probe = new Probe(UUID.randomUUID(), name);
        return Panache.getSession()
                .chain(session -> session.persist(probe).chain(session::flush))
                .onItem().delayIt().by(open)
                .replaceWith(probe.id);
    }
}
