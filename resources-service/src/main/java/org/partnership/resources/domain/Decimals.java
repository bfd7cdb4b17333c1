package org.partnership.resources.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Quantities and percentages as plain decimal strings ("120", "37.5"): never exponent notation, never floats. */
public final class Decimals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    public static String format(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** {@code part / whole × 100}, two decimals, capped at 100 (0 when whole is 0). */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN).min(HUNDRED);
    }
}
