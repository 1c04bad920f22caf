package com.soundhub.generator.composition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RhythmProbabilityTest {

    private static final int[] BEATS = {4, 8, 12};
    private static final int[] OFFBEAT_EIGHTHS = {2, 6, 10, 14};
    private static final int[] SIXTEENTHS = {1, 3, 5, 7, 9, 11, 13, 15};

    @Test
    void metricalLevelsFollowTheBarHierarchy() {
        assertEquals(RhythmProbability.DOWNBEAT, RhythmProbability.metricalLevel(0));
        for (int step : BEATS) {
            assertEquals(RhythmProbability.BEAT, RhythmProbability.metricalLevel(step));
        }
        for (int step : OFFBEAT_EIGHTHS) {
            assertEquals(RhythmProbability.OFFBEAT_EIGHTH, RhythmProbability.metricalLevel(step));
        }
        for (int step : SIXTEENTHS) {
            assertEquals(RhythmProbability.SIXTEENTH, RhythmProbability.metricalLevel(step));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.35, 0.5, 0.8, 1.0})
    void downbeatThenBeatsThenOffbeatsThenSixteenths(double randomness) {
        RhythmProbability rhythm = new RhythmProbability(randomness);
        double downbeat = rhythm.probability(0);
        for (int beat : BEATS) {
            assertTrue(downbeat > rhythm.probability(beat), "downbeat > beat " + beat);
            for (int offbeat : OFFBEAT_EIGHTHS) {
                assertTrue(rhythm.probability(beat) > rhythm.probability(offbeat), "beat > off-beat eighth");
                for (int sixteenth : SIXTEENTHS) {
                    assertTrue(rhythm.probability(offbeat) > rhythm.probability(sixteenth), "off-beat > sixteenth");
                }
            }
        }
    }

    @Test
    void higherRandomnessFlattensTheDistribution() {
        double previousEntropy = -1;
        double previousContrast = Double.MAX_VALUE;
        for (double r = 0; r <= 1.0001; r += 0.1) {
            RhythmProbability rhythm = new RhythmProbability(Math.min(1, r));
            double entropy = rhythm.entropyBits();
            double contrast = rhythm.probability(0) / rhythm.probability(15);
            assertTrue(entropy > previousEntropy, "entropy grows with randomness at " + r);
            assertTrue(contrast < previousContrast, "strong/weak contrast shrinks at " + r);
            previousEntropy = entropy;
            previousContrast = contrast;
        }
        // On the beat at 0: the four beats hold most of the weight; loose at 1: spread out.
        double[] tight = new RhythmProbability(0).distribution();
        double[] loose = new RhythmProbability(1).distribution();
        assertTrue(tight[0] + tight[4] + tight[8] + tight[12] > 0.7);
        assertTrue(loose[0] + loose[4] + loose[8] + loose[12] < 0.4);
    }

    @Test
    void fullRandomnessStillFavoursStrongerPositionsWithinEveryBeat() {
        RhythmProbability rhythm = new RhythmProbability(1.0);
        for (int beat = 0; beat < 4; beat++) {
            int start = beat * 4;
            assertTrue(rhythm.probability(start) > rhythm.probability(start + 2));
            assertTrue(rhythm.probability(start + 2) > rhythm.probability(start + 1));
            assertTrue(rhythm.probability(start + 2) > rhythm.probability(start + 3));
        }
    }

    @Test
    void sampledBarsFollowTheProbabilities() {
        RhythmProbability rhythm = new RhythmProbability(0.5);
        SplittableRandom random = new SplittableRandom(7);
        int bars = 20_000;
        int[] counts = new int[16];
        for (int i = 0; i < bars; i++) {
            boolean[] bar = rhythm.sampleBar(random, 1.0, true);
            for (int s = 0; s < 16; s++) {
                if (bar[s]) {
                    counts[s]++;
                }
            }
        }
        for (int s = 0; s < 16; s++) {
            assertEquals(rhythm.probability(s), counts[s] / (double) bars, 0.015, "step " + s);
        }
        assertEquals(rhythm.expectedOnsets(1.0), java.util.Arrays.stream(counts).sum() / (double) bars, 0.05);
    }

    @Test
    void eighthNoteGridSuppressesSixteenths() {
        RhythmProbability rhythm = new RhythmProbability(1.0);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            boolean[] bar = rhythm.sampleBar(random, 2.0, false);
            for (int step : SIXTEENTHS) {
                assertTrue(!bar[step], "sixteenth onset on an eighth-note grid");
            }
        }
    }

    @Test
    void rejectsRandomnessOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new RhythmProbability(-0.01));
        assertThrows(IllegalArgumentException.class, () -> new RhythmProbability(1.01));
        assertThrows(IllegalArgumentException.class, () -> new RhythmProbability(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new RhythmProbability(0.5).probability(16));
    }
}
