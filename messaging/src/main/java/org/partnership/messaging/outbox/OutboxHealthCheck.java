package org.partnership.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/** Readiness of the outbox relay: DOWN when events have not been publishable for longer than {@code unhealthy-after}. */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelayRunner runner;
    private final OutboxConfig config;

    public OutboxHealthCheck(OutboxRelayRunner runner, OutboxConfig config) {
        this.runner = runner;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay relay = runner.relay();
        Instant failingSince = relay.failingSince();
        boolean healthy = failingSince == null
                || Duration.between(failingSince, Instant.now()).compareTo(config.unhealthyAfter()) < 0;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay").status(healthy)
                .withData("enabled", config.relayEnabled())
                .withData("topic", config.topic())
                .withData("backlog", runner.backlog());
        if (relay.lastPublishedAt() != null) {
            response.withData("lastPublishedAt", relay.lastPublishedAt().toString());
        }
        if (failingSince != null) {
            response.withData("failingSince", failingSince.toString());
            response.withData("lastError", String.valueOf(relay.lastError()));
        }
        return response.build();
    }
}
