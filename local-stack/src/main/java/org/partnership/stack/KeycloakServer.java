package org.partnership.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak from its Maven distribution (the zip this module depends on), unpacked once under a directory
 * kept between runs and started in dev mode ({@code start-dev}: its H2 database lives inside the unpacked
 * distribution, so the imported realm, users and sessions survive restarts). HTTP binds 127.0.0.1; the issuer is
 * {@code http://localhost:<port>/realms/<realm>}.
 *
 * <p><b>Demo only:</b> the bootstrap administrator is admin/admin.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "partnership";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final String JIT_OPTIONS = "-XX:TieredStopAtLevel=1";
    /**
     * Keycloak 26's brute-force detector refuses every sign-in of a user while another of theirs is in flight
     * ("invalid_grant", keycloak/keycloak#33527): a coordinator signed in from the console and a script at once, or
     * two browser tabs, would be told their password is wrong. Failed attempts are still counted and locked out.
     */
    static final String ALLOW_CONCURRENT_SIGN_INS = "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true";

    private final int port;
    private final int managementPort;
    private final Path home;
    private final ChildProcess process;

    private KeycloakServer(int port, int managementPort, Path home, ChildProcess process) {
        this.port = port;
        this.managementPort = managementPort;
        this.home = home;
        this.process = process;
    }

    /**
     * Unpacks the distribution under {@code dir} if needed, puts {@code realmFile} into its import folder, starts
     * Keycloak and waits until it is ready.
     */
    public static KeycloakServer start(int port, int managementPort, Path dir, Path realmFile, Path logFile) {
        Path home = install(dir);
        importRealm(home, realmFile);
        KeycloakServer server = launch(port, managementPort, home, logFile, Set.of());
        try {
            server.awaitReady(() -> false);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Starts the process without waiting (the realm is already in the import folder); {@link #awaitReady} waits. */
    static KeycloakServer launch(int port, int managementPort, Path home, Path logFile, Set<String> unsetEnv) {
        List<String> command = List.of(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-host=" + Ports.LOOPBACK,
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--import-realm",
                "--health-enabled=true",
                "--hostname=http://localhost:" + port,
                ALLOW_CONCURRENT_SIGN_INS);
        // C1 only: a development Keycloak starts about twice as fast on a small machine, and its peak speed does
        // not matter (services verify tokens with the cached JWKS, without calling it)
        String javaOpts = (JIT_OPTIONS + " " + System.getenv().getOrDefault("JAVA_OPTS_APPEND", "")).trim();
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_APPEND", javaOpts);
        ChildProcess process = ChildProcess.startDetached("keycloak", command, home, env, unsetEnv, logFile);
        return new KeycloakServer(port, managementPort, home, process);
    }

    void awaitReady(BooleanSupplier aborted) {
        Readiness.await("keycloak", process, healthUrl(), READY_TIMEOUT, aborted);
    }

    /** True when the unpacked distribution has started at least once (its H2 database exists). */
    static boolean hasData(Path home) {
        return Files.isDirectory(home.resolve("data").resolve("h2"));
    }

    /** The distribution's home under {@code dir}, unpacked from the Maven artifact on first use. */
    public static Path install(Path dir) {
        Properties stack = stackProperties();
        String version = stack.getProperty("keycloak.version");
        String zip = stack.getProperty("keycloak.zip");
        Path home = dir.resolve("keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin").resolve("kc.sh"))) {
            return home;
        }
        Path zipFile = Path.of(zip);
        if (!Files.isRegularFile(zipFile)) {
            throw new StackException("the Keycloak " + version + " distribution is missing (" + zip
                    + "); build the local-stack module (./mvnw -B -DskipTests install) to download it");
        }
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, ".unpacking-");
            try {
                unzip(zipFile, staging);
                Path unpacked = staging.resolve("keycloak-" + version);
                if (!Files.isDirectory(unpacked)) {
                    throw new StackException(zip + " does not contain keycloak-" + version + "/");
                }
                try (Stream<Path> scripts = Files.list(unpacked.resolve("bin"))) {
                    scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
                }
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteRecursively(staging);
            }
            return home;
        } catch (IOException e) {
            throw new StackException("could not unpack Keycloak into " + dir + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    /** {@code http://localhost:<port>}: the base URL users and the tokens' issuer use. */
    public String url() {
        return "http://localhost:" + port;
    }

    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public String healthUrl() {
        return "http://" + Ports.LOOPBACK + ":" + managementPort + "/health/ready";
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    /**
     * Copies the realm into the import folder; Keycloak imports it only when the realm does not exist yet. Returns
     * true when a realm imported earlier came from a different file content (the user should reset to see it).
     */
    static boolean importRealm(Path home, Path realmFile) {
        if (!Files.isRegularFile(realmFile)) {
            throw new StackException("the realm file " + realmFile + " is missing");
        }
        try {
            Path importDir = home.resolve("data").resolve("import");
            Files.createDirectories(importDir);
            Files.copy(realmFile, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Path stamp = home.resolve("data").resolve("imported-realm.sha256");
            String hash = sha256(realmFile);
            boolean changed = hasData(home) && Files.exists(stamp) && !Files.readString(stamp).trim().equals(hash);
            if (!hasData(home) || !Files.exists(stamp)) {
                Files.writeString(stamp, hash);
            }
            return changed;
        } catch (IOException e) {
            throw new StackException("could not copy the realm into " + home + ": " + e.getMessage(), e);
        }
    }

    static Properties stackProperties() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/stack.properties")) {
            if (in == null) {
                throw new StackException("stack.properties is missing from local-stack; build it with ./mvnw install");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new StackException("stack.properties unreadable: " + e.getMessage(), e);
        }
        if (properties.getProperty("keycloak.zip", "").contains("${")) {
            throw new StackException("stack.properties was not filtered by Maven; build local-stack with ./mvnw install");
        }
        return properties;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Best effort, never throws: a file can vanish while the tree is walked (PostgreSQL removes its postmaster.pid as
     * it finishes stopping), which fails the walk; a second walk then finds the rest.
     */
    static void deleteRecursively(Path dir) {
        for (int attempt = 0; attempt < 3 && Files.exists(dir); attempt++) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | java.io.UncheckedIOException vanishedWhileWalking) {
                // walk again
            }
        }
    }
}
