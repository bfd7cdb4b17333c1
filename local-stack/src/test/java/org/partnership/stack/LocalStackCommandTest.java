package org.partnership.stack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's unhappy paths, which must fail before anything starts: a taken port, a stack already
 * running, a missing build, bad settings; and stop/status around the pid file, orphans included.
 */
class LocalStackCommandTest {

    @TempDir
    Path repo;

    private Path dataDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void freePortsAndAFakeRepository() throws Exception {
        Files.createDirectories(repo.resolve("local-stack"));
        dataDir = repo.resolve(".data");
        StackConfig ephemeral = StackConfig.ephemeral(repo);
        Files.delete(ephemeral.dataDir());
        ephemeral.ports().forEach((port, value) -> env.put(port.envVar(), Integer.toString(value)));
    }

    @Test
    void shouldRefuseATakenPortInOneLineAndStartNothing() throws Exception {
        Set<Long> childrenBefore = children();
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            env.put("KAFKA_PORT", Integer.toString(busy.getLocalPort()));

            int code = run("start");

            assertThat(code).isEqualTo(2);
            assertThat(stderr()).isEqualTo("error: port " + busy.getLocalPort()
                    + " (kafka) is already in use \u2014 stop what uses it or set KAFKA_PORT\n");
            assertThat(stdout()).isEmpty();
        }
        assertThat(children()).isEqualTo(childrenBefore);
        assertThat(dataDir.resolve("postgres")).doesNotExist();
        assertThat(StackState.file(dataDir)).doesNotExist();
        for (StackPort port : StackPort.values()) {
            assertThat(Ports.accepting(Integer.parseInt(env.get(port.envVar())))).as(port.description()).isFalse();
        }
    }

    @Test
    void shouldRefuseThePortOfTheKeycloakManagementInterfaceToo() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            env.put("KEYCLOAK_MANAGEMENT_PORT", Integer.toString(busy.getLocalPort()));

            assertThat(run("start", "--infra-only")).isEqualTo(2);
            assertThat(stderr()).contains("(keycloak management) is already in use").contains("KEYCLOAK_MANAGEMENT_PORT");
        }
    }

    @Test
    void shouldRefuseTheSamePortForTwoComponents() {
        env.put("GATEWAY_PORT", env.get("PARTNERS_SERVICE_PORT"));

        assertThat(run("start")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: port " + env.get("GATEWAY_PORT")
                + " is set for both partners-service and gateway");
    }

    @Test
    void shouldSayWhichServiceIsNotBuiltBeforeStartingAnything() {
        assertThat(run("start")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: partners-service is not built (partners-service/target/quarkus-app/"
                + "quarkus-run.jar is missing)").contains("--infra-only");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void shouldRefuseToStartWhileAnotherStackRuns() throws Exception {
        Process launcher = new ProcessBuilder("sleep", "60").start();
        try {
            writeState("launcher " + launcher.pid() + " " + StackState.startMillis(launcher.toHandle()) + "\n");

            assertThat(run("start", "--infra-only")).isEqualTo(2);
            assertThat(stderr()).isEqualTo("error: a stack is already running (pid " + launcher.pid() + ", data in "
                    + dataDir + ") \u2014 stop it with ./stack stop\n");
        } finally {
            launcher.destroyForcibly().waitFor();
        }
    }

    @Test
    void shouldRejectBadSettingsAndOptions() {
        env.put("STACK_DEMO_DATA", "perhaps");
        assertThat(run("start")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("error: STACK_DEMO_DATA must be true or false, not 'perhaps'\n");

        env.remove("STACK_DEMO_DATA");
        err.reset();
        assertThat(run("start", "--turbo")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: unknown option '--turbo'");

        err.reset();
        assertThat(run("restart")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: unknown command 'restart'");
    }

    @Test
    void shouldReportNotRunningWithoutAPidFile() {
        assertThat(run("status")).isEqualTo(3);
        assertThat(stdout()).isEqualTo("Not running.\n");
        out.reset();
        assertThat(run("stop")).isZero();
        assertThat(stdout()).startsWith("No local stack is running");
    }

    @Test
    void shouldStopProcessesADeadLauncherLeftBehind() throws Exception {
        Process deadLauncher = new ProcessBuilder("true").start();
        deadLauncher.waitFor();
        Process orphan = new ProcessBuilder("sleep", "60").start();
        try {
            writeState("launcher " + deadLauncher.pid() + " 1\n"
                    + "child kafka " + orphan.pid() + " " + StackState.startMillis(orphan.toHandle()) + " TERM\n");

            assertThat(run("status")).isEqualTo(1);
            assertThat(stdout()).contains("kafka (pid " + orphan.pid() + ")").contains("./stack stop");
            assertThat(run("start", "--infra-only")).isEqualTo(2);
            assertThat(stderr()).contains("a previous stack ended without stopping kafka");

            out.reset();
            assertThat(run("stop")).isZero();
            assertThat(stdout()).contains("Stopping kafka (pid " + orphan.pid() + "), left running by a previous launcher");
            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(StackState.file(dataDir)).doesNotExist();
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void shouldNotMistakeARecycledPidForOurs() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            // same pid, different start time: not the process the launcher started
            writeState("launcher 1 1\nchild kafka " + stranger.pid() + " 12345 TERM\n");

            assertThat(run("stop")).isZero();
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }

    private void writeState(String text) throws Exception {
        Files.createDirectories(dataDir);
        Files.writeString(StackState.file(dataDir), text);
    }

    private int run(String... args) {
        return LocalStack.run(List.of(args), env, repo, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
