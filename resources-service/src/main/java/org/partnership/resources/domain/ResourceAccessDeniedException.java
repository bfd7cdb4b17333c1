package org.partnership.resources.domain;

/** The caller may see the object but not do this to it (403); the message says why. */
public class ResourceAccessDeniedException extends RuntimeException {

    public ResourceAccessDeniedException(String message) {
        super(message);
    }
}
