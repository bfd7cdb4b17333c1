package org.partnership.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A real SMTP and IMAP server with an HTTP API and web view of its mailboxes: GreenMail's standalone jar
 * ({@code com.icegreen:greenmail-standalone}, resolved by Maven, never on a classpath: it is a shaded jar with its
 * own Jackson and Jersey), run as a child JVM bound to 127.0.0.1. Authentication is disabled: it accepts every
 * message for every address and keeps them in memory (a restart empties the mailboxes). notifications-service sends
 * its e-mail to it in the local stack and in the tests. <b>Demo and tests only.</b>
 *
 * <p>API: {@code GET /api/user/<address>/messages/} lists a mailbox (JSON), {@code POST /api/mail/purge} empties all,
 * {@code GET /api/service/readiness} answers 200 once the servers listen; Swagger UI at {@code /}.
 */
public final class GreenMailServer implements AutoCloseable {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final int smtpPort;
    private final int imapPort;
    private final int apiPort;
    private final ChildProcess process;

    private GreenMailServer(int smtpPort, int imapPort, int apiPort, ChildProcess process) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.apiPort = apiPort;
        this.process = process;
    }

    /** Starts GreenMail on these ports (SMTP, IMAP, HTTP API) and waits until it answers. */
    public static GreenMailServer start(int smtpPort, int imapPort, int apiPort, Path logFile) {
        GreenMailServer server = launch(smtpPort, imapPort, apiPort, logFile);
        try {
            server.awaitReady(() -> false);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Starts the process without waiting; {@link #awaitReady} waits. */
    static GreenMailServer launch(int smtpPort, int imapPort, int apiPort, Path logFile) {
        Path jar = jar();
        List<String> command = List.of(ChildProcess.javaExecutable(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=" + Ports.LOOPBACK, "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.imap.hostname=" + Ports.LOOPBACK, "-Dgreenmail.imap.port=" + imapPort,
                "-Dgreenmail.api.hostname=" + Ports.LOOPBACK, "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled",
                "-jar", jar.toString());
        ChildProcess process = ChildProcess.startDetached("greenmail", command, logFile.getParent(), Map.of(),
                java.util.Set.of(), logFile);
        return new GreenMailServer(smtpPort, imapPort, apiPort, process);
    }

    void awaitReady(BooleanSupplier aborted) {
        Readiness.await("greenmail", process, apiUrl() + "/api/service/readiness", READY_TIMEOUT, aborted);
    }

    static Path jar() {
        Path jar = Path.of(KeycloakServer.stackProperties().getProperty("greenmail.jar", ""));
        if (!Files.isRegularFile(jar)) {
            throw new StackException("the GreenMail standalone jar is missing (" + jar
                    + "); build the local-stack module (./mvnw -B -DskipTests package) to download it");
        }
        return jar;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public int apiPort() {
        return apiPort;
    }

    /** The HTTP API and web view, e.g. {@code http://127.0.0.1:8086}. */
    public String apiUrl() {
        return "http://" + Ports.LOOPBACK + ":" + apiPort;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
