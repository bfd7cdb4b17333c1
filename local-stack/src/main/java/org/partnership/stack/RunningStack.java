package org.partnership.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local stack started by {@link LocalStack#start(StackConfig)}: its URLs, and {@link #close()} which stops every
 * process it started (services, then Keycloak, Kafka, PostgreSQL). A JVM shutdown hook closes it too, so a
 * Ctrl-C, a SIGTERM or a test JVM exiting never leaves processes behind.
 *
 * <p>This class owns the lifecycle (start once, close once, from any thread); the work is done by
 * {@link Preflight}, {@link InfrastructureStarter}, {@link ServiceStarter}, {@link ProcessMonitor},
 * {@link Shutdown} and {@link StackSummary}.
 */
public final class RunningStack implements AutoCloseable {

    public static final List<String> DATABASES = List.of("partners", "projects", "resources", "notifications", "audit");
    public static final List<String> TOPICS = List.of("partners.v1", "projects.v1", "resources.v1");
    public static final int TOPIC_PARTITIONS = 3;
    public static final List<String> DEMO_USERS = List.of("carla.coordinator", "tom.foodbank", "fiona.foodbank", "tina.housing",
            "mark.market", "ada.admin", "audrey.auditor");
    public static final String DEMO_PASSWORD = "demo";
    public static final String CLI_CLIENT = "partnership-cli";
    public static final Duration SERVICE_READY_TIMEOUT = ServiceStarter.READY_TIMEOUT;
    /** How long a close waits for a start in progress (a blocking embedded-server start) to finish. */
    private static final Duration LAUNCH_WAIT_ON_CLOSE = Duration.ofSeconds(150);

    private final StackConfig config;
    private final Progress progress;
    private final StackAddresses addresses;
    private final Set<String> unsetEnv = StackConfig.environmentVariables();
    private final StartedComponents started = new StartedComponents();
    private final StartAbort abort = new StartAbort();
    private final ProcessMonitor monitor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch launchDone = new CountDownLatch(1);
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::close, "local-stack-stop");
    private volatile Thread launchThread;
    private volatile StackState state;
    private volatile double readySeconds;
    private final Map<Component, FaultProxy> faultProxies = new EnumMap<>(Component.class);

    RunningStack(StackConfig config, Progress progress) {
        this.config = config;
        this.progress = progress;
        this.addresses = new StackAddresses(config);
        this.monitor = new ProcessMonitor(started, progress);
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
        return addresses.url(service);
    }

    public String gatewayUrl() {
        return url(Component.GATEWAY);
    }

    /** The realm URL, which is also the issuer of the tokens. */
    public String issuer() {
        return addresses.issuer();
    }

    /** The Keycloak base URL ({@code http://localhost:<port>} for the launcher's own). */
    /** GreenMail's web/API view of the mailboxes (the e-mail notifications-service sent). */
    public String mailUrl() {
        return "http://" + Ports.LOOPBACK + ":" + config.port(StackPort.MAIL);
    }

    public String keycloakUrl() {
        return addresses.keycloakUrl();
    }

    public String tokenUrl() {
        return addresses.tokenUrl();
    }

    public String kafkaBootstrapServers() {
        return addresses.kafkaBootstrapServers();
    }

    /** {@code host:port} of PostgreSQL. */
    public String postgresAddress() {
        return addresses.postgresAddress();
    }

    public String jdbcUrl(String database) {
        return addresses.jdbcUrl(database);
    }

    public String reactiveUrl(String database) {
        return addresses.reactiveUrl(database);
    }

    /** An access token for a user through the password grant of the demo client {@code partnership-cli}. */
    public String token(String username, String password) {
        return Tokens.passwordGrant(tokenUrl(), CLI_CLIENT, username, password);
    }

    /** Whether the process of a component this stack started still runs. */
    public boolean isAlive(Component component) {
        return started.isAlive(component);
    }

    // ---------------------------------------------------------------------------------------------- faults

    /**
     * Kills a component's process at once, with its descendants (SIGKILL: a crash, an OOM kill), and waits until it
     * is gone; the rest keeps running and the monitor does not report it. For fault-injection tests; PostgreSQL,
     * whose processes the embedded library owns, is {@link #stop stopped} instead.
     */
    public void kill(Component component) {
        ChildProcess process = started.process(component).filter(p -> started.contains(component))
                .orElseThrow(() -> new IllegalArgumentException(component + " is not a running process of this stack"));
        started.remove(component);
        ProcessHandle handle = process.handle();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        process.waitFor(Duration.ofSeconds(30));
        progress.print(component + " killed (SIGKILL)");
    }

    /** Stops a component the way an operator would (SIGTERM; PostgreSQL's fast shutdown); the rest keeps running. */
    public void stop(Component component) {
        AutoCloseable stopper = started.remove(component);
        if (stopper == null) {
            throw new IllegalArgumentException(component + " is not running in this stack");
        }
        try {
            stopper.close();
        } catch (Exception e) {
            throw new StackException(component + " did not stop: " + e.getMessage(), e);
        }
        progress.print(component + " stopped");
    }

    /**
     * The proxy in front of a component, in a stack started {@link StackConfig#withFaultProxies with fault proxies}:
     * {@link Component#KAFKA}, between every service and the broker; {@link Component#RESOURCES}, between the
     * gateway and resources-service.
     */
    public FaultProxy faultProxy(Component component) {
        FaultProxy proxy = faultProxies.get(component);
        if (proxy == null) {
            throw new IllegalArgumentException("no fault proxy in front of " + component + " in this stack");
        }
        return proxy;
    }

    private void openFaultProxies() {
        faultProxies.put(Component.KAFKA, FaultProxy.open("services -> kafka", config.port(StackPort.KAFKA_FAULT_PROXY),
                config.port(StackPort.KAFKA_FAULT_LISTENER)));
        faultProxies.put(Component.RESOURCES, FaultProxy.open("gateway -> resources-service",
                config.port(StackPort.RESOURCES_FAULT_PROXY), config.port(StackPort.RESOURCES)));
        faultProxies.values().forEach(p -> progress.print("fault proxy " + p + " open"));
    }

    /** Starts a killed or stopped component again, on the same ports and data, and waits until it is ready. */
    public void restart(Component component) {
        if (started.contains(component)) {
            throw new IllegalArgumentException(component + " is running");
        }
        if (component.isService()) {
            new ServiceStarter(config, progress, state, started, abort, unsetEnv).start(component);
        } else {
            new InfrastructureStarter(config, progress, state, started, abort, unsetEnv).start(component);
        }
    }

    /** The table printed once everything is ready: URLs, demo logins, how to get a token. */
    public String summary() {
        return new StackSummary(config).render(readySeconds);
    }

    // ---------------------------------------------------------------------------------------------- start

    void launch() {
        launchThread = Thread.currentThread();
        try {
            new Preflight(config).check();
            progress.raw("Partnership local stack: starting " + String.join(", ",
                    config.components().stream().map(Component::displayName).toList())
                    + (config.services().isEmpty() ? " (no services)" : "") + "; data in "
                    + addresses.display(config.dataDir()));
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            state = StackState.create(config.dataDir());
            Files.createDirectories(config.logDir());
            if (config.faultProxies()) {
                openFaultProxies();
            }
            new InfrastructureStarter(config, progress, state, started, abort, unsetEnv).start();
            new ServiceStarter(config, progress, state, started, abort, unsetEnv).start();
            readySeconds = progress.elapsedSeconds();
            monitor.start();
        } catch (IOException e) {
            throw new StackException("could not prepare " + config.dataDir() + ": " + e.getMessage(), e);
        } finally {
            progress.close();
            launchDone.countDown();
        }
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
        abort.request();
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
        monitor.stop();
        new Shutdown(started, progress).stopAll();
        faultProxies.values().forEach(FaultProxy::close);
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
}
