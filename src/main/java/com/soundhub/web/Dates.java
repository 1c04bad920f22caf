package com.soundhub.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Dates and durations as pages show them; templates use it as {@code dates}. */
@SameForEveryViewer
@Named("dates")
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public String monthYear(Instant instant) {
        return instant == null ? "" : MONTH_YEAR.format(instant);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** "just now", "5 minutes ago", "3 days ago", then the date. */
    public String ago(Instant instant) {
        return ago(instant, Instant.now());
    }

    String ago(Instant instant, Instant now) {
        if (instant == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(instant, now).toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return plural(seconds / 60, "minute") + " ago";
        }
        if (seconds < 86_400) {
            return plural(seconds / 3600, "hour") + " ago";
        }
        if (seconds < 30 * 86_400L) {
            return plural(seconds / 86_400, "day") + " ago";
        }
        return DAY.format(instant);
    }

    /** A duration in seconds as m:ss or h:mm:ss, as players show it. */
    public String clock(double totalSeconds) {
        return clockOf(totalSeconds);
    }

    /** {@link #clock(double)} for code that has no bean at hand. */
    public static String clockOf(double totalSeconds) {
        long seconds = Math.max(0, Math.round(Math.floor(totalSeconds)));
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long rest = seconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
