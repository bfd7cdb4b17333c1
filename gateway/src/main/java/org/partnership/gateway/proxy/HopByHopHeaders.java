package org.partnership.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

import java.util.Map;

/** The headers a proxy passes on: the end-to-end ones, never the connection-level ones (RFC 9110 7.6.1). */
final class HopByHopHeaders {

    private HopByHopHeaders() {
    }

    /** Copies the end-to-end headers into {@code target}: all but the hop-by-hop ones and those named in Connection. */
    static void copyEndToEnd(MultiMap source, MultiMap target) {
        String connection = source.get(HttpHeaders.CONNECTION);
        for (Map.Entry<String, String> header : source) {
            String headerName = header.getKey();
            if (!isHopByHop(headerName) && (connection == null || !namedIn(connection, headerName))) {
                target.add(headerName, header.getValue());
            }
        }
    }

    /**
     * Connection-level headers a proxy must not forward (RFC 9110 7.6.1), and Host (the caller's authority is set on
     * the request). By length first: this runs for every header of every request and response.
     */
    static boolean isHopByHop(String headerName) {
        return switch (headerName.length()) {
            case 2 -> headerName.equalsIgnoreCase("TE");
            case 4 -> headerName.equalsIgnoreCase("Host");
            case 7 -> headerName.equalsIgnoreCase("Trailer") || headerName.equalsIgnoreCase("Upgrade");
            case 10 -> headerName.equalsIgnoreCase("Connection") || headerName.equalsIgnoreCase("Keep-Alive");
            case 16 -> headerName.equalsIgnoreCase("Proxy-Connection");
            case 17 -> headerName.equalsIgnoreCase("Transfer-Encoding");
            case 18 -> headerName.equalsIgnoreCase("Proxy-Authenticate");
            case 19 -> headerName.equalsIgnoreCase("Proxy-Authorization");
            default -> false;
        };
    }

    private static boolean namedIn(String connection, String headerName) {
        for (String token : connection.split(",")) {
            if (token.trim().equalsIgnoreCase(headerName)) {
                return true;
            }
        }
        return false;
    }
}
