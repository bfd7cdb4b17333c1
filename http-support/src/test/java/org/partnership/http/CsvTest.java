package org.partnership.http;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void shouldQuoteWhatRfc4180AsksAndLeaveEmptyCellsForNulls() {
        assertThat(Csv.row(Arrays.asList("plain", 42, null, "a,b", "say \"hi\"", "two\nlines"))).isEqualTo(
                "plain,42,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
        assertThat(Csv.row(List.of())).isEqualTo("\r\n");
    }

    @Test
    void shouldNeverLetASpreadsheetEvaluateAText() {
        assertThat(Csv.row(List.of("=SUM(A1)", "+1", "-x", "@cmd", "\tTab"))).isEqualTo(
                "\"'=SUM(A1)\",\"'+1\",\"'-x\",\"'@cmd\",\"'\tTab\"\r\n");
        // numbers are not texts: a negative amount stays a number
        assertThat(Csv.row(List.of(-5, new java.math.BigDecimal("-1.50")))).isEqualTo("-5,-1.50\r\n");
    }
}
