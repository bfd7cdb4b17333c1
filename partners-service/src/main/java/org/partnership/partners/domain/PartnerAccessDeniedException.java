package org.partnership.partners.domain;

/** The caller may see the partner but not do this to it (403). */
public class PartnerAccessDeniedException extends RuntimeException {

    public PartnerAccessDeniedException(String message) {
        super(message);
    }
}
