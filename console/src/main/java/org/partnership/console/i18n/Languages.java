package org.partnership.console.i18n;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Map;
import java.util.Locale;

/** English and Italian: the "lang" cookie (the switch) wins, then Accept-Language, then English. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("en", "it");
    public static final String COOKIE = "lang";

    private Languages() {
    }

    public static Locale of(HttpHeaders headers) {
        return of(headers.getCookies(), headers.getAcceptableLanguages());
    }

    public static Locale of(ContainerRequestContext request) {
        return of(request.getCookies(), request.getAcceptableLanguages());
    }

    /** The language cookie (the header's switch) first, then the browser's Accept-Language, then English. */
    private static Locale of(Map<String, Cookie> cookies, List<Locale> acceptable) {
        var cookie = cookies.get(COOKIE);
        if (cookie != null && SUPPORTED.contains(cookie.getValue())) {
            return Locale.forLanguageTag(cookie.getValue());
        }
        for (Locale accepted : acceptable) {
            if (SUPPORTED.contains(accepted.getLanguage())) {
                return Locale.forLanguageTag(accepted.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }
}
