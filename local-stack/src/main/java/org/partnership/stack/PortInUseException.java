package org.partnership.stack;

/** A port the stack needs is taken; nothing was started. */
public class PortInUseException extends PreflightException {

    private final StackPort what;
    private final int port;

    public PortInUseException(StackPort what, int port) {
        super("port " + port + " (" + what.description() + ") is already in use \u2014 stop what uses it or set "
                + what.envVar());
        this.what = what;
        this.port = port;
    }

    public StackPort what() {
        return what;
    }

    public int port() {
        return port;
    }
}
