package org.partnership.http;

import java.util.List;
import java.util.UUID;

/** Path and query ids are UUIDs; anything else is a 400 naming the parameter (not a 404). */
public final class Ids {

    private Ids() {
    }

    public static UUID uuid(String value, String parameter) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.badRequest("validation", parameter + " must be a UUID",
                List.of(new Problem.FieldError(parameter, "must be a UUID")));
    }

    public static UUID uuidOrNull(String value, String parameter) {
        return value == null || value.isBlank() ? null : uuid(value, parameter);
    }
}
