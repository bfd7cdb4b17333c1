package org.partnership.console.i18n;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;

/** English and Italian: the "lang" cookie (the switch) wins, then Accept-Language, then English. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("en", "it");
    public static final String COOKIE = "lang";

    private Languages() {
    }

    public static Locale of(HttpHeaders headers) {
        var cookie = headers.getCookies().get(COOKIE);
        if (cookie != null && SUPPORTED.contains(cookie.getValue())) {
            return Locale.forLanguageTag(cookie.getValue());
        }
        for (Locale accepted : headers.getAcceptableLanguages()) {
            if (SUPPORTED.contains(accepted.getLanguage())) {
                return Locale.forLanguageTag(accepted.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }
}
