package org.partnership.resources.domain;

/** A request that contradicts the current state (409), with a stable code for clients. */
public class ResourceConflictException extends RuntimeException {

    private final String code;

    public ResourceConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
