package org.partnership.partners.domain;

/** A request that contradicts the partner's current state or another partner (409). */
public class PartnerConflictException extends RuntimeException {

    private final String code;

    public PartnerConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
