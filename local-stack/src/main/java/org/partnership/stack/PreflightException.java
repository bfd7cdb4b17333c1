package org.partnership.stack;

/** The stack cannot start as configured (a port is taken, a stack already runs, a build is missing); nothing was started. */
public class PreflightException extends StackException {

    public PreflightException(String message) {
        super(message);
    }
}
