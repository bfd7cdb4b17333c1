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
    void shouldShowWhatIsNotADateOrNumberAsItCame() {
        assertThat(en.date("soon")).isEqualTo("soon");
        assertThat(en.num("n/a")).isEqualTo("n/a");
        assertThat(en.date(null)).isEmpty();
        assertThat(en.pct("250")).isEqualTo(100);
        assertThat(en.pct("33.9")).isEqualTo(33);
    }
}
