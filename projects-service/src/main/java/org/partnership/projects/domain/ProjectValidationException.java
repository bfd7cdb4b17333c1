package org.partnership.projects.domain;

/** A cross-field rule of a request is broken, e.g. the planned end before the start (400 naming the field). */
public class ProjectValidationException extends RuntimeException {

    private final String field;

    public ProjectValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
