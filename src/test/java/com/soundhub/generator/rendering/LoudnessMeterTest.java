package com.soundhub.generator.rendering;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meter against signals whose loudness the standards state: EBU Tech 3341's minimum
 * requirements (test cases 1, 3 and 4; +-0.1 LU) and BS.1770-4's reference that a 0 dBFS 1 kHz
 * sine in one channel reads -3.01 LKFS, plus an inter-sample peak the sample values miss.
 */
class LoudnessMeterTest {

    private static final int RATE = 48_000;

    @Test
    void stereoSineAtMinus23DbfsReadsMinus23Lufs() {
        // Tech 3341 case 1: 1 kHz, -23 dBFS peak in both channels, 20 s.
        float[] sine = sine(1000, -23, 20, true, true);
        assertEquals(-23.0, LoudnessMeter.integratedLoudness(sine, RATE), 0.1);
    }

    @Test
    void fullScaleSineInOneChannelReadsMinus3Lkfs() {
        float[] sine = sine(997, 0, 10, true, false);
        assertEquals(-3.01, LoudnessMeter.integratedLoudness(sine, RATE), 0.05);
    }

    @Test
    void relativeGateIgnoresTheQuietParts() {
        // Tech 3341 case 3: -36, -23, -36 dBFS for 10, 60, 10 s reads -23 LUFS.
        float[] signal = concat(sine(1000, -36, 10, true, true), sine(1000, -23, 60, true, true),
                sine(1000, -36, 10, true, true));
        assertEquals(-23.0, LoudnessMeter.integratedLoudness(signal, RATE), 0.1);
        // Tech 3341 case 4: -72, -36, -23, -36, -72 dBFS for 10, 10, 60, 10, 10 s reads -23 LUFS.
        float[] gated = concat(sine(1000, -72, 10, true, true), sine(1000, -36, 10, true, true),
                sine(1000, -23, 60, true, true), sine(1000, -36, 10, true, true), sine(1000, -72, 10, true, true));
        assertEquals(-23.0, LoudnessMeter.integratedLoudness(gated, RATE), 0.1);
    }

    @Test
    void silenceHasNoLoudness() {
        assertEquals(Double.NEGATIVE_INFINITY, LoudnessMeter.integratedLoudness(new float[2 * RATE * 2], RATE));
    }

    @Test
    void truePeakFindsThePeakBetweenSamples() {
        // A sine at a quarter of the sample rate sampled 45 degrees off its crests: every sample
        // is at 0.707 (-3.01 dBFS) while the waveform reaches 1.0 (0 dBTP) between them.
        float[] stereo = new float[2 * RATE];
        for (int n = 0; n < RATE; n++) {
            float v = (float) Math.sin(Math.PI / 2 * n + Math.PI / 4);
            stereo[2 * n] = v;
            stereo[2 * n + 1] = v;
        }
        double truePeak = LoudnessMeter.truePeakDbtp(stereo);
        assertTrue(truePeak > -0.3 && truePeak < 0.3, "true peak " + truePeak);
    }

    static float[] sine(double hz, double dbfs, double seconds, boolean left, boolean right) {
        int frames = (int) (seconds * RATE);
        float[] stereo = new float[2 * frames];
        double amplitude = Math.pow(10, dbfs / 20);
        for (int n = 0; n < frames; n++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * hz * n / RATE));
            stereo[2 * n] = left ? v : 0;
            stereo[2 * n + 1] = right ? v : 0;
        }
        return stereo;
    }

    static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] p : parts) {
            length += p.length;
        }
        float[] all = new float[length];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
