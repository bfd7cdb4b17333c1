package org.partnership.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pid file {@code <data>/stack.pid}: the launcher's process and every process it started, with their start
 * times (so a recycled pid is never mistaken for ours) and health URLs. {@code ./stack stop} signals the launcher,
 * whose shutdown hook stops the children; if the launcher died without doing so (SIGKILL), stop finds the orphans
 * here. {@code ./stack status} reads the health URLs.
 *
 * <pre>
 * launcher 1234 1732350000120
 * child postgres 1240 1732350000900 INT
 * health gateway http://127.0.0.1:8080/q/health/ready
 * </pre>
 */
final class StackState {

    static final String FILE_NAME = "stack.pid";

    /** A process we started: name, pid, start time, and the signal that stops it gracefully. */
    record Proc(String name, long pid, long startMillis, String signal) {

        static Proc of(String name, ProcessHandle handle, String signal) {
            return new Proc(name, handle.pid(), StackState.startMillis(handle), signal);
        }

        /** The process if it still runs and is still the one we started. */
        Optional<ProcessHandle> handle() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> StackState.startMillis(h) == startMillis);
        }

        boolean isAlive() {
            return handle().isPresent();
        }
    }

    record Health(String name, String target) {
    }

    private final Path file;
    private final Proc launcher;
    private final List<Proc> children = new ArrayList<>();
    private final List<Health> health = new ArrayList<>();

    private StackState(Path file, Proc launcher) {
        this.file = file;
        this.launcher = launcher;
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** A new state for this JVM as the launcher; written to disk at once. */
    static StackState create(Path dataDir) {
        StackState state = new StackState(file(dataDir), Proc.of("launcher", ProcessHandle.current(), "TERM"));
        state.write();
        return state;
    }

    static Optional<StackState> read(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            StackState state = null;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].equals("launcher")) {
                    state = new StackState(file, new Proc("launcher", Long.parseLong(f[1]), Long.parseLong(f[2]), "TERM"));
                } else if (state != null && f.length >= 5 && f[0].equals("child")) {
                    state.children.add(new Proc(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), f[4]));
                } else if (state != null && f.length >= 3 && f[0].equals("health")) {
                    state.health.add(new Health(f[1], f[2]));
                }
            }
            return Optional.ofNullable(state);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    Proc launcher() {
        return launcher;
    }

    synchronized List<Proc> children() {
        return List.copyOf(children);
    }

    synchronized List<Health> health() {
        return List.copyOf(health);
    }

    synchronized void addChild(String name, ProcessHandle handle, String signal) {
        children.add(Proc.of(name, handle, signal));
        write();
    }

    synchronized void addHealth(String name, String target) {
        health.add(new Health(name, target));
        write();
    }

    synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do
        }
    }

    /**
     * The children still running (orphans when the launcher is gone) in the order to stop them: services first,
     * then Keycloak, Kafka, PostgreSQL.
     */
    synchronized List<Proc> aliveChildrenLatestFirst() {
        List<Proc> alive = new ArrayList<>(children.stream().filter(Proc::isAlive).toList());
        java.util.Collections.reverse(alive);
        alive.sort(java.util.Comparator.comparingInt((Proc p) -> stopRank(p.name())));
        return alive;
    }

    private static int stopRank(String name) {
        try {
            Component c = Component.parse(name);
            return -c.ordinal();
        } catch (IllegalArgumentException unknown) {
            return Integer.MIN_VALUE;
        }
    }

    private synchronized void write() {
        StringBuilder text = new StringBuilder("# partnership local stack, written by its launcher (pid, start time in ms)\n");
        text.append("launcher ").append(launcher.pid()).append(' ').append(launcher.startMillis()).append('\n');
        for (Proc c : children) {
            text.append("child ").append(c.name()).append(' ').append(c.pid()).append(' ').append(c.startMillis())
                    .append(' ').append(c.signal()).append('\n');
        }
        for (Health h : health) {
            text.append("health ").append(h.name()).append(' ').append(h.target()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
