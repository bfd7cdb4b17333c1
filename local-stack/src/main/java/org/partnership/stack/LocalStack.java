package org.partnership.stack;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The whole platform on one machine: PostgreSQL, Kafka, Keycloak (realm imported) and the four services.
 *
 * <p>As a library: {@code try (RunningStack stack = LocalStack.start(StackConfig.ephemeral(repoRoot))) {...}}.
 *
 * <p>As a command ({@code ./stack} at the repository root runs it): {@code start [--infra-only] [--no-demo-data]},
 * {@code stop}, {@code status}. Exit codes: 0 ok, 1 a component failed, 2 nothing started (a port is taken, a stack
 * already runs, bad settings), 3 ({@code status}) not running.
 */
public final class LocalStack {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int NOT_STARTED = 2;
    static final int NOT_RUNNING = 3;

    private static final Duration STOP_WAIT = Duration.ofSeconds(120);
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(30);

    private LocalStack() {
    }

    /** Starts the stack, printing progress to standard output; on failure everything started is stopped again. */
    public static RunningStack start(StackConfig config) {
        return start(config, Progress.to(System.out));
    }

    /** Starts the stack; on failure everything started is stopped again and the exception says what failed. */
    public static RunningStack start(StackConfig config, Progress progress) {
        RunningStack stack = new RunningStack(config, progress);
        try {
            stack.launch();
            return stack;
        } catch (RuntimeException e) {
            if (!(e instanceof PreflightException) && !(e instanceof StackAbortedException)) {
                progress.raw("error: " + e.getMessage());
            }
            stack.close();
            throw e;
        }
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Path repoRoot = Path.of(System.getProperty("stack.repo", System.getProperty("user.dir")));
        int code = run(Arrays.asList(args), System.getenv(), repoRoot, out, err, true);
        System.exit(code);
    }

    /**
     * The command line. With {@code block}, a successful start waits until the JVM is asked to stop (Ctrl-C,
     * SIGTERM), whose shutdown hook stops the stack.
     */
    static int run(List<String> args, Map<String, String> env, Path repoRoot, PrintStream out, PrintStream err,
            boolean block) {
        String command = args.isEmpty() ? "start" : args.get(0);
        List<String> options = args.isEmpty() ? List.of() : args.subList(1, args.size());
        StackConfig config;
        try {
            config = StackConfig.fromEnvironment(repoRoot, env);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return NOT_STARTED;
        }
        return switch (command) {
            case "start" -> start(config, options, out, err, block);
            case "stop" -> stop(config, out, err);
            case "status" -> status(config, out);
            case "help", "-h", "--help" -> {
                out.println(usage());
                yield OK;
            }
            default -> {
                err.println("error: unknown command '" + command + "'\n" + usage());
                yield NOT_STARTED;
            }
        };
    }

    static String usage() {
        return """
                usage: ./stack [start|stop|status] [options]
                  start [--build] [--infra-only] [--no-demo-data]
                                 start PostgreSQL, Kafka, Keycloak and the four services (Ctrl-C stops all)
                  stop           stop a stack started from another terminal
                  status         show what runs and whether it is healthy
                settings: environment variables, see local-stack/README.md""";
    }

    private static int start(StackConfig config, List<String> options, PrintStream out, PrintStream err, boolean block) {
        for (String option : options) {
            switch (option) {
                case "--infra-only" -> config = config.withoutServices();
                case "--no-demo-data" -> config = config.withDemoData(false);
                case "--build" -> {
                    // handled by ./stack before Java runs
                }
                default -> {
                    err.println("error: unknown option '" + option + "'\n" + usage());
                    return NOT_STARTED;
                }
            }
        }
        if (!Files.isDirectory(config.repoRoot().resolve("local-stack"))) {
            err.println("error: " + config.repoRoot() + " is not the repository root (run ./stack from the repository)");
            return NOT_STARTED;
        }
        if (block) {
            logToFile(config.logDir().resolve("launcher.log"));
        }
        RunningStack stack;
        try {
            stack = start(config, Progress.to(out));
        } catch (StackAbortedException e) {
            return FAILED; // asked to stop while starting: the shutdown hook has stopped everything
        } catch (PreflightException e) {
            err.println("error: " + e.getMessage());
            return NOT_STARTED;
        } catch (StackException e) {
            // the details (and the end of the failed component's log) are printed above, before the stop
            err.println("error: " + e.getMessage().lines().findFirst().orElse("") + " \u2014 everything that had "
                    + "started was stopped; logs in " + config.logDir());
            return FAILED;
        }
        out.println(stack.summary());
        out.println(String.format(Locale.ROOT, "All ready in %.1f s. Ctrl-C to stop (or ./stack stop from another terminal).",
                stack.readySeconds()));
        if (block) {
            try {
                new CountDownLatch(1).await(); // until the shutdown hook stops the stack and the JVM
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return OK;
    }

    /** Stops the launcher recorded in the pid file (its shutdown hook stops the children), then any orphans. */
    static int stop(StackConfig config, PrintStream out, PrintStream err) {
        Optional<StackState> found = StackState.read(config.dataDir());
        if (found.isEmpty()) {
            out.println("No local stack is running (no " + StackState.file(config.dataDir()) + ").");
            return OK;
        }
        StackState state = found.get();
        long t0 = System.nanoTime();
        Optional<ProcessHandle> launcher = state.launcher().handle();
        if (launcher.isPresent()) {
            out.println("Stopping the local stack (launcher pid " + state.launcher().pid() + ")...");
            launcher.get().destroy();
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            long nextNote = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (launcher.get().isAlive() && System.nanoTime() < deadline) {
                KafkaBroker.sleep(100);
                if (System.nanoTime() > nextNote) {
                    out.println(String.format(Locale.ROOT, "... still stopping (%d s)", (System.nanoTime() - t0) / 1_000_000_000L));
                    nextNote += TimeUnit.SECONDS.toNanos(5);
                }
            }
            if (launcher.get().isAlive()) {
                err.println("warning: the launcher did not stop within " + STOP_WAIT.toSeconds() + " s; killing it");
                launcher.get().destroyForcibly();
            }
        }
        // what a launcher that died without cleaning up (SIGKILL, crash) left running
        StackState leftover = StackState.read(config.dataDir()).orElse(null);
        if (leftover != null) {
            for (StackState.Proc orphan : leftover.aliveChildrenLatestFirst()) {
                out.println("Stopping " + orphan.name() + " (pid " + orphan.pid() + "), left running by a previous launcher");
                orphan.handle().ifPresent(h -> stopOrphan(h, orphan.signal()));
            }
            leftover.delete();
        }
        out.println(String.format(Locale.ROOT, "Stopped in %.1f s.", (System.nanoTime() - t0) / 1e9));
        return OK;
    }

    private static void stopOrphan(ProcessHandle handle, String signal) {
        if ("INT".equals(signal)) {
            // PostgreSQL: SIGINT is its "fast" shutdown (SIGTERM would wait for every client to disconnect)
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(handle.pid())).start().waitFor(5, TimeUnit.SECONDS);
                handle.onExit().get(ORPHAN_GRACE.toSeconds(), TimeUnit.SECONDS);
                return;
            } catch (Exception stillThere) {
                // fall through to the generic stop
            }
        }
        ChildProcess.stop(handle, ORPHAN_GRACE);
    }

    static int status(StackConfig config, PrintStream out) {
        Optional<StackState> found = StackState.read(config.dataDir());
        if (found.isEmpty()) {
            out.println("Not running.");
            return NOT_RUNNING;
        }
        StackState state = found.get();
        if (!state.launcher().isAlive()) {
            List<StackState.Proc> orphans = state.aliveChildrenLatestFirst();
            if (orphans.isEmpty()) {
                out.println("Not running (the last launcher, pid " + state.launcher().pid() + ", has ended).");
                state.delete();
                return NOT_RUNNING;
            }
            out.println("Not running, but a launcher that died left processes running: "
                    + String.join(", ", orphans.stream().map(o -> o.name() + " (pid " + o.pid() + ")").toList())
                    + " \u2014 run ./stack stop");
            return FAILED;
        }
        String since = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault())
                .format(Instant.ofEpochMilli(state.launcher().startMillis()));
        out.println("Running (launcher pid " + state.launcher().pid() + ", since " + since + ", data in "
                + config.dataDir() + ")");
        List<String> down = new ArrayList<>();
        for (StackState.Health h : state.health()) {
            boolean up;
            if (h.target().startsWith("tcp://")) {
                String hostPort = h.target().substring("tcp://".length());
                up = Ports.accepting(Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1)));
            } else {
                up = Http.status(h.target()) == 200;
            }
            if (!up) {
                down.add(h.name());
            }
            out.println(String.format(Locale.ROOT, "  %-18s %-4s %s", h.name(), up ? "UP" : "DOWN", h.target()));
        }
        return down.isEmpty() ? OK : FAILED;
    }

    /** The launcher's own library logging (embedded PostgreSQL, Kafka admin client) goes to a file, not the terminal. */
    private static void logToFile(Path file) {
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        try {
            Files.createDirectories(file.getParent());
            FileHandler handler = new FileHandler(file.toString(), true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.INFO);
            root.addHandler(handler);
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            root.setLevel(Level.OFF);
        }
    }
}
