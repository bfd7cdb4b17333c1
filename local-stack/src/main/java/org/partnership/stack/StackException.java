package org.partnership.stack;

/** A component of the local stack could not start or stop; the message says which and why, for a human. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
