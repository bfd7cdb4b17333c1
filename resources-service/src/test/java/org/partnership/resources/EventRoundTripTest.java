package org.partnership.resources;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.partnership.messaging.Actor;
import org.partnership.messaging.Actors;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.testsupport.service.EventRoundTripTests;

/** resources-service's outbox reaches resources.v1. */
@QuarkusTest
class EventRoundTripTest extends EventRoundTripTests {

    @Inject
    Outbox outbox;

    @Override
    protected Uni<?> appendInTransaction(String aggregateId, String type, Object data, boolean asSystem) {
        return asSystem ? Actors.as(Actor.system(JOB), CAUSATION_ID, () -> Panache.withTransaction(() -> outbox.append("probe", aggregateId, type, data)))
                : Panache.withTransaction(() -> outbox.append("probe", aggregateId, type, data));
    }
}
