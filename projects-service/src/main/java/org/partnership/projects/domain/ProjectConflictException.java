package org.partnership.projects.domain;

/** A request that contradicts the project's current state (409), e.g. an illegal lifecycle transition. */
public class ProjectConflictException extends RuntimeException {

    private final String code;

    public ProjectConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
