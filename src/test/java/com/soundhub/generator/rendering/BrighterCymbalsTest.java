package com.soundhub.generator.rendering;

import com.sun.media.sound.EmergencySoundbank;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in cymbals carry their energy where FluidR3_GM's do (see the bench README). */
class BrighterCymbalsTest {

    @Test
    void hiHatsAndCymbalsHaveTheirTopOctaveBack() throws Exception {
        SF2Soundbank jdk = EmergencySoundbank.createSoundbank();
        SF2Soundbank ours = (SF2Soundbank) BuiltInSoundbank.get();
        for (String name : new String[]{"Closed Hi-Hat", "Open Hi-Hat", "Crash Cymbal"}) {
            double before = aboveHz(sample(jdk, name), 11_000);
            double after = aboveHz(sample(ours, name), 11_000);
            assertTrue(before < 0.12, name + " JDK sample above 11 kHz: " + before);
            assertTrue(after > 0.2 && after < 0.5, name + " above 11 kHz: " + after);
        }
    }

    private static double[] sample(SF2Soundbank bank, String name) {
        for (SF2Sample s : bank.getSamples()) {
            if (s.getName().equals(name)) {
                byte[] data = s.getDataBuffer().array();
                int offset = (int) s.getDataBuffer().arrayOffset();
                double[] x = new double[(int) (s.getDataBuffer().capacity() / 2)];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (short) ((data[offset + 2 * i] & 0xFF) | (data[offset + 2 * i + 1] << 8));
                }
                return x;
            }
        }
        throw new AssertionError("no sample " + name);
    }

    /** Share of the energy above {@code hz}: two RBJ high-pass biquads (Q 0.707) at 44.1 kHz. */
    private static double aboveHz(double[] x, double hz) {
        double w = 2 * Math.PI * hz / 44_100;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        double b0 = (1 + cos) / 2 / a0;
        double b1 = -(1 + cos) / a0;
        double a1 = -2 * cos / a0;
        double a2 = (1 - alpha) / a0;
        double[] y = x.clone();
        for (int pass = 0; pass < 2; pass++) {
            double x1 = 0;
            double x2 = 0;
            double y1 = 0;
            double y2 = 0;
            for (int i = 0; i < y.length; i++) {
                double in = y[i];
                double out = b0 * in + b1 * x1 + b0 * x2 - a1 * y1 - a2 * y2;
                x2 = x1;
                x1 = in;
                y2 = y1;
                y1 = out;
                y[i] = out;
            }
        }
        double high = 0;
        double all = 0;
        for (int i = 0; i < x.length; i++) {
            high += y[i] * y[i];
            all += x[i] * x[i];
        }
        return high / all;
    }
}
