package com.soundhub.generator.composition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Chooses chord voicings inside a register with smooth voice leading. */
final class Voicings {

    private Voicings() {
    }

    /**
     * Voices a chord as a close stack of its tones.
     *
     * @param rootless leave the root to the bass when the chord has four or more tones
     * @param voices   how many notes to use at most
     * @param previous the previous voicing, or {@code null} for the first chord
     * @return ascending pitches, all within {@code low..high}
     */
    static int[] voice(Chord chord, boolean rootless, int voices, int low, int high, int[] previous) {
        List<Integer> tones = new ArrayList<>();
        for (int i = 0; i < chord.size(); i++) {
            tones.add(chord.pitchClass(i));
        }
        if (rootless && tones.size() >= 4) {
            tones.remove(0);
        }
        while (tones.size() > voices) {
            // The fifth adds least colour, so it goes first; then the highest extension.
            int fifthIndex = rootless && chord.size() >= 4 ? 1 : 2;
            if (tones.size() > fifthIndex && chord.intervals().size() > 2 && chord.intervals().get(2) == 7
                    && tones.contains(chord.pitchClass(2))) {
                tones.remove(Integer.valueOf(chord.pitchClass(2)));
            } else {
                tones.remove(tones.size() - 1);
            }
        }

        int[] best = null;
        double bestCost = Double.MAX_VALUE;
        double centre = (low + high) / 2.0;
        for (int rotation = 0; rotation < tones.size(); rotation++) {
            for (int bottom = low; bottom < low + 12; bottom++) {
                if (bottom % 12 != tones.get(rotation)) {
                    continue;
                }
                for (int octave = 0; bottom + octave <= high; octave += 12) {
                    int[] stack = stack(tones, rotation, bottom + octave);
                    if (stack[stack.length - 1] > high) {
                        break;
                    }
                    double cost = cost(stack, previous, centre);
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = stack;
                    }
                }
            }
        }
        if (best == null) {
            // Register too narrow for a close stack: fall back to the tones folded into range.
            best = new int[tones.size()];
            for (int i = 0; i < tones.size(); i++) {
                int p = low + Math.floorMod(tones.get(i) - low, 12);
                best[i] = p;
            }
            Arrays.sort(best);
        }
        return best;
    }

    private static int[] stack(List<Integer> tones, int rotation, int bottom) {
        int[] pitches = new int[tones.size()];
        int current = bottom;
        pitches[0] = current;
        for (int i = 1; i < tones.size(); i++) {
            int pc = tones.get((rotation + i) % tones.size());
            int next = current + Math.floorMod(pc - current, 12);
            if (next == current) {
                next += 12;
            }
            pitches[i] = next;
            current = next;
        }
        return pitches;
    }

    private static double cost(int[] stack, int[] previous, double centre) {
        double mean = Arrays.stream(stack).average().orElse(centre);
        double drift = Math.abs(mean - centre) * 0.35;
        if (previous == null || previous.length == 0) {
            return drift;
        }
        double movement = 0;
        for (int i = 0; i < stack.length; i++) {
            int j = Math.min(i, previous.length - 1);
            movement += Math.abs(stack[i] - previous[j]);
        }
        return movement + drift;
    }
}
