package org.partnership.http;

import java.util.List;

/**
 * RFC 4180 CSV rows for the services' exports (resources-service's commitments, audit-service's trail), with
 * spreadsheet formula injection defused in text cells: a text starting with {@code = + - @}, a tab or a carriage return
 * is prefixed with {@code '} (and quoted), so that a spreadsheet shows it as text and never evaluates it.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** One row, cells separated by commas, ended by CRLF; null cells are empty. */
    public static String row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.startsWith("'")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
