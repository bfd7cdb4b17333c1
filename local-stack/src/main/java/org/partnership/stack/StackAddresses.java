package org.partnership.stack;

import java.nio.file.Path;

/**
 * Where each part of a stack answers, derived from its configuration alone: the launcher's own servers on
 * their ports, or the external PostgreSQL, Kafka or Keycloak the configuration names.
 */
final class StackAddresses {

    private final StackConfig config;

    StackAddresses(StackConfig config) {
        this.config = config;
    }

    /** {@code http://127.0.0.1:<port>} of a service. */
    String url(Component service) {
        if (!service.isService()) {
            throw new IllegalArgumentException(service + " is not a service");
        }
        return "http://" + Ports.LOOPBACK + ":" + config.port(StackPort.of(service));
    }

    /** {@code http://localhost:<port>} of a service, as printed for people. */
    String localhost(Component service) {
        return "http://localhost:" + config.port(StackPort.of(service));
    }

    /** The realm URL, which is also the issuer of the tokens. */
    String issuer() {
        String external = config.external().keycloakRealmUrl();
        return external != null ? external : keycloakUrl() + "/realms/" + KeycloakServer.REALM;
    }

    /** The Keycloak base URL ({@code http://localhost:<port>} for the launcher's own). */
    String keycloakUrl() {
        String external = config.external().keycloakRealmUrl();
        return external != null ? external.substring(0, external.indexOf("/realms/"))
                : "http://localhost:" + config.port(StackPort.KEYCLOAK);
    }

    String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    String kafkaBootstrapServers() {
        String external = config.external().kafka();
        return external != null ? external : Ports.LOOPBACK + ":" + config.port(StackPort.KAFKA);
    }

    /** Where the services reach Kafka: the broker, or the fault proxy in front of it. */
    String servicesKafkaBootstrapServers() {
        return config.faultProxies() ? Ports.LOOPBACK + ":" + config.port(StackPort.KAFKA_FAULT_PROXY) : kafkaBootstrapServers();
    }

    /** Where the gateway reaches a backend: the service, or the fault proxy in front of it. */
    String upstreamUrl(Component backend) {
        return config.faultProxies() && backend == Component.RESOURCES
                ? "http://" + Ports.LOOPBACK + ":" + config.port(StackPort.RESOURCES_FAULT_PROXY) : url(backend);
    }

    /** {@code host:port} of PostgreSQL. */
    String postgresAddress() {
        String external = config.external().postgres();
        return external != null ? external : Ports.LOOPBACK + ":" + config.port(StackPort.POSTGRES);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresAddress() + "/" + database;
    }

    String reactiveUrl(String database) {
        return "postgresql://" + postgresAddress() + "/" + database;
    }

    /** A path as printed: relative to the repository root when it lies inside it. */
    String display(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return p.startsWith(config.repoRoot()) ? config.repoRoot().relativize(p).toString() : p.toString();
    }
}
