package com.soundhub.generator.composition;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random streams and the few distributions the composer needs.
 *
 * <p>Each concern (form, harmony, each part, each part's humanisation) draws from its
 * own stream derived from the request seed, so changing how one part is written never
 * shifts the random numbers another part sees.
 */
final class Randomness {

    enum Stream {
        KEY, FORM, HARMONY, MELODY, MELODY_FEEL, BASS, BASS_FEEL, COMPING, COMPING_FEEL, DRUMS, DRUMS_FEEL,
        INSTRUMENTATION
    }

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Randomness() {
    }

    /**
     * The seed every stream of one piece derives from: the request's seed mixed with its genre
     * and mood, so that seed 7 in pop and seed 7 in house are unrelated pieces (different key,
     * chords and melody) rather than one piece in two arrangements.
     */
    static long pieceSeed(long seed, Genre genre, Mood mood) {
        long salt = mix(GOLDEN_GAMMA * (1L + genre.ordinal()) ^ mix(0x632BE59BD9B4E019L * (1L + mood.ordinal())));
        return mix(seed ^ salt) + salt;
    }

    static SplittableRandom stream(long seed, Stream stream) {
        return new SplittableRandom(mix(seed + GOLDEN_GAMMA * (stream.ordinal() + 1L)));
    }

    /** SplitMix64 finaliser: spreads nearby seeds far apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Standard normal deviate by the Box-Muller transform, independent of JDK implementation details. */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: keeps the logarithm finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** True with the given probability. */
    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** Index drawn in proportion to the weights, or -1 when they are all zero. */
    static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += Math.max(0, w);
        }
        if (total <= 0) {
            return -1;
        }
        double target = random.nextDouble() * total;
        double running = 0;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                running += weights[i];
                last = i;
                if (target < running) {
                    return i;
                }
            }
        }
        return last;
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
