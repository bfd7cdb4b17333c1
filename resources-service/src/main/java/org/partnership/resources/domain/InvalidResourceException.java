package org.partnership.resources.domain;

/** A request that breaks a domain rule about one of its fields (400, naming the field). */
public class InvalidResourceException extends RuntimeException {

    private final String field;

    public InvalidResourceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
