package org.partnership.notifications.domain;

/** How a user wants a kind of notification: in the app only, also by e-mail at once (the default), or in a daily digest. */
public enum Channel {
    IN_APP, EMAIL, DIGEST;

    public static final Channel DEFAULT = EMAIL;
}
