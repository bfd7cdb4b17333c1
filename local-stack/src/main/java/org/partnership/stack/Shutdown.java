package org.partnership.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Stops the started components in the reverse start order: the service stages from the last one (each stage
 * in parallel), then Keycloak, Kafka and PostgreSQL; one line per component says how long it took.
 */
final class Shutdown {

    private static final List<Component> INFRASTRUCTURE_STOP_ORDER =
            List.of(Component.MAIL, Component.KEYCLOAK, Component.KAFKA, Component.POSTGRES);

    private final StartedComponents started;
    private final Progress progress;

    Shutdown(StartedComponents started, Progress progress) {
        this.started = started;
        this.progress = progress;
    }

    void stopAll() {
        List<List<Component>> stages = stopStages();
        List<Component> order = stages.stream().flatMap(List::stream).filter(started::contains).toList();
        if (!order.isEmpty()) {
            progress.print("stopping " + String.join(", ", order.stream().map(Component::displayName).toList()));
        }
        for (List<Component> stage : stages) {
            stopInParallel(stage);
        }
    }

    /** The service stages, latest first, then each infrastructure component on its own. */
    private static List<List<Component>> stopStages() {
        List<List<Component>> stages = new ArrayList<>(Component.SERVICE_STAGES);
        Collections.reverse(stages);
        INFRASTRUCTURE_STOP_ORDER.forEach(c -> stages.add(List.of(c)));
        return stages;
    }

    private void stopInParallel(List<Component> stage) {
        List<Component> toStop = stage.stream().filter(started::contains).toList();
        if (toStop.size() == 1) {
            stop(toStop.get(0));
            return;
        }
        List<Thread> threads = new ArrayList<>();
        for (Component c : toStop) {
            Thread t = new Thread(() -> stop(c), "local-stack-stop-" + c.displayName());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stop(Component component) {
        AutoCloseable c = started.remove(component);
        if (c == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            c.close();
            progress.line(component.displayName(), String.format(Locale.ROOT, "stopped (%.1f s)", (System.nanoTime() - t0) / 1e9));
        } catch (Exception e) {
            progress.line(component.displayName(), "did not stop cleanly: " + e.getMessage());
        }
    }
}
