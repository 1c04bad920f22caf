package com.soundhub.generator.rendering;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasteringTest {

    private static final int RATE = 44_100;

    @Test
    void quietSignalIsRaisedToTheTargetLoudness() {
        float[] signal = LoudnessMeterTest.concat(LoudnessMeterTest.sine(440, -30, 5, true, true));
        // the helper's rate differs; the loudness of a steady sine does not depend on it
        Mastering.Outcome outcome = Mastering.normalise(signal, RATE);
        assertEquals(-14.0, outcome.loudnessLufs(), 0.3);
        assertEquals(-14.0, LoudnessMeter.integratedLoudness(signal, RATE), 0.3);
        assertTrue(outcome.truePeakDbtp() <= -1.0, "true peak " + outcome.truePeakDbtp());
    }

    @Test
    void peakySignalIsLimitedUnderTheCeilingAtTheTargetLoudness() {
        // Quiet tone with sharp full-scale clicks: gain alone would push the clicks far over -1 dBTP.
        float[] signal = LoudnessMeterTest.sine(220, -26, 8, true, true);
        for (int n = 0; n < signal.length / 2; n += RATE / 4) {
            signal[2 * n] = 0.9f;
            signal[2 * n + 1] = -0.9f;
        }
        Mastering.Outcome outcome = Mastering.normalise(signal, RATE);
        assertEquals(-14.0, outcome.loudnessLufs(), 1.0);
        assertTrue(LoudnessMeter.truePeakDbtp(signal) <= -1.0, "true peak " + LoudnessMeter.truePeakDbtp(signal));
    }

    @Test
    void equalInputGivesEqualOutput() {
        float[] a = LoudnessMeterTest.sine(330, -20, 3, true, true);
        float[] b = a.clone();
        Mastering.normalise(a, RATE);
        Mastering.normalise(b, RATE);
        assertArrayEquals(a, b);
    }

    @Test
    void silenceStaysSilent() {
        float[] silence = new float[RATE * 2];
        Mastering.normalise(silence, RATE);
        assertArrayEquals(new float[RATE * 2], silence);
    }
}
