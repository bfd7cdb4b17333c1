package org.partnership.console.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Dates, times, numbers and money for the page's locale (the API sends ISO dates, instants and decimal strings). */
public final class Fmt {

    private final Locale locale;

    public Fmt(Locale locale) {
        this.locale = locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    public String date(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        String text = iso.toString();
        try {
            LocalDate date = text.length() > 10 ? Instant.parse(text).atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.parse(text);
            return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
        } catch (RuntimeException notADate) {
            return text;
        }
    }

    /**
     * An instant (the API's ISO-8601) as a date and time for the locale, in UTC and saying so: the audit trail's "when"
     * (the machine-readable instant stays beside it, in the page's {@code <time datetime>}).
     */
    public String dateTime(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        try {
            return Instant.parse(iso.toString()).atZone(ZoneId.of("UTC"))
                    .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.LONG).withLocale(locale));
        } catch (RuntimeException notAnInstant) {
            return iso.toString();
        }
    }

    public String num(Object decimal) {
        if (decimal == null || decimal.toString().isBlank()) {
            return "";
        }
        try {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(2);
            return format.format(new BigDecimal(decimal.toString()));
        } catch (NumberFormatException notANumber) {
            return decimal.toString();
        }
    }

    public String money(Object amount, Object currency) {
        if (amount == null || currency == null) {
            return "";
        }
        try {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(Currency.getInstance(currency.toString()));
            return format.format(new BigDecimal(amount.toString()));
        } catch (IllegalArgumentException unknown) {
            return amount + " " + currency;
        }
    }

    /** A percentage (0-100) clamped for a bar's value. */
    public int pct(Object decimal) {
        try {
            return Math.max(0, Math.min(100, new BigDecimal(decimal.toString()).intValue()));
        } catch (RuntimeException notANumber) {
            return 0;
        }
    }
}
