package org.partnership.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that can be checked before anything starts: no stack (or its orphans) still running on the same
 * data directory, no port set twice or taken, the services built, the infrastructure they need configured.
 * Each failure is a {@link PreflightException} (nothing started).
 */
final class Preflight {

    private final StackConfig config;

    Preflight(StackConfig config) {
        this.config = config;
    }

    void check() {
        checkNoPreviousStack();
        checkPorts();
        checkServicesAndTheirNeeds();
    }

    private void checkNoPreviousStack() {
        Optional<StackState> previous = StackState.read(config.dataDir());
        if (previous.isEmpty()) {
            return;
        }
        StackState old = previous.get();
        if (old.launcher().isAlive() && old.launcher().pid() != ProcessHandle.current().pid()) {
            throw new PreflightException("a stack is already running (pid " + old.launcher().pid()
                    + ", data in " + config.dataDir() + ") \u2014 stop it with ./stack stop");
        }
        List<StackState.Proc> orphans = old.aliveChildrenLatestFirst();
        if (!orphans.isEmpty()) {
            throw new PreflightException("a previous stack ended without stopping "
                    + String.join(", ", orphans.stream().map(o -> o.name() + " (pid " + o.pid() + ")").toList())
                    + " \u2014 run ./stack stop first");
        }
        old.delete();
    }

    private void checkPorts() {
        Map<Integer, StackPort> seen = new HashMap<>();
        for (StackPort p : config.portsToBind()) {
            StackPort other = seen.put(config.port(p), p);
            if (other != null) {
                throw new PreflightException("port " + config.port(p) + " is set for both " + other.description()
                        + " and " + p.description() + " \u2014 set " + p.envVar() + " to another port");
            }
        }
        for (StackPort p : config.portsToBind()) {
            if (Ports.inUse(config.port(p))) {
                throw new PortInUseException(p, config.port(p));
            }
        }
    }

    private void checkServicesAndTheirNeeds() {
        for (Component service : config.services()) {
            Path jar = config.serviceJar(service);
            if (!Files.isRegularFile(jar)) {
                throw new PreflightException(service + " is not built (" + config.repoRoot().relativize(jar)
                        + " is missing) \u2014 run ./stack start --build, or start without services: --infra-only");
            }
            if (service.database() != null) {
                requireInfra(service, Component.POSTGRES, config.external().postgres(), "PostgreSQL",
                        StackConfig.EXTERNAL_POSTGRES_ENV);
                requireInfra(service, Component.KAFKA, config.external().kafka(), "Kafka",
                        StackConfig.EXTERNAL_KAFKA_ENV);
            }
            requireInfra(service, Component.KEYCLOAK, config.external().keycloakRealmUrl(), "Keycloak",
                    StackConfig.EXTERNAL_KEYCLOAK_ENV);
        }
        if (config.starts(Component.KEYCLOAK) && !Files.isRegularFile(config.realmFile())) {
            throw new PreflightException("the Keycloak realm " + config.realmFile() + " is missing");
        }
    }

    private void requireInfra(Component service, Component infra, String external, String what, String envVar) {
        if (!config.starts(infra) && external == null) {
            throw new PreflightException(service + " needs " + what + ": start it here or set " + envVar);
        }
    }
}
