package org.partnership.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stack started by {@link LocalStack#start(StackConfig)}: its URLs, and {@link #close()} which stops every
 * process it started (services, then Keycloak, Kafka, PostgreSQL). A JVM shutdown hook closes it too, so a
 * Ctrl-C, a SIGTERM or a test JVM exiting never leaves processes behind.
 */
public final class RunningStack implements AutoCloseable {

    public static final List<String> DATABASES = List.of("partners", "projects", "resources");
    public static final List<String> TOPICS = List.of("partners.v1", "projects.v1", "resources.v1");
    public static final int TOPIC_PARTITIONS = 3;
    public static final List<String> DEMO_USERS = List.of("carla.coordinator", "tom.foodbank", "tina.housing",
            "mark.market", "ada.admin", "audrey.auditor");
    public static final String DEMO_PASSWORD = "demo";
    public static final String CLI_CLIENT = "partnership-cli";
    public static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(90);
    /** How long a close waits for a start in progress (a blocking embedded-server start) to finish. */
    private static final Duration LAUNCH_WAIT_ON_CLOSE = Duration.ofSeconds(150);

    private final StackConfig config;
    private final Progress progress;
    private final Set<String> unsetEnv = StackConfig.environmentVariables();
    private final Map<Component, AutoCloseable> running = Collections.synchronizedMap(new EnumMap<>(Component.class));
    private final Map<Component, ChildProcess> processes = Collections.synchronizedMap(new EnumMap<>(Component.class));
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final CountDownLatch launchDone = new CountDownLatch(1);
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::close, "local-stack-stop");
    private volatile boolean closing;
    private volatile Thread launchThread;
    private volatile StackState state;
    private volatile PostgresServer postgres;
    private volatile double readySeconds;
    private Thread monitor;

    RunningStack(StackConfig config, Progress progress) {
        this.config = config;
        this.progress = progress;
    }

    public StackConfig config() {
        return config;
    }

    /** Seconds from the start until everything was ready. */
    public double readySeconds() {
        return readySeconds;
    }

    /** {@code http://127.0.0.1:<port>} of a service. */
    public String url(Component service) {
        if (!service.isService()) {
            throw new IllegalArgumentException(service + " is not a service");
        }
        return "http://" + Ports.LOOPBACK + ":" + config.port(StackPort.of(service));
    }

    public String gatewayUrl() {
        return url(Component.GATEWAY);
    }

    /** The realm URL, which is also the issuer of the tokens. */
    public String issuer() {
        String external = config.external().keycloakRealmUrl();
        return external != null ? external : keycloakUrl() + "/realms/" + KeycloakServer.REALM;
    }

    /** The Keycloak base URL ({@code http://localhost:<port>} for the launcher's own). */
    public String keycloakUrl() {
        String external = config.external().keycloakRealmUrl();
        return external != null ? external.substring(0, external.indexOf("/realms/"))
                : "http://localhost:" + config.port(StackPort.KEYCLOAK);
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String kafkaBootstrapServers() {
        String external = config.external().kafka();
        return external != null ? external : Ports.LOOPBACK + ":" + config.port(StackPort.KAFKA);
    }

    /** {@code host:port} of PostgreSQL. */
    public String postgresAddress() {
        String external = config.external().postgres();
        return external != null ? external : Ports.LOOPBACK + ":" + config.port(StackPort.POSTGRES);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresAddress() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + postgresAddress() + "/" + database;
    }

    /** An access token for a user through the password grant of the demo client {@code partnership-cli}. */
    public String token(String username, String password) {
        HttpResponse<String> response = Http.postForm(tokenUrl(), Map.of("grant_type", "password",
                "client_id", CLI_CLIENT, "username", username, "password", password));
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new StackException("no token for " + username + " from " + tokenUrl() + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    /** Whether the process of a component this stack started still runs. */
    public boolean isAlive(Component component) {
        if (component == Component.POSTGRES) {
            PostgresServer pg = postgres;
            return pg != null && pg.postmaster().map(ProcessHandle::isAlive).orElse(false);
        }
        ChildProcess p = processes.get(component);
        return p != null && p.isAlive();
    }

    // ---------------------------------------------------------------------------------------------- start

    void launch() {
        launchThread = Thread.currentThread();
        try {
            preflight();
            progress.raw("Partnership local stack: starting " + String.join(", ",
                    config.components().stream().map(Component::displayName).toList())
                    + (config.services().isEmpty() ? " (no services)" : "") + "; data in " + display(config.dataDir()));
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            state = StackState.create(config.dataDir());
            Files.createDirectories(config.logDir());
            startInfrastructure();
            startServices();
            readySeconds = progress.elapsedSeconds();
            startMonitor();
        } catch (IOException e) {
            throw new StackException("could not prepare " + config.dataDir() + ": " + e.getMessage(), e);
        } finally {
            progress.close();
            launchDone.countDown();
        }
    }

    /** Everything that can be checked before anything starts. */
    private void preflight() {
        Optional<StackState> previous = StackState.read(config.dataDir());
        if (previous.isPresent()) {
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

    private void startInfrastructure() {
        Map<String, Callable<Void>> tasks = new LinkedHashMap<>();
        if (config.starts(Component.POSTGRES)) {
            tasks.put("postgres", () -> { startPostgres(); return null; });
        } else if (config.external().postgres() != null && needsDatabase()) {
            tasks.put("postgres", () -> { prepareExternalPostgres(); return null; });
        }
        if (config.starts(Component.KAFKA)) {
            tasks.put("kafka", () -> { startKafka(); return null; });
        } else if (config.external().kafka() != null && needsDatabase()) {
            tasks.put("kafka", () -> { prepareExternalKafka(); return null; });
        }
        if (config.starts(Component.KEYCLOAK)) {
            tasks.put("keycloak", () -> { startKeycloak(); return null; });
        } else if (config.external().keycloakRealmUrl() != null && !config.services().isEmpty()) {
            tasks.put("keycloak", () -> { checkExternalKeycloak(); return null; });
        }
        runInParallel(tasks);
    }

    private boolean needsDatabase() {
        return config.services().stream().anyMatch(s -> s.database() != null);
    }

    private void startPostgres() {
        Path dir = config.dataDir().resolve("postgres");
        boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
        int port = config.port(StackPort.POSTGRES);
        progress.starting("postgres", "starting on " + Ports.LOOPBACK + ":" + port + " ("
                + (fresh ? "new data directory " : "data ") + display(dir) + ")");
        PostgresServer pg = PostgresServer.start(port, dir, rotatedLog(Component.POSTGRES), false);
        postgres = pg;
        running.put(Component.POSTGRES, pg);
        pg.postmaster().ifPresent(h -> state.addChild("postgres", h, "INT"));
        state.addHealth("postgres", "tcp://" + Ports.LOOPBACK + ":" + port);
        DATABASES.forEach(pg::ensureDatabase);
        progress.ready("postgres", "ready on " + Ports.LOOPBACK + ":" + port + " (databases "
                + String.join(", ", DATABASES) + ")");
    }

    private void startKafka() {
        int port = config.port(StackPort.KAFKA);
        progress.starting("kafka", "starting on " + Ports.LOOPBACK + ":" + port + " (controller "
                + config.port(StackPort.KAFKA_CONTROLLER) + ", data " + display(config.dataDir().resolve("kafka")) + ")");
        KafkaBroker kafka = KafkaBroker.start(port, config.port(StackPort.KAFKA_CONTROLLER),
                config.dataDir().resolve("kafka"), rotatedLog(Component.KAFKA), true);
        running.put(Component.KAFKA, kafka);
        kafka.process().ifPresent(p -> {
            processes.put(Component.KAFKA, p);
            state.addChild("kafka", p.handle(), "TERM");
        });
        state.addHealth("kafka", "tcp://" + Ports.LOOPBACK + ":" + port);
        kafka.createTopics(TOPICS, TOPIC_PARTITIONS);
        progress.ready("kafka", "ready on " + kafka.bootstrapServers() + " (topics " + String.join(", ", TOPICS) + ")");
    }

    private void startKeycloak() {
        Path dir = config.dataDir().resolve("keycloak");
        String version = KeycloakServer.stackProperties().getProperty("keycloak.version");
        boolean unpacked = Files.isDirectory(dir.resolve("keycloak-" + version));
        if (!unpacked) {
            progress.line("keycloak", "unpacking Keycloak " + version + " into " + display(dir));
        }
        Path home = KeycloakServer.install(dir);
        boolean firstStart = !KeycloakServer.hasData(home);
        if (KeycloakServer.importRealm(home, config.realmFile())) {
            progress.line("keycloak", "note: " + display(config.realmFile()) + " changed since the realm was imported;"
                    + " Keycloak keeps the imported one \u2014 delete " + display(home.resolve("data").resolve("h2"))
                    + " to import it again");
        }
        int port = config.port(StackPort.KEYCLOAK);
        progress.starting("keycloak", "starting on " + Ports.LOOPBACK + ":" + port + " (management "
                + config.port(StackPort.KEYCLOAK_MANAGEMENT) + (firstStart
                        ? "; first start builds Keycloak and imports the realm, ~40 s)" : ")"));
        KeycloakServer keycloak = KeycloakServer.launch(port, config.port(StackPort.KEYCLOAK_MANAGEMENT), home,
                rotatedLog(Component.KEYCLOAK), unsetEnv);
        running.put(Component.KEYCLOAK, keycloak);
        processes.put(Component.KEYCLOAK, keycloak.process());
        state.addChild("keycloak", keycloak.process().handle(), "TERM");
        state.addHealth("keycloak", keycloak.healthUrl());
        keycloak.awaitReady(this::shouldAbort);
        progress.ready("keycloak", "ready on " + keycloak.url() + " (realm " + KeycloakServer.REALM + ")");
    }

    private void prepareExternalPostgres() {
        String url = "jdbc:postgresql://" + config.external().postgres() + "/postgres";
        progress.starting("postgres", "using external " + config.external().postgres());
        Properties props = new Properties();
        props.setProperty("user", config.external().postgresUser());
        props.setProperty("password", config.external().postgresPassword());
        props.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(url, props)) {
            List<String> missing = new ArrayList<>();
            for (String db : DATABASES) {
                try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, db);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try {
                    c.createStatement().execute("create database " + db);
                } catch (SQLException e) {
                    missing.add(db);
                }
            }
            progress.ready("postgres", missing.isEmpty() ? "external " + config.external().postgres() + " ready (databases "
                    + String.join(", ", DATABASES) + ")"
                    : "warning: could not create " + String.join(", ", missing) + " on " + config.external().postgres()
                            + " \u2014 create them yourself");
        } catch (SQLException e) {
            throw new StackException("the external PostgreSQL " + config.external().postgres() + " ("
                    + StackConfig.EXTERNAL_POSTGRES_ENV + ") is not usable: " + e.getMessage(), e);
        }
    }

    private void prepareExternalKafka() {
        progress.starting("kafka", "using external " + config.external().kafka());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.external().kafka());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
            List<String> failedTopics = new ArrayList<>();
            var results = admin.createTopics(TOPICS.stream()
                    .map(t -> new NewTopic(t, Optional.of(TOPIC_PARTITIONS), Optional.empty())).toList()).values();
            for (var r : results.entrySet()) {
                try {
                    r.getValue().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        failedTopics.add(r.getKey());
                    }
                }
            }
            progress.ready("kafka", failedTopics.isEmpty()
                    ? "external " + config.external().kafka() + " ready (topics " + String.join(", ", TOPICS) + ")"
                    : "warning: could not create " + String.join(", ", failedTopics) + " \u2014 create them yourself");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackAbortedException("kafka");
        } catch (Exception e) {
            throw new StackException("the external Kafka " + config.external().kafka() + " ("
                    + StackConfig.EXTERNAL_KAFKA_ENV + ") is not reachable: " + e.getMessage(), e);
        }
    }

    private void checkExternalKeycloak() {
        String discovery = issuer() + "/.well-known/openid-configuration";
        progress.starting("keycloak", "using external " + issuer());
        int status = Http.status(discovery);
        if (status != 200) {
            throw new StackException("the external Keycloak realm " + issuer() + " (" + StackConfig.EXTERNAL_KEYCLOAK_ENV
                    + ") does not answer: GET " + discovery + " gave " + (status < 0 ? "no answer" : "HTTP " + status));
        }
        progress.ready("keycloak", "external " + issuer() + " ready");
    }

    private void startServices() {
        Map<String, Callable<Void>> backends = new LinkedHashMap<>();
        for (Component service : Component.BACKENDS) {
            if (config.starts(service)) {
                backends.put(service.displayName(), () -> { startService(service); return null; });
            }
        }
        runInParallel(backends);
        if (config.starts(Component.GATEWAY)) {
            startService(Component.GATEWAY);
        }
    }

    private void startService(Component service) {
        if (shouldAbort()) {
            throw new StackAbortedException(service.displayName());
        }
        int port = config.port(StackPort.of(service));
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(),
                "-Dquarkus.http.host=" + Ports.LOOPBACK,
                "-Dquarkus.http.port=" + port));
        Map<String, String> env = new HashMap<>();
        if (service.database() != null) {
            command.add("-Dquarkus.datasource.reactive.url=" + reactiveUrl(service.database()));
            command.add("-Dquarkus.datasource.jdbc.url=" + jdbcUrl(service.database()));
            command.add("-Dquarkus.datasource.username=" + (config.starts(Component.POSTGRES)
                    ? PostgresServer.USER : config.external().postgresUser()));
            // the password goes through the environment, not the command line anyone can read with ps
            env.put("QUARKUS_DATASOURCE_PASSWORD", config.starts(Component.POSTGRES)
                    ? "postgres" : config.external().postgresPassword());
            command.add("-Dkafka.bootstrap.servers=" + kafkaBootstrapServers());
        }
        command.add("-Dquarkus.oidc.auth-server-url=" + issuer());
        // partners-service links verified partners' users through Keycloak's admin API
        command.add("-Dpartnership.keycloak.url=" + issuer().replaceFirst("/realms/.*$", ""));
        if (service == Component.GATEWAY) {
            for (Component backend : Component.BACKENDS) {
                command.add("-Dgateway.upstreams." + backend.database() + "=" + url(backend));
            }
        }
        if (service == Component.PARTNERS) {
            command.add("-Dpartnership.demo-data.enabled=" + config.demoData());
        }
        command.add("-jar");
        command.add(config.serviceJar(service).toString());

        progress.starting(service.displayName(), "starting on " + url(service));
        ChildProcess process = ChildProcess.startDetached(service.displayName(), command, config.dataDir(), env,
                unsetEnv, rotatedLog(service));
        running.put(service, process);
        processes.put(service, process);
        state.addChild(service.displayName(), process.handle(), "TERM");
        String health = url(service) + "/q/health/ready";
        state.addHealth(service.displayName(), health);
        Readiness.await(service.displayName(), process, health, SERVICE_READY_TIMEOUT, this::shouldAbort);
        progress.ready(service.displayName(), "ready on " + url(service));
    }

    /** Runs the tasks on their own threads and waits for all; the first real failure is rethrown. */
    private void runInParallel(Map<String, Callable<Void>> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), r -> {
            Thread t = new Thread(r, "local-stack-start");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Void>> futures = new LinkedHashMap<>();
            tasks.forEach((name, task) -> futures.put(name, pool.submit(() -> {
                try {
                    return task.call();
                } catch (Exception e) {
                    failed.set(true); // the other tasks stop waiting
                    throw e;
                }
            })));
            RuntimeException first = null;
            for (var entry : futures.entrySet()) {
                try {
                    entry.getValue().get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException re ? re
                            : new StackException(entry.getKey() + " failed: " + e.getCause().getMessage(), e.getCause());
                    if (first == null || (first instanceof StackAbortedException && !(cause instanceof StackAbortedException))) {
                        first = cause;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closing = true;
                    first = new StackAbortedException(entry.getKey());
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdown();
        }
    }

    private boolean shouldAbort() {
        return closing || failed.get();
    }

    /** Warns when a process dies while the stack runs (the others keep running). */
    private void startMonitor() {
        monitor = new Thread(() -> {
            Map<Component, Boolean> reported = new EnumMap<>(Component.class);
            while (!closing) {
                for (Component c : Component.values()) {
                    if (!closing && running.containsKey(c) && !reported.containsKey(c) && !isAlive(c)) {
                        reported.put(c, true);
                        ChildProcess p = processes.get(c);
                        progress.print("warning: " + c + " exited unexpectedly"
                                + (p == null ? "" : " (code " + p.exitValue().orElse(-1) + ")" + Readiness.tail(p)));
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "local-stack-monitor");
        monitor.setDaemon(true);
        monitor.start();
    }

    /** The component's log file, the previous run's one kept as {@code <name>.log.1}. */
    private Path rotatedLog(Component component) {
        Path log = config.logFile(component);
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // keep appending to the old log
        }
        return log;
    }

    private String display(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return p.startsWith(config.repoRoot()) ? config.repoRoot().relativize(p).toString() : p.toString();
    }

    // ---------------------------------------------------------------------------------------------- summary

    /** The table printed once everything is ready: URLs, demo logins, how to get a token. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        String line = "-".repeat(100);
        s.append(line).append('\n');
        s.append(String.format(Locale.ROOT, "Partnership local stack is up (%.1f s). Data: %s  Logs: %s%n",
                readySeconds, display(config.dataDir()), display(config.logDir())));
        s.append('\n');
        row(s, "component", "URL", "more");
        if (config.starts(Component.GATEWAY)) {
            row(s, "gateway", localhost(Component.GATEWAY), "the public API: " + localhost(Component.GATEWAY) + "/api/v1/...");
        }
        for (Component backend : Component.BACKENDS) {
            if (config.starts(backend)) {
                row(s, backend.displayName(), localhost(backend), "API description " + localhost(backend) + "/q/openapi");
            }
        }
        if (config.starts(Component.KEYCLOAK)) {
            row(s, "keycloak", keycloakUrl(), "admin console " + keycloakUrl() + "/admin/  (admin / admin, DEMO ONLY)");
        } else if (config.external().keycloakRealmUrl() != null) {
            row(s, "keycloak", keycloakUrl(), "external, realm " + issuer());
        }
        if (config.starts(Component.POSTGRES) || config.external().postgres() != null) {
            row(s, "postgres", jdbcUrl("<db>"), "databases " + String.join(", ", DATABASES) + "; user "
                    + (config.starts(Component.POSTGRES) ? PostgresServer.USER : config.external().postgresUser())
                    + (config.starts(Component.POSTGRES) ? "" : " (external)"));
        }
        if (config.starts(Component.KAFKA) || config.external().kafka() != null) {
            row(s, "kafka", kafkaBootstrapServers(), "topics " + String.join(", ", TOPICS)
                    + (config.starts(Component.KAFKA) ? "" : " (external)"));
        }
        if (config.starts(Component.KEYCLOAK)) {
            s.append('\n');
            s.append("Demo users, password \"" + DEMO_PASSWORD + "\" (DEMO ONLY): ").append(String.join(", ", DEMO_USERS))
                    .append('\n');
            s.append("A token:  curl -s -d grant_type=password -d client_id=" + CLI_CLIENT
                    + " -d username=tom.foodbank -d password=" + DEMO_PASSWORD + " " + tokenUrl()).append('\n');
        }
        if (config.services().isEmpty()) {
            s.append('\n').append("No services started (infrastructure only).").append('\n');
        }
        s.append(line);
        return s.toString();
    }

    private String localhost(Component service) {
        return "http://localhost:" + config.port(StackPort.of(service));
    }

    private static void row(StringBuilder s, String name, String url, String more) {
        s.append(String.format(Locale.ROOT, "  %-18s %-40s %s%n", name, url, more));
    }

    // ---------------------------------------------------------------------------------------------- stop

    /**
     * Stops everything this stack started, services first, then Keycloak, Kafka and PostgreSQL; a start in
     * progress is abandoned. Safe to call more than once and from any thread.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            try {
                // another thread is stopping it (e.g. a failed start, then Ctrl-C): let it finish
                closeDone.await(LAUNCH_WAIT_ON_CLOSE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        closing = true;
        try {
            stopAll();
        } finally {
            closeDone.countDown();
        }
    }

    private void stopAll() {
        long t0 = System.nanoTime();
        if (launchThread != null && launchThread != Thread.currentThread()) {
            try {
                launchDone.await(LAUNCH_WAIT_ON_CLOSE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (monitor != null) {
            monitor.interrupt();
        }
        if (!running.isEmpty()) {
            progress.print("stopping " + String.join(", ", stopOrder().stream().map(Component::displayName).toList()));
        }
        stop(Component.GATEWAY);
        List<Thread> backends = new ArrayList<>();
        for (Component backend : Component.BACKENDS) {
            if (running.containsKey(backend)) {
                Thread t = new Thread(() -> stop(backend), "local-stack-stop-" + backend.displayName());
                t.start();
                backends.add(t);
            }
        }
        for (Thread t : backends) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stop(Component.KEYCLOAK);
        stop(Component.KAFKA);
        stop(Component.POSTGRES);
        if (state != null) {
            state.delete();
        }
        if (config.deleteDataDirOnClose()) {
            KeycloakServer.deleteRecursively(config.dataDir());
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNotRegistered) {
            // nothing to remove
        }
        if (state != null) {
            progress.print(String.format(Locale.ROOT, "stopped in %.1f s", (System.nanoTime() - t0) / 1e9));
        }
    }

    private List<Component> stopOrder() {
        List<Component> order = new ArrayList<>();
        for (Component c : List.of(Component.GATEWAY, Component.PARTNERS, Component.PROJECTS, Component.RESOURCES,
                Component.KEYCLOAK, Component.KAFKA, Component.POSTGRES)) {
            if (running.containsKey(c)) {
                order.add(c);
            }
        }
        return order;
    }

    private void stop(Component component) {
        AutoCloseable c = running.remove(component);
        if (c == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            c.close();
            progress.line(component.displayName(), String.format(Locale.ROOT, "stopped (%.1f s)", (System.nanoTime() - t0) / 1e9));
        } catch (Exception e) {
            progress.line(component.displayName(), "did not stop cleanly: " + e.getMessage());
        }
    }
}
