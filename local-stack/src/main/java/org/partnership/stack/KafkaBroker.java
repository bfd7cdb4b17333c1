package org.partnership.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) running in a child JVM from the
 * Kafka jars on this module's runtime classpath. Listeners bind 127.0.0.1 only; replication factors are 1.
 * It can be stopped and started again on the same ports and data (to test outages).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final int controllerPort;
    private final Path dir;
    private final Path config;
    private final Path logFile;
    private final boolean detached;
    private final ProxiedListener proxied;
    private volatile ChildProcess process;

    /**
     * A second listener whose clients are told to connect to {@code advertisedPort}: a proxy in front of
     * {@code port}. Clients bootstrapping there keep going through the proxy (the broker advertises it to them).
     */
    public record ProxiedListener(int port, int advertisedPort) {
    }

    private KafkaBroker(int port, int controllerPort, Path dir, Path logFile, boolean detached, ProxiedListener proxied) {
        this.proxied = proxied;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dir = dir;
        this.config = dir.resolve("server.properties");
        this.logFile = logFile;
        this.detached = detached;
    }

    /** Starts a broker on the given ports, keeping its data in {@code dir} between runs. */
    public static KafkaBroker start(int port, int controllerPort, Path dir) {
        return start(port, controllerPort, dir, dir.resolve("kafka.log"), false);
    }

    /**
     * Starts a broker logging to {@code logFile}; a {@code detached} broker runs in its own session, so a Ctrl-C
     * at the terminal does not reach it and the caller decides when it stops (the local stack launcher).
     */
    public static KafkaBroker start(int port, int controllerPort, Path dir, Path logFile, boolean detached) {
        return start(port, controllerPort, dir, logFile, detached, null);
    }

    /** As {@link #start(int, int, Path, Path, boolean)}, with a second listener behind a proxy (null: none). */
    public static KafkaBroker start(int port, int controllerPort, Path dir, Path logFile, boolean detached,
            ProxiedListener proxied) {
        KafkaBroker broker = new KafkaBroker(port, controllerPort, dir, logFile, detached, proxied);
        broker.start();
        return broker;
    }

    /** A throwaway broker on free ports with data in a temporary directory (for tests). */
    public static KafkaBroker startEphemeral() {
        try {
            return start(Ports.free(), Ports.free(), Files.createTempDirectory("partnership-kafka-"));
        } catch (IOException e) {
            throw new StackException("no temporary directory for Kafka: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The broker process, while it runs. */
    public java.util.Optional<ChildProcess> process() {
        return java.util.Optional.ofNullable(process);
    }

    public boolean isRunning() {
        ChildProcess p = process;
        return p != null && p.isAlive();
    }

    /** (Re)starts the broker process on the same ports and data and waits until it serves requests. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            writeConfig();
            format();
            List<String> command = javaCommand("kafka.Kafka", config.toString());
            process = detached
                    ? ChildProcess.startDetached("kafka", command, dir, Map.of(), java.util.Set.of(), logFile)
                    : ChildProcess.start("kafka", command, dir, Map.of(), logFile);
            awaitReady();
        } catch (IOException e) {
            throw new StackException("Kafka could not be prepared in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Stops the broker process (the data stays, so {@link #start()} brings the same broker back). */
    public synchronized void stop() {
        ChildProcess p = process;
        if (p != null) {
            p.close();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Creates the topics if missing, with the given partition count and replication factor 1. */
    public void createTopics(Collection<String> names, int partitions) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList();
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackException("topic " + entry.getKey() + " could not be created: " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StackException("Kafka did not create topics within 30 s", e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(props);
    }

    private void writeConfig() throws IOException {
        String properties = String.join("\n",
                "# generated by the partnership local stack; single node, loopback only",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + Ports.LOOPBACK + ":" + controllerPort,
                "listeners=PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":" + controllerPort
                        + (proxied == null ? "" : ",PROXIED://" + Ports.LOOPBACK + ":" + proxied.port()),
                "advertised.listeners=PLAINTEXT://" + Ports.LOOPBACK + ":" + port
                        + (proxied == null ? "" : ",PROXIED://" + Ports.LOOPBACK + ":" + proxied.advertisedPort()),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PROXIED:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "") ;
        Files.writeString(config, properties, StandardCharsets.UTF_8);
    }

    private void format() throws IOException {
        if (Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            return;
        }
        Path idFile = dir.resolve("cluster.id");
        if (!Files.exists(idFile)) {
            Files.writeString(idFile, clusterId());
        }
        String clusterId = Files.readString(idFile).trim();
        ChildProcess format = ChildProcess.start("kafka-storage-format",
                javaCommand("kafka.tools.StorageTool", "format", "--ignore-formatted", "-t", clusterId, "-c", config.toString()),
                dir, Map.of(), dir.resolve("format.log"));
        int exit = format.waitFor(Duration.ofSeconds(60));
        if (exit != 0) {
            throw new StackException("Kafka storage format failed (exit " + exit + "):\n" + format.tail(20));
        }
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding, and never starting with '-' (the storage
     * tool would read such an id as an option: 1 start in 64 would fail).
     */
    static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
            buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException("Kafka exited while starting on " + bootstrapServers() + ":\n" + process.tail(30));
            }
            if (Ports.accepting(port)) {
                try (Admin admin = admin()) {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // keep waiting
                }
            }
            sleep(200);
        }
        String tail = process.tail(30);
        stop();
        throw new StackException("Kafka did not become ready on " + bootstrapServers() + " within "
                + READY_TIMEOUT.toSeconds() + " s:\n" + tail);
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", runtimeClasspath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** The classpath Maven resolved for this module at build time (kafka_2.13 and its dependencies). */
    static String runtimeClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("runtime.classpath")) {
            if (in == null) {
                throw new StackException("runtime.classpath is missing from local-stack; build it with ./mvnw package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new StackException("runtime.classpath unreadable: " + e.getMessage(), e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}
