package org.partnership.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes to a log file, stopped gracefully (SIGTERM, then SIGKILL after a grace
 * period) together with every process it spawned.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env,
            Path logFile) {
        return start(name, command, workDir, env, Set.of(), logFile, false);
    }

    /**
     * Starts a child process in its own session (when {@code setsid} is available), so a Ctrl-C at the terminal
     * reaches only this JVM, which then stops its children in order; {@code unsetEnv} names variables of this
     * process's environment the child must not inherit.
     */
    public static ChildProcess startDetached(String name, List<String> command, Path workDir, Map<String, String> env,
            Set<String> unsetEnv, Path logFile) {
        return start(name, command, workDir, env, unsetEnv, logFile, true);
    }

    private static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env,
            Set<String> unsetEnv, Path logFile, boolean ownSession) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(ownSession ? inOwnSession(command) : command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().keySet().removeAll(unsetEnv);
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new StackException(name + " could not be started: " + e.getMessage(), e);
        }
    }

    /**
     * The command prefixed with {@code setsid} when it exists. A child of a JVM is not a process group leader, so
     * setsid execs the command in place: the child keeps its pid.
     */
    static List<String> inOwnSession(List<String> command) {
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                List<String> detached = new ArrayList<>(command.size() + 1);
                detached.add(setsid);
                detached.addAll(command);
                return detached;
            }
        }
        return command;
    }

    /** The java executable of the running JVM, so children run on the same Java as the launcher. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The exit code once the process has exited; empty while it runs. */
    public OptionalInt exitValue() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for the process to exit and returns its exit code, failing when it does not exit in time. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new StackException(name + " did not finish within " + timeout.toSeconds() + " s; see " + logFile);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + name, e);
        }
    }

    /** The last lines of the log, to explain a failure. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop(process.toHandle(), Duration.ofSeconds(20));
    }

    /** Stops a process and its descendants: SIGTERM to all, then SIGKILL to whatever is left after the grace period. */
    public static void stop(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        handle.descendants().forEach(all::add);
        all.add(handle);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupt) {
                p.destroyForcibly();
            }
        }
    }
}
