package org.partnership.stack;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** What a stack has started so far: how to stop each component, and its process when it has one of its own. */
final class StartedComponents {

    private final Map<Component, AutoCloseable> running = Collections.synchronizedMap(new EnumMap<>(Component.class));
    private final Map<Component, ChildProcess> processes = Collections.synchronizedMap(new EnumMap<>(Component.class));
    private volatile PostgresServer postgres;

    /** A started component: {@code stopper} stops it; {@code process} (may be null) is watched while it runs. */
    void add(Component component, AutoCloseable stopper, ChildProcess process) {
        running.put(component, stopper);
        if (process != null) {
            processes.put(component, process);
        }
    }

    /** PostgreSQL runs as a process tree the embedded library owns; it is watched through its postmaster. */
    void addPostgres(PostgresServer server) {
        postgres = server;
        running.put(Component.POSTGRES, server);
    }

    boolean contains(Component component) {
        return running.containsKey(component);
    }

    boolean isEmpty() {
        return running.isEmpty();
    }

    /** Whether the process of a started component still runs. */
    boolean isAlive(Component component) {
        if (component == Component.POSTGRES) {
            PostgresServer pg = postgres;
            return pg != null && pg.postmaster().map(ProcessHandle::isAlive).orElse(false);
        }
        ChildProcess p = processes.get(component);
        return p != null && p.isAlive();
    }

    Optional<ChildProcess> process(Component component) {
        return Optional.ofNullable(processes.get(component));
    }

    /** Takes a component out (so it is stopped once); its stopper, or null when it was not started. */
    AutoCloseable remove(Component component) {
        return running.remove(component);
    }
}
