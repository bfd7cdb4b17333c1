package org.partnership.notifications.domain;

import java.util.Locale;

/**
 * A member of a partner as the member events described them: the user id (token subject), username and, when the
 * event carried them, e-mail address and language. No address: in-app only; no language: English.
 */
public record Recipient(String userId, String username, String email, String locale) {

    /** The language of the recipient's notifications: Italian or English (anything else). */
    public String language() {
        return Languages.of(locale);
    }

    /** Languages the notifications are written in. */
    public static final class Languages {
        private Languages() {
        }

        public static String of(String locale) {
            return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("it") ? "it" : "en";
        }
    }
}
