package org.partnership.stack;

/** The stack was asked to stop (Ctrl-C, {@code ./stack stop}, {@code close()}) while it was still starting. */
public class StackAbortedException extends StackException {

    public StackAbortedException(String what) {
        super("stopped while " + what + " was starting");
    }
}
