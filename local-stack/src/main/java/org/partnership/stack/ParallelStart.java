package org.partnership.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts components side by side, each on its own thread, and waits for all. The first failure asks the others
 * to give up (through the {@link StartAbort}) and is rethrown, preferring a real failure to the "aborted" of
 * the components that gave up because of it.
 */
final class ParallelStart {

    private ParallelStart() {
    }

    static void run(Map<String, Callable<Void>> tasks, StartAbort abort) {
        if (tasks.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), r -> {
            Thread t = new Thread(r, "local-stack-start");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Void>> futures = new LinkedHashMap<>();
            tasks.forEach((name, task) -> futures.put(name, pool.submit(() -> {
                try {
                    return task.call();
                } catch (Exception e) {
                    abort.request(); // the other tasks stop waiting
                    throw e;
                }
            })));
            RuntimeException first = null;
            for (var entry : futures.entrySet()) {
                try {
                    entry.getValue().get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException re ? re
                            : new StackException(entry.getKey() + " failed: " + e.getCause().getMessage(), e.getCause());
                    if (first == null || (first instanceof StackAbortedException && !(cause instanceof StackAbortedException))) {
                        first = cause;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    abort.request();
                    first = new StackAbortedException(entry.getKey());
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdown();
        }
    }
}
