package com.soundhub.generator.composition;

import java.util.Locale;

/**
 * A tonal centre: tonic pitch class (0 = C ... 11 = B) and mode.
 *
 * @param tonic pitch class of the tonic, 0-11
 * @param mode  the diatonic mode
 */
public record Key(int tonic, Mode mode) {

    private static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    private static final String[] FLAT_NAMES = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};
    /** Key-signature accidentals of the major key on each pitch class (negative = flats). */
    private static final int[] MAJOR_SIGNATURE = {0, -5, 2, -3, 4, -1, 6, 1, -4, 3, -2, 5};

    public Key {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("key tonic must be a pitch class 0-11 but was " + tonic);
        }
        if (mode == null) {
            throw new IllegalArgumentException("key mode must not be null");
        }
    }

    public static Key of(int tonic, Mode mode) {
        return new Key(tonic, mode);
    }

    /**
     * Parses keys such as {@code "A minor"}, {@code "F# dorian"}, {@code "Bb major"} or the
     * slug form {@code "f-sharp-dorian"}.
     *
     * @throws IllegalArgumentException if the text is not a key
     */
    public static Key parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("key must not be blank, e.g. 'A minor' or 'f-sharp-dorian'");
        }
        String s = text.strip().toLowerCase(Locale.ROOT).replace("-sharp", "#").replace("-flat", "b");
        String[] parts = s.split("[\\s-]+");
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("unrecognised key '" + text + "'; expected e.g. 'A minor' or 'f-sharp-dorian'");
        }
        int tonic = parseTonic(parts[0], text);
        return new Key(tonic, Mode.fromSlug(parts[1]));
    }

    private static int parseTonic(String name, String original) {
        int base = switch (name.charAt(0)) {
            case 'c' -> 0;
            case 'd' -> 2;
            case 'e' -> 4;
            case 'f' -> 5;
            case 'g' -> 7;
            case 'a' -> 9;
            case 'b' -> 11;
            default -> throw new IllegalArgumentException("unrecognised key tonic in '" + original + "'");
        };
        String accidental = name.substring(1);
        return switch (accidental) {
            case "" -> base;
            case "#" -> Math.floorMod(base + 1, 12);
            case "b" -> Math.floorMod(base - 1, 12);
            default -> throw new IllegalArgumentException("unrecognised accidental in key '" + original + "'");
        };
    }

    /** Pitch class of a scale degree (0 = tonic); degrees outside 0-6 wrap. */
    public int pitchClassOf(int degree) {
        return Math.floorMod(tonic + mode.semitonesOf(degree), 12);
    }

    /** True when the pitch class belongs to this key's scale. */
    public boolean contains(int pitchClass) {
        int rel = Math.floorMod(pitchClass - tonic, 12);
        for (int degree = 0; degree < 7; degree++) {
            if (mode.semitonesOf(degree) == rel) {
                return true;
            }
        }
        return false;
    }

    /** Number of sharps (positive) or flats (negative) in the key signature, -7..7. */
    public int signatureAccidentals() {
        return MAJOR_SIGNATURE[Math.floorMod(tonic - mode.offsetFromParentMajor(), 12)];
    }

    /** Name of a pitch class spelled with this key's accidentals. */
    public String spell(int pitchClass) {
        String[] names = signatureAccidentals() < 0 ? FLAT_NAMES : SHARP_NAMES;
        return names[Math.floorMod(pitchClass, 12)];
    }

    /** Human-readable name, e.g. {@code "F# dorian"}. */
    public String label() {
        return spell(tonic) + " " + mode.label();
    }

    /** URL-friendly form, e.g. {@code "f-sharp-dorian"}; accepted by {@link #parse(String)}. */
    public String slug() {
        String name = spell(tonic).toLowerCase(Locale.ROOT).replace("#", "-sharp");
        if (name.length() == 2 && name.charAt(1) == 'b') {
            name = name.charAt(0) + "-flat";
        }
        return name + "-" + mode.slug();
    }

    @Override
    public String toString() {
        return label();
    }
}
