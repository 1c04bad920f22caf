package com.soundhub.cli;

import java.util.Locale;

/** Byte counts for people: 512 B, 12.3 MB, 1.2 GB (powers of 1000). */
final class Sizes {

    private static final String[] UNITS = {"kB", "MB", "GB", "TB"};

    private Sizes() {
    }

    static String of(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
