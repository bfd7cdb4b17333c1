package org.partnership.resources;

/** Names of the readiness checks this service must report. */
final class Checks {

    static final String REACTIVE_DATASOURCE = "Reactive PostgreSQL connections health check";
    static final String DATASOURCE = "Database connections health check";
    static final String KAFKA = "Kafka connection health check";
    static final String OUTBOX_RELAY = "outbox-relay";

    private Checks() {
    }
}
