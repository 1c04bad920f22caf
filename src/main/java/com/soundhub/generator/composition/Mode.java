package com.soundhub.generator.composition;

import java.util.List;

/**
 * Diatonic mode of a key. All modes are rotations of the major scale, which keeps every
 * generated piece inside one of the 24 major/minor pitch sets.
 */
public enum Mode {
    MAJOR("major", "major", 0, 0, 2, 4, 5, 7, 9, 11),
    MINOR("minor", "minor", 9, 0, 2, 3, 5, 7, 8, 10),
    DORIAN("dorian", "dorian", 2, 0, 2, 3, 5, 7, 9, 10),
    PHRYGIAN("phrygian", "phrygian", 4, 0, 1, 3, 5, 7, 8, 10),
    LYDIAN("lydian", "lydian", 5, 0, 2, 4, 6, 7, 9, 11),
    MIXOLYDIAN("mixolydian", "mixolydian", 7, 0, 2, 4, 5, 7, 9, 10);

    private final String label;
    private final String slug;
    private final int offsetFromParentMajor;
    private final int[] intervals;

    Mode(String label, String slug, int offsetFromParentMajor, int... intervals) {
        this.label = label;
        this.slug = slug;
        this.offsetFromParentMajor = offsetFromParentMajor;
        this.intervals = intervals;
    }

    /** Human-readable name. */
    public String label() {
        return label;
    }

    /** URL-friendly identifier. */
    public String slug() {
        return slug;
    }

    /** Semitones above the tonic of the seven scale degrees, starting with 0. */
    public List<Integer> intervals() {
        return java.util.Arrays.stream(intervals).boxed().toList();
    }

    /** Semitones above the tonic of the given scale degree; any integer degree wraps by octaves. */
    public int semitonesOf(int degree) {
        int octave = Math.floorDiv(degree, 7);
        return octave * 12 + intervals[Math.floorMod(degree, 7)];
    }

    /** True when the tonic triad is minor, i.e. the mode sounds "minor". */
    public boolean isMinor() {
        return intervals[2] == 3;
    }

    /** Distance in semitones from the tonic of the major scale sharing this mode's notes. */
    int offsetFromParentMajor() {
        return offsetFromParentMajor;
    }

    /**
     * Looks a mode up by its slug (case-insensitive); {@code ionian} and {@code aeolian}
     * are accepted as synonyms of major and minor.
     *
     * @throws IllegalArgumentException if no mode matches
     */
    public static Mode fromSlug(String slug) {
        if (slug != null) {
            String s = slug.strip().toLowerCase(java.util.Locale.ROOT);
            if (s.equals("ionian")) {
                return MAJOR;
            }
            if (s.equals("aeolian")) {
                return MINOR;
            }
        }
        return Slugs.find(values(), slug, Mode::slug, "mode");
    }
}
