package org.partnership.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.partnership.stack.GreenMailServer;
import org.partnership.stack.Ports;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts one real SMTP/IMAP server per test JVM (GreenMail standalone in a child JVM, 127.0.0.1, free ports) and
 * points quarkus-mailer at it. Tests that need the SMTP server down for a while use {@link #stop()} and
 * {@link #restart()} (same ports; the mailboxes start empty again); they read the mailboxes through its HTTP API
 * ({@link #apiUrl()}).
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMailServer server;
    private static int smtpPort;
    private static int imapPort;
    private static int apiPort;

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static synchronized GreenMailServer server() {
        if (server == null) {
            smtpPort = Ports.free();
            imapPort = Ports.free();
            apiPort = Ports.free();
            server = GreenMailServer.start(smtpPort, imapPort, apiPort, log());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (GreenMailResource.class) {
                    if (server != null) {
                        server.close();
                    }
                }
            }, "greenmail-stop"));
        }
        return server;
    }

    /** Stops the SMTP server (an outage); {@link #restart()} brings it back on the same ports. */
    public static synchronized void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the server again on the ports it had. */
    public static synchronized void restart() {
        if (server == null) {
            server = GreenMailServer.start(smtpPort, imapPort, apiPort, log());
        }
    }

    public static String apiUrl() {
        return "http://" + Ports.LOOPBACK + ":" + apiPort;
    }

    public static int imapPort() {
        return imapPort;
    }

    private static Path log() {
        return Path.of("target", "greenmail.log").toAbsolutePath();
    }

    @Override
    public Map<String, String> start() {
        server();
        return Map.of("quarkus.mailer.host", Ports.LOOPBACK, "quarkus.mailer.port", String.valueOf(smtpPort),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
