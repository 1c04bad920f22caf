package com.soundhub.generator.rendering;

import com.sun.media.sound.EmergencySoundbank;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;

import java.util.Random;
import java.util.Set;

/**
 * New noise for the built-in kit's hi-hats and cymbals. The JDK generates them with most of their
 * energy between 5 and 11 kHz and little above (a closed hi-hat: 8 % above 11 kHz, a ride 2 %),
 * which is the hiss that washes over a mix; the cymbals of FluidR3_GM, the SoundFont the container
 * renders with, carry about a third of their energy above 11 kHz (closed hi-hat 35 %, ride 17 %).
 * Each sample is regenerated the way the JDK makes its noise (a spectrum with random phases,
 * inverse-FFT'd with its own {@code EmergencySoundbank.ifft}), but with a spectrum falling as
 * f^-1/2 in energy from 1.5 to 20 kHz, which splits the energy about evenly below 5 kHz, between
 * 5 and 11 kHz and above 11 kHz, as FluidR3's hats do. The original's level, length, loop and
 * decay are kept: looped samples become one exact period of new noise over the loop, unlooped
 * ones take the original's envelope. Phases come from a fixed seed, so the result is the same
 * in every JVM.
 */
final class BrighterCymbals {

    private static final Set<String> CYMBALS = Set.of("Closed Hi-Hat", "Open Hi-Hat", "Crash Cymbal");
    private static final double LOW_HZ = 1500;
    private static final double HIGH_HZ = 20_000;
    private static final int ENVELOPE_WINDOW = 128;

    private BrighterCymbals() {
    }

    static void apply(SF2Soundbank soundbank) {
        Random phases = new Random(0xC1_4B_A1L);
        for (SF2Sample sample : soundbank.getSamples()) {
            if (CYMBALS.contains(sample.getName()) && sample.getDataBuffer() != null && sample.getData24Buffer() == null) {
                regenerate(sample, phases);
            }
        }
    }

    private static void regenerate(SF2Sample sample, Random phases) {
        byte[] data = sample.getDataBuffer().array();
        int offset = (int) sample.getDataBuffer().arrayOffset();
        int frames = (int) (sample.getDataBuffer().capacity() / 2);
        double[] original = new double[frames];
        for (int i = 0; i < frames; i++) {
            original[i] = (short) ((data[offset + 2 * i] & 0xFF) | (data[offset + 2 * i + 1] << 8));
        }
        long loopStart = sample.getStartLoop();
        long loopEnd = sample.getEndLoop();
        boolean looped = loopStart >= 0 && loopEnd <= frames && loopEnd - loopStart >= 1024
                && Integer.bitCount((int) (loopEnd - loopStart)) == 1;
        int period = looped ? (int) (loopEnd - loopStart) : Integer.highestOneBit(Math.max(1024, frames - 1)) * 2;
        double[] noise = noise(period, sample.getSampleRate(), phases);

        double[] replaced = new double[frames];
        for (int i = 0; i < frames; i++) {
            replaced[i] = noise[Math.floorMod(i - (looped ? (int) loopStart : 0), period)];
        }
        if (!looped) {
            // Unlooped: the original's decay, window by window.
            for (int w = 0; w < frames; w += ENVELOPE_WINDOW) {
                int end = Math.min(frames, w + ENVELOPE_WINDOW);
                double target = rms(original, w, end);
                double now = rms(replaced, w, end);
                double gain = now == 0 ? 0 : target / now;
                for (int i = w; i < end; i++) {
                    replaced[i] *= gain;
                }
            }
        }
        double gain = rms(original, 0, frames) / Math.max(1e-12, rms(replaced, 0, frames));
        for (int i = 0; i < frames; i++) {
            int v = (int) Math.max(-32768, Math.min(32767, Math.round(replaced[i] * gain)));
            data[offset + 2 * i] = (byte) v;
            data[offset + 2 * i + 1] = (byte) (v >> 8);
        }
    }

    /** One period of noise with energy density falling as f^-1/2 between LOW_HZ and HIGH_HZ. */
    private static double[] noise(int period, double sampleRate, Random phases) {
        double[] spectrum = new double[2 * period];
        for (int bin = 1; bin < period / 2; bin++) {
            double hz = bin * sampleRate / period;
            if (hz < LOW_HZ || hz > HIGH_HZ) {
                continue;
            }
            double magnitude = Math.pow(hz, -0.25);
            double phase = phases.nextDouble() * 2 * Math.PI;
            spectrum[2 * bin] = magnitude * Math.cos(phase);
            spectrum[2 * bin + 1] = magnitude * Math.sin(phase);
        }
        EmergencySoundbank.ifft(spectrum);
        double[] signal = EmergencySoundbank.realPart(spectrum);
        EmergencySoundbank.normalize(signal, 1.0);
        return signal;
    }

    private static double rms(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return to > from ? Math.sqrt(sum / (to - from)) : 0;
    }
}
