package org.partnership.stack;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the stack is doing, one line per event with the seconds since the start:
 * {@code [  3.1s] kafka             ready on 127.0.0.1:19092}; while components start, a line every 5 s says
 * which ones it is still waiting for.
 */
public final class Progress implements AutoCloseable {

    private static final long TICK_SECONDS = 5;

    private final PrintStream out;
    private final long origin = System.nanoTime();
    private final Map<String, Long> waiting = new LinkedHashMap<>();
    private ScheduledExecutorService ticker;

    private Progress(PrintStream out) {
        this.out = out;
    }

    /** Progress printed to {@code out}. */
    public static Progress to(PrintStream out) {
        return new Progress(out);
    }

    /** No output at all. */
    public static Progress silent() {
        return new Progress(null);
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - origin) / 1e9;
    }

    /** A component begins to start; it counts as waited for until {@link #ready} or {@link #failed}. */
    public void starting(String component, String detail) {
        synchronized (this) {
            waiting.put(component, System.nanoTime());
            startTicker();
        }
        line(component, detail);
    }

    public void ready(String component, String detail) {
        synchronized (this) {
            waiting.remove(component);
        }
        line(component, detail);
    }

    public void failed(String component, String detail) {
        synchronized (this) {
            waiting.remove(component);
        }
        line(component, detail);
    }

    /** A line about a component that does not change what is waited for. */
    public void line(String component, String text) {
        print(String.format(Locale.ROOT, "%-17s %s", component, text));
    }

    /** A free-form line with the elapsed time. */
    public void print(String text) {
        if (out != null) {
            out.println(String.format(Locale.ROOT, "[%5.1fs] ", elapsedSeconds()) + text);
            out.flush();
        }
    }

    /** Text as is, without the elapsed time (the summary table). */
    public void raw(String text) {
        if (out != null) {
            out.println(text);
            out.flush();
        }
    }

    private void startTicker() {
        if (ticker == null && out != null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "stack-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void tick() {
        String line;
        synchronized (this) {
            if (waiting.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            StringJoiner names = new StringJoiner(", ");
            waiting.forEach((name, since) -> names.add(name + " (" + (now - since) / 1_000_000_000L + " s)"));
            line = "... waiting for " + names;
        }
        print(line);
    }

    @Override
    public synchronized void close() {
        waiting.clear();
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }
}
