package org.partnership.messaging.inbox;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;

/**
 * Whether a consumer's failure says that its database cannot be reached right now, rather than that the event
 * cannot be applied: PostgreSQL restarting, shutting down, refusing connections or out of them, a connection lost on
 * the way, or a serialization conflict. Such a failure passes; the event must wait for it, not go to the dead letters.
 */
public final class TransientFailure {

    /**
     * SQLSTATEs of a database that is going away or coming back: connection exceptions (class 08), admin or crash
     * shutdown and cannot-connect-now (57P01-57P03), insufficient resources (class 53, e.g. too many connections), a
     * database not accepting connections (55000 with {@code datallowconn} off), serialization failure and deadlock.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "55000", "40001", "40P01");

    private TransientFailure() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketException || t instanceof ClosedChannelException || t instanceof ClosedConnectionException) {
                return true;   // connection refused (java.net.ConnectException), reset or closed; not any IOException:
                               // Jackson's parse errors are IOExceptions too, and must not wait forever
            }
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                if (state.startsWith("08") || state.startsWith("53") || STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
