package org.partnership.resources.rest;

import org.partnership.http.Ids;
import org.partnership.http.Page;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;
import org.partnership.resources.repository.ContributionRepository;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The {@code cursor} of a list (contributions, commitments, needs, risks): where the previous page ended. */
final class ContributionCursor {

    private ContributionCursor() {
    }

    static ContributionRepository.Position parse(String cursor) {
        return keyset(cursor, ContributionRepository.Position::new);
    }

    /** A {@code (created_at, id)} cursor of any list ordered that way (contributions, needs, risks); null for the first page. */
    static <P> P keyset(String cursor, java.util.function.BiFunction<OffsetDateTime, java.util.UUID, P> position) {
        String[] key = Page.position(cursor, 2);
        if (key == null) {
            return null;
        }
        try {
            return position.apply(OffsetDateTime.parse(key[0]), Ids.uuid(key[1], "cursor"));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("validation", "cursor is not valid; use the 'next' value of a previous page",
                    List.of(new Problem.FieldError("cursor", "not a cursor from this list")));
        }
    }
}
