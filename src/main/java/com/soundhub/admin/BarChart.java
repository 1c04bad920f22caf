package com.soundhub.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A count per day drawn as bars: the geometry of an SVG the dashboard's template draws. Heights
 * scale to the busiest day; every bar has a title (day and count) for pointers and screen readers.
 */
public record BarChart(String title, long total, long max, List<Bar> bars) {

    public static final int WIDTH = 300;
    public static final int HEIGHT = 80;

    /** One day's bar. */
    public record Bar(double x, double y, double width, double height, String label) {
    }

    public static BarChart of(String title, Map<LocalDate, Long> perDay) {
        long max = perDay.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long total = perDay.values().stream().mapToLong(Long::longValue).sum();
        double slot = (double) WIDTH / Math.max(1, perDay.size());
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
            double height = max == 0 ? 0 : Math.max(day.getValue() > 0 ? 1 : 0, (double) day.getValue() / max * (HEIGHT - 2));
            bars.add(new Bar(round(i * slot + 1), round(HEIGHT - height), round(Math.max(1, slot - 2)), round(height),
                    day.getKey() + ": " + day.getValue()));
            i++;
        }
        return new BarChart(title, total, max, bars);
    }

    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.1f", value));
    }
}
