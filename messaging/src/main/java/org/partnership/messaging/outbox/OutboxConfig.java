package org.partnership.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the service's outbox is written and relayed to Kafka. */
@ConfigMapping(prefix = "partnership.outbox")
public interface OutboxConfig {

    /** The topic this service publishes to, e.g. {@code partners.v1}. */
    String topic();

    /** CloudEvents {@code source} of this service's events; defaults to {@code /<quarkus.application.name>}. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    /** Whether this instance relays the outbox to Kafka (every replica may; they take turns safely). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Events published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** Fallback polling interval; new events are normally published at once on a database notification. */
    @WithDefault("1s")
    Duration pollInterval();

    /** First wait after a failed publication; doubles on each further failure. */
    @WithDefault("250ms")
    Duration retryInitialBackoff();

    /** Longest wait between attempts while the broker is unavailable. */
    @WithDefault("10s")
    Duration retryMaxBackoff();

    /** Readiness turns DOWN when publication has been failing for longer than this. */
    @WithDefault("30s")
    Duration unhealthyAfter();

    /** Published events are deleted after this long; processed-event records of the inbox after {@code inbox-retention}. */
    @WithDefault("P7D")
    Duration retention();

    /** How long consumers remember processed event ids (longer than the topics' retention). */
    @WithDefault("P30D")
    Duration inboxRetention();

    /** How long a stored response answers retries of the same Idempotency-Key. */
    @WithDefault("P1D")
    Duration idempotencyRetention();
}
