package org.partnership.console.i18n;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FmtTest {

    private final Fmt en = new Fmt(Locale.ENGLISH);
    private final Fmt it = new Fmt(Locale.ITALIAN);

    @Test
    void shouldFormatDatesNumbersAndMoneyForTheLocale() {
        assertThat(en.date("2026-03-01")).isEqualTo("Mar 1, 2026");
        assertThat(it.date("2026-03-01")).isEqualTo("1 mar 2026");
        assertThat(en.num("25000.5")).isEqualTo("25,000.5");
        assertThat(it.num("25000.5")).isEqualTo("25.000,5");
        assertThat(it.money("1200.00", "EUR")).isEqualTo("1.200,00\u00a0€");
        assertThat(en.money("1200.00", "EUR")).isEqualTo("€1,200.00");
    }

    @Test
    void shouldFormatAnInstantAsADateAndTimeInUtcForTheLocale() {
        // English's 12-hour clock: a space before PM, which newer JDKs (CLDR 42) make a narrow no-break one
        assertThat(en.dateTime("2026-03-01T14:05:07.123456Z")).matches("Mar 1, 2026, 2:05:07\\hPM UTC");
        assertThat(it.dateTime("2026-03-01T14:05:07.123456Z")).isEqualTo("1 mar 2026, 14:05:07 UTC");
        assertThat(it.dateTime("2026-03-01T23:30:00+02:00")).isEqualTo("1 mar 2026, 21:30:00 UTC");
    }

    @Test
    void shouldShowWhatIsNotADateOrNumberAsItCame() {
        assertThat(en.date("soon")).isEqualTo("soon");
        assertThat(en.num("n/a")).isEqualTo("n/a");
        assertThat(en.date(null)).isEmpty();
        assertThat(en.dateTime("yesterday")).isEqualTo("yesterday");
        assertThat(en.dateTime(null)).isEmpty();
        assertThat(en.pct("250")).isEqualTo(100);
        assertThat(en.pct("33.9")).isEqualTo(33);
    }
}
