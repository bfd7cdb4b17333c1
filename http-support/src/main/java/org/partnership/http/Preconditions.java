package org.partnership.http;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a resource's strong {@code ETag} is its row version, and an update must name the
 * version it was based on in {@code If-Match}. Missing → 428, stale → 412, so no update is ever lost.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the client based its change on, from {@code If-Match}; 428 when absent, 412 when unreadable. */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag of the version you are changing");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw stale(ifMatch);
        }
    }

    /** 412 unless the current version is the one the client named. */
    public static void check(long expected, long current) {
        if (expected != current) {
            throw stale("\"" + expected + "\"");
        }
    }

    private static ProblemException stale(String sent) {
        return new ProblemException(412, "stale-version", "Precondition failed",
                "If-Match " + sent + " does not match the current version: reload and apply your change again");
    }
}
