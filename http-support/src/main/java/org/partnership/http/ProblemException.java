package org.partnership.http;

import java.util.List;

/**
 * An error the client can act on, answered as an RFC 9457 problem. Services' domain exceptions are mapped to
 * these in their {@code rest/problem} mappers, or extend it for purely HTTP concerns (preconditions, paging).
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String slug, String title, String detail) {
        this(Problem.of(status, slug, title, detail));
    }

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String slug, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(400, slug, "Invalid request", detail).withErrors(errors));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist or is not visible to you");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }
}
