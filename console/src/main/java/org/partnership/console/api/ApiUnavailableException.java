package org.partnership.console.api;

/** The API did not answer in time, or answered 5xx: the page says so, never with a stack trace. */
public class ApiUnavailableException extends RuntimeException {
    public ApiUnavailableException(String message) {
        super(message, null, false, false);
    }
}
