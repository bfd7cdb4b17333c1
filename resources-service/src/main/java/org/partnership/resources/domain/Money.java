package org.partnership.resources.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** A monetary valuation: a decimal amount and an ISO 4217 currency code. Never floating point. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        currency = currency.trim().toUpperCase(Locale.ROOT);
        if (!isIsoCurrency(currency)) {
            throw new InvalidResourceException("valuation.currency", "'" + currency + "' is not an ISO 4217 currency code");
        }
        if (amount.signum() < 0) {
            throw new InvalidResourceException("valuation.amount", "must not be negative");
        }
    }

    public static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The amount as a decimal string with at least the currency's minor-unit digits ("1800.00", "5000" JPY). */
    public static String format(BigDecimal amount, String currency) {
        BigDecimal stripped = amount.stripTrailingZeros();
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        if (stripped.scale() < digits) {
            stripped = stripped.setScale(digits);
        }
        return stripped.toPlainString();
    }
}
