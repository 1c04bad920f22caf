package com.soundhub.generator.composition;

import java.util.SplittableRandom;

/**
 * Probability of a note onset at each sixteenth of a 4/4 bar, following the metrical
 * hierarchy: the downbeat is most likely, then the other beats, then the off-beat
 * eighths, then the remaining sixteenths.
 *
 * <p>The {@code randomness} parameter (0-1) controls how steeply the probability falls
 * from one metrical level to the next. At 0 notes sit almost only on beats; towards 1
 * the distribution flattens so syncopations become common, yet every level stays less
 * likely than the one above it, so each beat still favours its stronger positions.
 */
public final class RhythmProbability {

    /** Sixteenth-note steps in a 4/4 bar. */
    public static final int STEPS_PER_BAR = 16;
    /** Steps in one beat. */
    public static final int STEPS_PER_BEAT = 4;
    /** Metrical level of the downbeat; larger levels are weaker. */
    public static final int DOWNBEAT = 0;
    /** Metrical level of beats 2, 3 and 4. */
    public static final int BEAT = 1;
    /** Metrical level of the off-beat eighths ("and"). */
    public static final int OFFBEAT_EIGHTH = 2;
    /** Metrical level of the remaining sixteenths ("e" and "a"). */
    public static final int SIXTEENTH = 3;

    private static final double DOWNBEAT_PROBABILITY = 0.95;
    /** Level-to-level ratio at randomness 0 and its growth up to randomness 1. */
    private static final double MIN_RATIO = 0.2;
    private static final double RATIO_SPAN = 0.65;

    private final double randomness;
    private final double[] probabilities = new double[STEPS_PER_BAR];

    /**
     * @param randomness 0 (strictly on the beat) to 1 (freely syncopated)
     * @throws IllegalArgumentException outside 0-1
     */
    public RhythmProbability(double randomness) {
        if (!(randomness >= 0 && randomness <= 1)) {
            throw new IllegalArgumentException("randomness must be between 0 and 1 but was " + randomness);
        }
        this.randomness = randomness;
        double ratio = MIN_RATIO + RATIO_SPAN * randomness;
        for (int step = 0; step < STEPS_PER_BAR; step++) {
            probabilities[step] = DOWNBEAT_PROBABILITY * Math.pow(ratio, metricalLevel(step));
        }
    }

    /** The randomness this distribution was built with. */
    public double randomness() {
        return randomness;
    }

    /**
     * Metrical level of a sixteenth step within the bar: {@link #DOWNBEAT}, {@link #BEAT},
     * {@link #OFFBEAT_EIGHTH} or {@link #SIXTEENTH}.
     */
    public static int metricalLevel(int step) {
        int s = Math.floorMod(step, STEPS_PER_BAR);
        if (s == 0) {
            return DOWNBEAT;
        }
        if (s % STEPS_PER_BEAT == 0) {
            return BEAT;
        }
        if (s % 2 == 0) {
            return OFFBEAT_EIGHTH;
        }
        return SIXTEENTH;
    }

    /** Probability (0-1) of an onset at the given sixteenth step of the bar. */
    public double probability(int step) {
        if (step < 0 || step >= STEPS_PER_BAR) {
            throw new IllegalArgumentException("step must be 0-" + (STEPS_PER_BAR - 1) + " but was " + step);
        }
        return probabilities[step];
    }

    /** The sixteen probabilities normalised to sum to one, i.e. where onsets tend to fall. */
    public double[] distribution() {
        double sum = 0;
        for (double p : probabilities) {
            sum += p;
        }
        double[] normalised = new double[STEPS_PER_BAR];
        for (int i = 0; i < STEPS_PER_BAR; i++) {
            normalised[i] = probabilities[i] / sum;
        }
        return normalised;
    }

    /** Shannon entropy in bits of {@link #distribution()}: grows as the rhythm gets less predictable. */
    public double entropyBits() {
        double entropy = 0;
        for (double p : distribution()) {
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return entropy;
    }

    /** Expected number of onsets per bar when sampling with the given density factor. */
    public double expectedOnsets(double density) {
        double sum = 0;
        for (double p : probabilities) {
            sum += Math.min(1, p * density);
        }
        return sum;
    }

    /**
     * Draws one bar of onsets.
     *
     * @param random  source of randomness
     * @param density multiplies every probability (capped at 1): below 1 thins the bar out
     * @param allowSixteenths false for swung styles whose grid is the eighth note
     * @return one flag per sixteenth step
     */
    public boolean[] sampleBar(SplittableRandom random, double density, boolean allowSixteenths) {
        boolean[] onsets = new boolean[STEPS_PER_BAR];
        for (int step = 0; step < STEPS_PER_BAR; step++) {
            boolean allowed = allowSixteenths || metricalLevel(step) != SIXTEENTH;
            double p = Math.min(1, probabilities[step] * density);
            // Draw for every step, allowed or not, so the stream stays aligned across styles.
            double draw = random.nextDouble();
            onsets[step] = allowed && draw < p;
        }
        return onsets;
    }
}
