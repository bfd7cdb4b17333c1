package org.partnership.resources;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.testsupport.service.EventRoundTripTests;

/** resources-service's outbox reaches resources.v1. */
@QuarkusTest
class EventRoundTripTest extends EventRoundTripTests {

    @Inject
    Outbox outbox;

    @Override
    protected Uni<?> appendInTransaction(String aggregateId, String type, Object data) {
        return Panache.withTransaction(() -> outbox.append("probe", aggregateId, type, data));
    }
}
