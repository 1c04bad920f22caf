package com.soundhub.generator.composition;

import java.util.List;

/**
 * A chord of the harmonic plan.
 *
 * @param root      pitch class of the root, 0-11
 * @param intervals semitones above the root of every chord tone, ascending, starting with 0
 *                  (extensions such as a ninth are above 12)
 * @param symbol    lead-sheet symbol such as {@code "Am7"}
 * @param numeral   Roman-numeral function in the key such as {@code "vi7"} or {@code "V7/ii"}
 */
public record Chord(int root, List<Integer> intervals, String symbol, String numeral) {

    public Chord {
        if (root < 0 || root > 11) {
            throw new IllegalArgumentException("chord root must be a pitch class 0-11 but was " + root);
        }
        intervals = List.copyOf(intervals);
        if (intervals.isEmpty() || intervals.get(0) != 0) {
            throw new IllegalArgumentException("chord intervals must start with the root (0)");
        }
    }

    /** True when the pitch class is one of this chord's tones. */
    public boolean contains(int pitchClass) {
        for (int interval : intervals) {
            if (Math.floorMod(root + interval, 12) == Math.floorMod(pitchClass, 12)) {
                return true;
            }
        }
        return false;
    }

    /** Pitch class of the chord tone at the given index (0 = root, 1 = third, 2 = fifth...). */
    public int pitchClass(int index) {
        return Math.floorMod(root + intervals.get(index), 12);
    }

    /** Number of distinct chord tones. */
    public int size() {
        return intervals.size();
    }

    @Override
    public String toString() {
        return symbol;
    }
}
