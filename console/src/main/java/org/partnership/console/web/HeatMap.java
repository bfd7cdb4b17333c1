package org.partnership.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The risk heat map (likelihood x impact, 5 x 5) as data for a server-rendered SVG: each cell prints its count, so
 * colour is never the only signal.
 */
public record HeatMap(List<Cell> cells, List<Label> likelihoods, int size) {

    public static final int CELL = 56;

    public record Cell(int likelihood, int impact, int count, int x, int y, String fill, String text) {
    }

    /** A likelihood's label on the left axis, level with its row (Qute does no arithmetic: positions come from here). */
    public record Label(int value, int y) {
    }

    public static HeatMap of(List<Map<String, Object>> risks) {
        int[][] counts = new int[6][6];
        for (Map<String, Object> risk : risks) {
            int l = clamp(risk.get("likelihood"));
            int i = clamp(risk.get("impact"));
            if (l > 0 && i > 0) {
                counts[l][i]++;
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int l = 5; l >= 1; l--) {
            for (int i = 1; i <= 5; i++) {
                int score = l * i;
                // contrast: dark text on the light colours, white on the dark red (>= 4.5:1 either way)
                String fill = score >= 15 ? "#9b1c1c" : score >= 8 ? "#f4a259" : score >= 4 ? "#f6e27f" : "#cfe8cf";
                String text = score >= 15 ? "#ffffff" : "#1a1a1a";
                cells.add(new Cell(l, i, counts[l][i], 40 + (i - 1) * CELL, (5 - l) * CELL, fill, text));
            }
        }
        List<Label> likelihoods = new ArrayList<>();
        for (int l = 5; l >= 1; l--) {
            likelihoods.add(new Label(l, (5 - l) * CELL + 33));
        }
        return new HeatMap(cells, List.copyOf(likelihoods), 40 + 5 * CELL);
    }

    private static int clamp(Object value) {
        try {
            int v = Integer.parseInt(String.valueOf(value));
            return v >= 1 && v <= 5 ? v : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
