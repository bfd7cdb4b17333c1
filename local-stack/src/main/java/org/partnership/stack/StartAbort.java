package org.partnership.stack;

/**
 * Set when a start in progress must give up: the stack is being closed, or another component failed to start.
 * Everything that waits during the start polls it.
 */
final class StartAbort {

    private volatile boolean requested;

    void request() {
        requested = true;
    }

    boolean requested() {
        return requested;
    }
}
