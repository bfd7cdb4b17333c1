package org.partnership.stack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits until a child process answers 200 on its health URL, failing fast when it exits. */
final class Readiness {

    static final int TAIL_LINES = 20;

    private Readiness() {
    }

    static void await(String name, ChildProcess process, String healthUrl, Duration timeout, BooleanSupplier aborted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (aborted.getAsBoolean()) {
                throw new StackAbortedException(name);
            }
            if (!process.isAlive()) {
                throw new StackException(name + " exited with code " + process.exitValue().orElse(-1)
                        + " while starting" + tail(process));
            }
            if (Http.status(healthUrl) == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(name + " was not ready within " + timeout.toSeconds() + " s (" + healthUrl
                        + " did not answer 200)" + tail(process));
            }
            KafkaBroker.sleep(250);
        }
    }

    /** The last lines of the process's log, introduced by a line naming the file. */
    static String tail(ChildProcess process) {
        return " (log: " + process.logFile() + ")\n  last " + TAIL_LINES + " lines:\n" + indent(process.tail(TAIL_LINES));
    }

    static String indent(String text) {
        return text.isEmpty() ? "    (empty)" : "    " + text.replace("\n", "\n    ");
    }
}
