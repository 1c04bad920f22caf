package com.soundhub.generator.composition;

import java.util.ArrayList;
import java.util.List;

/**
 * Objective descriptors of a composition, defined exactly as MusPy defines its metrics of
 * the same names, computed on the composition's notes re-sampled to a time grid of
 * {@code stepsPerBeat} steps per quarter note (MusPy's {@code resolution}).
 *
 * <ul>
 *   <li>{@code pitchClassEntropy}: Shannon entropy in bits of the pitch-class histogram; drums ignored.</li>
 *   <li>{@code scaleConsistency}: largest fraction of notes inside one of the 24 major and
 *       natural-minor scales; drums ignored.</li>
 *   <li>{@code grooveConsistency}: 1 minus the mean Hamming distance between the binary onset
 *       vectors of neighbouring bars, divided by the steps per bar; all parts count.</li>
 *   <li>{@code emptyBeatRate}: fraction of beats in which no note sounds; all parts count.</li>
 *   <li>{@code polyphony}: mean number of pitches sounding at the time steps where at least one
 *       sounds; drums ignored.</li>
 *   <li>{@code pitchRange}: highest minus lowest pitch; drums ignored; 0 without notes.</li>
 * </ul>
 *
 * <p>Undefined values (no notes, fewer than two bars) are {@link Double#NaN}, as in MusPy.
 * The default grid is the sixteenth note (4 steps per beat), the resolution at which the
 * composer places rhythms, so timing humanisation does not count as groove variation;
 * passing the composition's own {@code ticksPerQuarter} reproduces MusPy on the raw MIDI.
 */
public record MusicMetrics(double pitchClassEntropy, double scaleConsistency, double grooveConsistency,
                           double emptyBeatRate, double polyphony, int pitchRange) {

    /** Default grid: sixteenth notes. */
    public static final int DEFAULT_STEPS_PER_BEAT = 4;

    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR_SCALE = {0, 2, 3, 5, 7, 8, 10};

    /** A note on the metric grid. */
    private record GridNote(int start, int end, int pitch, boolean drum) {
    }

    /** Metrics on the sixteenth-note grid. */
    public static MusicMetrics of(Composition composition) {
        return of(composition, DEFAULT_STEPS_PER_BEAT);
    }

    /**
     * Metrics on a grid of {@code stepsPerBeat} steps per quarter note.
     *
     * @throws IllegalArgumentException if {@code stepsPerBeat} is not positive
     */
    public static MusicMetrics of(Composition composition, int stepsPerBeat) {
        if (stepsPerBeat < 1) {
            throw new IllegalArgumentException("stepsPerBeat must be positive but was " + stepsPerBeat);
        }
        List<GridNote> notes = toGrid(composition, stepsPerBeat);
        int stepsPerBar = stepsPerBeat * composition.timeSignature().numerator() * 4
                / composition.timeSignature().denominator();
        return new MusicMetrics(pitchClassEntropy(notes), scaleConsistency(notes),
                grooveConsistency(notes, stepsPerBar), emptyBeatRate(notes, stepsPerBeat),
                polyphony(notes), pitchRange(notes));
    }

    private static List<GridNote> toGrid(Composition composition, int stepsPerBeat) {
        int ppq = composition.ticksPerQuarter();
        List<GridNote> notes = new ArrayList<>();
        for (Part part : composition.parts()) {
            for (Note note : part.notes()) {
                notes.add(new GridNote(round(note.tick(), stepsPerBeat, ppq), round(note.endTick(), stepsPerBeat, ppq),
                        note.pitch(), part.isDrums()));
            }
        }
        return notes;
    }

    /** Nearest grid step, halves rounding up. */
    private static int round(long tick, int stepsPerBeat, int ppq) {
        return (int) Math.floorDiv(2 * tick * stepsPerBeat + ppq, 2L * ppq);
    }

    private static double pitchClassEntropy(List<GridNote> notes) {
        double[] counts = new double[12];
        double total = 0;
        for (GridNote n : notes) {
            if (!n.drum()) {
                counts[n.pitch() % 12]++;
                total++;
            }
        }
        if (total < 1) {
            return Double.NaN;
        }
        double entropy = 0;
        for (double c : counts) {
            if (c > 0) {
                double p = c / total;
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy;
    }

    private static double scaleConsistency(List<GridNote> notes) {
        int[] counts = new int[12];
        int total = 0;
        for (GridNote n : notes) {
            if (!n.drum()) {
                counts[n.pitch() % 12]++;
                total++;
            }
        }
        if (total < 1) {
            return Double.NaN;
        }
        double best = 0;
        for (int[] scale : new int[][]{MAJOR_SCALE, MINOR_SCALE}) {
            for (int root = 0; root < 12; root++) {
                int inScale = 0;
                for (int interval : scale) {
                    inScale += counts[(root + interval) % 12];
                }
                best = Math.max(best, (double) inScale / total);
            }
        }
        return best;
    }

    private static int length(List<GridNote> notes) {
        int length = 0;
        for (GridNote n : notes) {
            length = Math.max(length, n.end());
        }
        return length;
    }

    private static double grooveConsistency(List<GridNote> notes, int stepsPerBar) {
        int measures = length(notes) / stepsPerBar + 1;
        if (measures < 2) {
            return Double.NaN;
        }
        boolean[][] onsets = new boolean[measures][stepsPerBar];
        for (GridNote n : notes) {
            onsets[n.start() / stepsPerBar][n.start() % stepsPerBar] = true;
        }
        long distance = 0;
        for (int m = 0; m + 1 < measures; m++) {
            for (int s = 0; s < stepsPerBar; s++) {
                if (onsets[m][s] != onsets[m + 1][s]) {
                    distance++;
                }
            }
        }
        return 1.0 - (double) distance / ((long) stepsPerBar * (measures - 1));
    }

    private static double emptyBeatRate(List<GridNote> notes, int stepsPerBeat) {
        int length = length(notes);
        if (length < 1) {
            return Double.NaN;
        }
        int beats = length / stepsPerBeat + 1;
        boolean[] sounding = new boolean[beats];
        int count = 0;
        for (GridNote n : notes) {
            for (int beat = n.start() / stepsPerBeat; beat <= n.end() / stepsPerBeat; beat++) {
                if (!sounding[beat]) {
                    sounding[beat] = true;
                    count++;
                }
            }
        }
        return 1.0 - (double) count / beats;
    }

    /** Counts pitch-steps per pitch (a pitch doubled by two parts counts once) over sounding steps. */
    private static double polyphony(List<GridNote> notes) {
        List<List<int[]>> byPitch = new ArrayList<>();
        for (int p = 0; p < 128; p++) {
            byPitch.add(new ArrayList<>());
        }
        List<int[]> all = new ArrayList<>();
        for (GridNote n : notes) {
            if (!n.drum() && n.end() > n.start()) {
                byPitch.get(n.pitch()).add(new int[]{n.start(), n.end()});
                all.add(new int[]{n.start(), n.end()});
            }
        }
        long sounding = unionLength(all);
        if (sounding < 1) {
            return Double.NaN;
        }
        long pitchSteps = 0;
        for (List<int[]> intervals : byPitch) {
            pitchSteps += unionLength(intervals);
        }
        return (double) pitchSteps / sounding;
    }

    private static long unionLength(List<int[]> intervals) {
        if (intervals.isEmpty()) {
            return 0;
        }
        intervals.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        long total = 0;
        int start = intervals.get(0)[0];
        int end = intervals.get(0)[1];
        for (int[] iv : intervals) {
            if (iv[0] > end) {
                total += end - start;
                start = iv[0];
                end = iv[1];
            } else {
                end = Math.max(end, iv[1]);
            }
        }
        return total + end - start;
    }

    private static int pitchRange(List<GridNote> notes) {
        int lowest = 128;
        int highest = -1;
        for (GridNote n : notes) {
            if (!n.drum()) {
                lowest = Math.min(lowest, n.pitch());
                highest = Math.max(highest, n.pitch());
            }
        }
        return highest < 0 ? 0 : highest - lowest;
    }
}
