package org.partnership.partners.domain;

/** The user to add as a member has no account on the platform (422: the request names no one). */
public class UnknownUserException extends RuntimeException {

    public UnknownUserException(String user) {
        super("no user with the username or e-mail address " + user + " has an account: they sign up first");
    }
}
