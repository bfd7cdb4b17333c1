package org.partnership.console.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An indicator's measurements over time as data for a server-rendered SVG line chart (#20): the measured values
 * joined by a line, the dated targets as hollow markers and the final target as a dashed line, on a date axis that
 * runs from the first measurement (or baseline) to the last target due. Qute does no arithmetic: every position is
 * computed here. Values and dates stay as the API sent them, formatted by the template for the page's locale.
 */
public record IndicatorChart(int width, int height, String line, List<Point> points, List<Point> targets, Integer targetY,
                             String top, String bottom, String from, String to) {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 170;
    static final int LEFT = 56;
    static final int RIGHT = WIDTH - 12;
    static final int TOP = 12;
    static final int BOTTOM = HEIGHT - 34;

    /** A value on a date at its position in the chart. */
    public record Point(int x, int y, String value, String date) {
    }

    /**
     * @param indicator the API's indicator (baseline, target, targets[] of {value, dueDate})
     * @param measurements the API's measurements of it (value, measuredAt), in any order
     */
    public static IndicatorChart of(Map<String, Object> indicator, List<Map<String, Object>> measurements) {
        List<Point> measured = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        for (Map<String, Object> m : measurements) {
            Value v = Value.of(m.get("value"), m.get("measuredAt"));
            if (v != null) {
                values.add(v);
            }
        }
        values.sort(Comparator.comparing(Value::date));
        List<Value> targets = new ArrayList<>();
        if (indicator.get("targets") instanceof List<?> list) {
            for (Object t : list) {
                if (t instanceof Map<?, ?> target) {
                    Value v = Value.of(target.get("value"), target.get("dueDate"));
                    if (v != null) {
                        targets.add(v);
                    }
                }
            }
        }
        targets.sort(Comparator.comparing(Value::date));
        BigDecimal baseline = decimal(indicator.get("baseline"));
        BigDecimal finalTarget = decimal(indicator.get("target"));

        BigDecimal lo = baseline != null ? baseline : BigDecimal.ZERO;
        BigDecimal hi = lo;
        for (Value v : concat(values, targets)) {
            lo = lo.min(v.value());
            hi = hi.max(v.value());
        }
        if (finalTarget != null) {
            lo = lo.min(finalTarget);
            hi = hi.max(finalTarget);
        }
        if (hi.compareTo(lo) == 0) {
            hi = lo.add(BigDecimal.ONE);
        }
        List<Value> dated = concat(values, targets);
        long first = dated.stream().map(Value::date).min(Comparator.naturalOrder()).map(LocalDate::toEpochDay).orElse(0L);
        long last = dated.stream().map(Value::date).max(Comparator.naturalOrder()).map(LocalDate::toEpochDay).orElse(first);

        StringBuilder line = new StringBuilder();
        for (Value v : values) {
            Point p = new Point(x(v.date().toEpochDay(), first, last), y(v.value(), lo, hi), v.text(), v.date().toString());
            measured.add(p);
            line.append(line.isEmpty() ? "" : " ").append(p.x()).append(',').append(p.y());
        }
        List<Point> marks = new ArrayList<>();
        for (Value t : targets) {
            marks.add(new Point(x(t.date().toEpochDay(), first, last), y(t.value(), lo, hi), t.text(), t.date().toString()));
        }
        return new IndicatorChart(WIDTH, HEIGHT, line.toString(), List.copyOf(measured), List.copyOf(marks),
                finalTarget == null ? null : y(finalTarget, lo, hi), hi.stripTrailingZeros().toPlainString(),
                lo.stripTrailingZeros().toPlainString(), dated.isEmpty() ? null : LocalDate.ofEpochDay(first).toString(),
                dated.isEmpty() ? null : LocalDate.ofEpochDay(last).toString());
    }

    /** The left edge of the plot (where the value labels end), for the template's axis. */
    public int left() {
        return LEFT;
    }

    public int right() {
        return RIGHT;
    }

    public int plotTop() {
        return TOP;
    }

    public int plotBottom() {
        return BOTTOM;
    }

    /** The baseline of the date labels, under the plot. */
    public int labels() {
        return BOTTOM + 22;
    }

    private static int x(long day, long first, long last) {
        if (last == first) {
            return (LEFT + RIGHT) / 2;
        }
        return (int) Math.round(LEFT + (double) (day - first) / (last - first) * (RIGHT - LEFT));
    }

    private static int y(BigDecimal value, BigDecimal lo, BigDecimal hi) {
        double share = value.subtract(lo).doubleValue() / hi.subtract(lo).doubleValue();
        return (int) Math.round(BOTTOM - share * (BOTTOM - TOP));
    }

    private static List<Value> concat(List<Value> a, List<Value> b) {
        List<Value> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static BigDecimal decimal(Object value) {
        try {
            return value == null ? null : new BigDecimal(value.toString());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private record Value(BigDecimal value, LocalDate date, String text) {
        static Value of(Object value, Object date) {
            BigDecimal v = decimal(value);
            if (v == null || date == null) {
                return null;
            }
            try {
                return new Value(v, LocalDate.parse(date.toString().substring(0, Math.min(10, date.toString().length()))), value.toString());
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
