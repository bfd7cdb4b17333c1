package org.partnership.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Query parameters read strictly: a value the API does not know is a 400 naming the parameter and what it allows. */
public final class QueryParams {

    private QueryParams() {
    }

    /** The enum constant (case-insensitive), null when absent or blank. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.badRequest("validation", parameter + " must be one of " + allowed,
                    List.of(new Problem.FieldError(parameter, "one of " + allowed)));
        }
    }

    /** {@code true} or {@code false}, null when absent or blank. */
    public static Boolean bool(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("validation", parameter + " must be true or false",
                    List.of(new Problem.FieldError(parameter, "true or false")));
        };
    }

    /** Trimmed text of at most {@code max} characters, null when absent or blank. */
    public static String text(String value, int max, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.badRequest("validation", parameter + " is longer than " + max + " characters",
                    List.of(new Problem.FieldError(parameter, "at most " + max + " characters")));
        }
        return value.trim();
    }
}
