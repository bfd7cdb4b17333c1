package org.partnership.stack;

import java.util.EnumSet;
import java.util.Set;

/** While the stack runs, warns once for each started process that dies (the others keep running). */
final class ProcessMonitor {

    private static final long INTERVAL_MILLIS = 1000;

    private final StartedComponents started;
    private final Progress progress;
    private volatile boolean stopped;
    private Thread thread;

    ProcessMonitor(StartedComponents started, Progress progress) {
        this.started = started;
        this.progress = progress;
    }

    synchronized void start() {
        thread = new Thread(this::watch, "local-stack-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void watch() {
        Set<Component> reported = EnumSet.noneOf(Component.class);
        while (!stopped) {
            for (Component c : Component.values()) {
                if (!stopped && started.contains(c) && !reported.contains(c) && !started.isAlive(c)) {
                    reported.add(c);
                    progress.print("warning: " + c + " exited unexpectedly" + started.process(c)
                            .map(p -> " (code " + p.exitValue().orElse(-1) + ")" + Readiness.tail(p)).orElse(""));
                }
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
