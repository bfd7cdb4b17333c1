package org.partnership.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.partnership.http.ProblemException;
import org.partnership.http.idempotency.IdempotentRequests;
import org.partnership.http.idempotency.IdempotentRequests.StoredResponse;
import org.partnership.messaging.probe.ProbeService;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A retried create returns the first response and changes nothing. */
@QuarkusTest
class IdempotentRequestsTest {

    @Inject
    IdempotentRequests idempotent;

    @Inject
    ProbeService service;

    @Test
    void shouldReplayTheFirstResponseAndCreateOnlyOnce() throws Throwable {
        String name = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        StoredResponse first = create("alice", key, name);
        StoredResponse retry = create("alice", key, name);

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(Probes.count("select count(*) from probe where name = ?", name)).isEqualTo(1);
        assertThat(Probes.count("select count(*) from outbox_event where payload->'data'->>'name' = ?", name)).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheSameKeyForADifferentRequest() throws Throwable {
        String key = UUID.randomUUID().toString();
        create("alice", key, "first-" + key);

        assertThatThrownBy(() -> create("alice", key, "second-" + key))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(422));
        assertThat(Probes.count("select count(*) from probe where name = ?", "second-" + key)).isZero();
    }

    @Test
    void shouldKeepKeysOfDifferentCallersApart() throws Throwable {
        String key = UUID.randomUUID().toString();
        String name = "shared-key-" + key;
        create("alice", key, name);
        StoredResponse bob = create("bob", key, name);

        assertThat(bob.replayed()).isFalse();
        assertThat(Probes.count("select count(*) from probe where name = ?", name)).isEqualTo(2);
    }

    @Test
    void shouldCreateEachTimeWithoutAKey() throws Throwable {
        String name = "no-key-" + UUID.randomUUID();
        create("alice", null, name);
        create("alice", null, name);

        assertThat(Probes.count("select count(*) from probe where name = ?", name)).isEqualTo(2);
    }

    private StoredResponse create(String principal, String key, String name) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> idempotent.once(principal, key, "POST /probes", Map.of("name", name),
                () -> service.create(name, false).map(id -> StoredResponse.of(201, "/probes/" + id, "\"0\"", "{\"id\":\"" + id + "\"}"))));
    }
}
