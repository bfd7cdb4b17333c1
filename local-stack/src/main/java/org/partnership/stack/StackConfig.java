package org.partnership.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a local stack looks like: where the repository and the data are, every port, whether the partners-service
 * loads its demo data, which components the launcher starts itself and which external infrastructure it uses
 * instead.
 *
 * @param repoRoot the repository (service jars under {@code <module>/target/quarkus-app/}, the realm under
 *                 {@code keycloak/})
 * @param dataDir  PostgreSQL, Kafka and Keycloak data, logs and the pid file
 * @param ports    a port for every {@link StackPort}
 * @param demoData whether partners-service loads its demo data
 * @param components what the launcher starts itself
 * @param external infrastructure started by someone else, used instead of the launcher's own
 * @param deleteDataDirOnClose whether closing the stack deletes {@code dataDir} (throwaway stacks for tests)
 * @param faultProxies whether the services reach Kafka, and the gateway resources-service, through a {@link FaultProxy}
 *                     (fault-injection tests)
 */
public record StackConfig(Path repoRoot, Path dataDir, Map<StackPort, Integer> ports, boolean demoData,
        Set<Component> components, External external, boolean deleteDataDirOnClose, boolean faultProxies) {

    /** The launcher's own settings; they are not passed on to the children's environment. */
    public static final String DATA_DIR_ENV = "STACK_DATA_DIR";
    public static final String SERVICES_ENV = "STACK_SERVICES";
    public static final String DEMO_DATA_ENV = "STACK_DEMO_DATA";
    public static final String EXTERNAL_POSTGRES_ENV = "STACK_EXTERNAL_POSTGRES";
    public static final String EXTERNAL_POSTGRES_USER_ENV = "STACK_EXTERNAL_POSTGRES_USER";
    public static final String EXTERNAL_POSTGRES_PASSWORD_ENV = "STACK_EXTERNAL_POSTGRES_PASSWORD";
    public static final String EXTERNAL_KAFKA_ENV = "STACK_EXTERNAL_KAFKA";
    public static final String EXTERNAL_KEYCLOAK_ENV = "STACK_EXTERNAL_KEYCLOAK";

    public StackConfig {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(dataDir, "dataDir");
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        EnumMap<StackPort, Integer> all = new EnumMap<>(StackPort.class);
        all.putAll(ports);
        for (StackPort p : StackPort.values()) {
            Integer port = all.get(p);
            if (port == null) {
                throw new IllegalArgumentException("no port for " + p.description());
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " of " + p.description() + " is not a TCP port");
            }
        }
        ports = Collections.unmodifiableMap(all);
        external = external == null ? External.NONE : external;
        Set<Component> started = EnumSet.noneOf(Component.class);
        started.addAll(components);
        // infrastructure run by someone else is never started here
        if (external.postgres() != null) {
            started.remove(Component.POSTGRES);
        }
        if (external.kafka() != null) {
            started.remove(Component.KAFKA);
        }
        if (external.keycloakRealmUrl() != null) {
            started.remove(Component.KEYCLOAK);
        }
        components = Collections.unmodifiableSet(started);
    }

    /** The fixed ports, data under {@code <repo>/.data}, everything started, demo data on. */
    public static StackConfig defaults(Path repoRoot) {
        Map<StackPort, Integer> ports = new EnumMap<>(StackPort.class);
        for (StackPort p : StackPort.values()) {
            ports.put(p, p.defaultPort());
        }
        return new StackConfig(repoRoot, repoRoot.resolve(".data"), ports, true, EnumSet.allOf(Component.class),
                External.NONE, false, false);
    }

    /**
     * A throwaway stack for tests: free ports, a fresh temporary data directory deleted on close, everything
     * started, demo data on. (Keycloak then builds itself on the first start, ~40 s: point
     * {@link #withDataDir(Path)} at a directory kept between runs to make later starts faster.)
     */
    public static StackConfig ephemeral(Path repoRoot) {
        Map<StackPort, Integer> ports = new EnumMap<>(StackPort.class);
        Set<Integer> taken = new HashSet<>();
        for (StackPort p : StackPort.values()) {
            int port;
            do {
                port = Ports.free();
            } while (!taken.add(port));
            ports.put(p, port);
        }
        try {
            Path dir = Files.createTempDirectory("partnership-stack-");
            return new StackConfig(repoRoot, dir, ports, true, EnumSet.allOf(Component.class), External.NONE, true, false);
        } catch (IOException e) {
            throw new StackException("no temporary directory for the stack: " + e.getMessage(), e);
        }
    }

    /**
     * The defaults changed by the environment: a port variable per {@link StackPort} (e.g. {@code GATEWAY_PORT}),
     * {@code STACK_DATA_DIR}, {@code STACK_SERVICES} ({@code all}, {@code none} or a comma-separated list such as
     * {@code partners,gateway}), {@code STACK_DEMO_DATA} ({@code true}/{@code false}) and the
     * {@code STACK_EXTERNAL_*} variables, which replace the launcher's own PostgreSQL, Kafka or Keycloak.
     *
     * @throws IllegalArgumentException naming the variable whose value is wrong
     */
    public static StackConfig fromEnvironment(Path repoRoot, Map<String, String> env) {
        StackConfig config = defaults(repoRoot);
        Map<StackPort, Integer> ports = new EnumMap<>(config.ports());
        for (StackPort p : StackPort.values()) {
            String value = blankToNull(env.get(p.envVar()));
            if (value != null) {
                ports.put(p, parsePort(p.envVar(), value));
            }
        }
        config = config.withPorts(ports);

        String dataDir = blankToNull(env.get(DATA_DIR_ENV));
        if (dataDir != null) {
            Path dir = Path.of(dataDir);
            config = config.withDataDir(dir.isAbsolute() ? dir : config.repoRoot().resolve(dir));
        }

        String services = blankToNull(env.get(SERVICES_ENV));
        if (services != null) {
            Set<Component> components = EnumSet.copyOf(Component.INFRASTRUCTURE);
            components.addAll(parseServices(services));
            config = config.withComponents(components);
        }

        String demo = blankToNull(env.get(DEMO_DATA_ENV));
        if (demo != null) {
            config = config.withDemoData(parseBoolean(DEMO_DATA_ENV, demo));
        }

        External external = new External(
                blankToNull(env.get(EXTERNAL_POSTGRES_ENV)),
                Objects.requireNonNullElse(blankToNull(env.get(EXTERNAL_POSTGRES_USER_ENV)), PostgresServer.USER),
                Objects.requireNonNullElse(env.get(EXTERNAL_POSTGRES_PASSWORD_ENV), "postgres"),
                blankToNull(env.get(EXTERNAL_KAFKA_ENV)),
                blankToNull(env.get(EXTERNAL_KEYCLOAK_ENV)));
        return config.withExternal(external);
    }

    /** Every environment variable the launcher reads (so that it does not pass them on to the services). */
    public static Set<String> environmentVariables() {
        Set<String> names = new HashSet<>(List.of(DATA_DIR_ENV, SERVICES_ENV, DEMO_DATA_ENV, EXTERNAL_POSTGRES_ENV,
                EXTERNAL_POSTGRES_USER_ENV, EXTERNAL_POSTGRES_PASSWORD_ENV, EXTERNAL_KAFKA_ENV, EXTERNAL_KEYCLOAK_ENV));
        for (StackPort p : StackPort.values()) {
            names.add(p.envVar());
        }
        return names;
    }

    public int port(StackPort port) {
        return ports.get(port);
    }

    public boolean starts(Component component) {
        return components.contains(component);
    }

    /** The services this stack starts, in start order. */
    public List<Component> services() {
        return components.stream().filter(Component::isService).toList();
    }

    /** The ports of the components started here, in a stable order: these must be free before anything starts. */
    public List<StackPort> portsToBind() {
        List<StackPort> needed = new ArrayList<>();
        for (StackPort p : StackPort.values()) {
            if (starts(p.component()) && (faultProxies || !p.isFaultProxy())) {
                needed.add(p);
            }
        }
        return needed;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path logFile(Component component) {
        return logDir().resolve(component.displayName() + ".log");
    }

    public Path realmFile() {
        return repoRoot.resolve("keycloak").resolve("partnership-realm.json");
    }

    public Path serviceJar(Component service) {
        return repoRoot.resolve(service.module()).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public StackConfig withPorts(Map<StackPort, Integer> newPorts) {
        return new StackConfig(repoRoot, dataDir, newPorts, demoData, components, external, deleteDataDirOnClose, faultProxies);
    }

    public StackConfig withPort(StackPort port, int value) {
        Map<StackPort, Integer> changed = new EnumMap<>(ports);
        changed.put(port, value);
        return withPorts(changed);
    }

    public StackConfig withDataDir(Path newDataDir) {
        return new StackConfig(repoRoot, newDataDir, ports, demoData, components, external, deleteDataDirOnClose, faultProxies);
    }

    public StackConfig withDemoData(boolean enabled) {
        return new StackConfig(repoRoot, dataDir, ports, enabled, components, external, deleteDataDirOnClose, faultProxies);
    }

    /** The components the launcher starts itself (infrastructure given in {@link #external()} is never started). */
    public StackConfig withComponents(Set<Component> newComponents) {
        return new StackConfig(repoRoot, dataDir, ports, demoData, newComponents, external, deleteDataDirOnClose, faultProxies);
    }

    /** PostgreSQL, Kafka and Keycloak only. */
    public StackConfig withoutServices() {
        Set<Component> infra = EnumSet.noneOf(Component.class);
        components.stream().filter(c -> !c.isService()).forEach(infra::add);
        return withComponents(infra);
    }

    /** Uses the given external infrastructure and no longer starts the corresponding own components. */
    public StackConfig withExternal(External newExternal) {
        newExternal.validate();
        return new StackConfig(repoRoot, dataDir, ports, demoData, components, newExternal, deleteDataDirOnClose, faultProxies);
    }

    public StackConfig withDeleteDataDirOnClose(boolean delete) {
        return new StackConfig(repoRoot, dataDir, ports, demoData, components, external, delete, faultProxies);
    }

    /** With the services' Kafka connections and the gateway's to resources-service passing through fault proxies. */
    public StackConfig withFaultProxies(boolean enabled) {
        return new StackConfig(repoRoot, dataDir, ports, demoData, components, external, deleteDataDirOnClose, enabled);
    }

    /**
     * Infrastructure run by someone else. A null field means "the launcher's own".
     *
     * @param postgres         {@code host:port} of a PostgreSQL server; the launcher creates the databases
     *                         {@code partners}, {@code projects} and {@code resources} when it may
     * @param postgresUser     its user
     * @param postgresPassword its password
     * @param kafka            Kafka bootstrap servers, {@code host:port[,host:port...]}
     * @param keycloakRealmUrl the realm URL, which is also the tokens' issuer, e.g.
     *                         {@code https://sso.example.org/realms/partnership}
     */
    public record External(String postgres, String postgresUser, String postgresPassword, String kafka,
            String keycloakRealmUrl) {

        public static final External NONE = new External(null, PostgresServer.USER, "postgres", null, null);

        void validate() {
            if (postgres != null && !postgres.matches("[^\\s:/]+:\\d{1,5}")) {
                throw new IllegalArgumentException(EXTERNAL_POSTGRES_ENV + " must be host:port, not '" + postgres + "'");
            }
            if (kafka != null && !kafka.matches("[^\\s:/,]+:\\d{1,5}(,[^\\s:/,]+:\\d{1,5})*")) {
                throw new IllegalArgumentException(EXTERNAL_KAFKA_ENV + " must be host:port[,host:port...], not '"
                        + kafka + "'");
            }
            if (keycloakRealmUrl != null && !keycloakRealmUrl.matches("https?://[^\\s]+/realms/[^/\\s]+")) {
                throw new IllegalArgumentException(EXTERNAL_KEYCLOAK_ENV
                        + " must be the realm URL, e.g. https://sso.example.org/realms/partnership, not '"
                        + keycloakRealmUrl + "'");
            }
        }
    }

    private static Set<Component> parseServices(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("all")) {
            return EnumSet.copyOf(Component.SERVICES);
        }
        if (v.equals("none")) {
            return EnumSet.noneOf(Component.class);
        }
        Set<Component> services = EnumSet.noneOf(Component.class);
        for (String name : v.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Component c;
            try {
                c = Component.parse(name);
            } catch (IllegalArgumentException e) {
                c = null;
            }
            if (c == null || !c.isService()) {
                throw new IllegalArgumentException(SERVICES_ENV + " must be all, none or a list of partners, projects, "
                        + "resources, notifications, audit, gateway; '" + name.trim() + "' is none of them");
            }
            services.add(c);
        }
        return services;
    }

    private static int parsePort(String variable, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(variable + " must be a port number (1-65535), not '" + value + "'");
    }

    private static boolean parseBoolean(String variable, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(variable + " must be true or false, not '" + value + "'");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
