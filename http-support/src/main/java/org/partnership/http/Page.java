package org.partnership.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a keyset-paginated list: {@code next} is the opaque cursor of the following page, or null on the last.
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** The page size to use (query parameter {@code limit}): default 20; 400 naming it unless a whole number in 1..100. */
    public static int limit(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(requested.trim());
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("validation", "limit must be a whole number between 1 and " + MAX_LIMIT,
                    List.of(new Problem.FieldError("limit", "must be a whole number between 1 and " + MAX_LIMIT)));
        }
        return limit;
    }

    /** An opaque cursor from the sort key of the last item of a page. */
    public static String cursor(String... sortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\u0000", sortKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key inside a cursor (null for the first page); 400 when it is not one of ours. */
    public static String[] position(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", -1);
            if (key.length == parts) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.badRequest("validation", "cursor is not valid; use the 'next' value of a previous page",
                List.of(new Problem.FieldError("cursor", "not a cursor from this list")));
    }
}
