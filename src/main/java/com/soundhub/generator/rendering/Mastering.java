package com.soundhub.generator.rendering;

/**
 * Brings every rendered file to one loudness: -14 LUFS integrated (the level streaming services
 * play at) with the true peak at most -1 dBTP, so generated pieces neither jump in level from one
 * to the next nor clip when encoded to AAC. A gain sets the loudness; where that gain would push a
 * peak past the ceiling, a look-ahead peak limiter holds it down (it acts only on the few loudest
 * transients, so the dynamics between sections stay as composed). Gain and limiting are repeated a
 * couple of times because limiting lowers the loudness a little.
 *
 * <p>Deterministic: plain arithmetic in a fixed order, no dither, so equal input gives equal output.
 */
final class Mastering {

    /** Target integrated loudness. */
    static final double TARGET_LUFS = -14.0;
    /** Highest true peak allowed. */
    static final double CEILING_DBTP = -1.0;

    private static final double LOOKAHEAD_SECONDS = 0.0015;
    private static final double RELEASE_SECONDS = 0.08;
    private static final int PASSES = 4;

    private Mastering() {
    }

    /** The loudness and true peak a file ended with. */
    record Outcome(double loudnessLufs, double truePeakDbtp) {
    }

    /**
     * Normalises interleaved stereo samples in place.
     *
     * @return loudness and true peak after normalisation (unchanged silence reports negative infinity)
     */
    static Outcome normalise(float[] stereo, int sampleRate) {
        double measured = LoudnessMeter.integratedLoudness(stereo, sampleRate);
        if (Double.isInfinite(measured)) {
            return new Outcome(measured, LoudnessMeter.truePeakDbtp(stereo));
        }
        // Everything happens in place (no copy of the input): each pass scales what the last one
        // left by the loudness still missing and limits again, which only trims the new excess.
        double gainDb = TARGET_LUFS - measured;
        double ceilingDb = CEILING_DBTP - 0.5; // sample-peak ceiling; true peaks may sit a little above it
        double loudness = measured;
        double truePeak = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            scale(stereo, Math.pow(10, gainDb / 20));
            limit(stereo, sampleRate, Math.pow(10, ceilingDb / 20));
            loudness = LoudnessMeter.integratedLoudness(stereo, sampleRate);
            truePeak = LoudnessMeter.truePeakDbtp(stereo);
            boolean loudnessOk = Math.abs(loudness - TARGET_LUFS) <= 0.4;
            boolean peakOk = truePeak <= CEILING_DBTP;
            if (loudnessOk && peakOk) {
                break;
            }
            if (!peakOk) {
                ceilingDb -= truePeak - CEILING_DBTP + 0.1;
            }
            gainDb = TARGET_LUFS - loudness;
        }
        if (truePeak > CEILING_DBTP) {
            // Last resort for a pathological input: scale the whole file under the ceiling.
            scale(stereo, Math.pow(10, (CEILING_DBTP - 0.05 - truePeak) / 20));
            loudness = LoudnessMeter.integratedLoudness(stereo, sampleRate);
            truePeak = LoudnessMeter.truePeakDbtp(stereo);
        }
        return new Outcome(loudness, truePeak);
    }

    private static void scale(float[] samples, double gain) {
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (samples[i] * gain);
        }
    }

    /**
     * Look-ahead peak limiter, linked across both channels. The gain each frame needs is
     * min(1, ceiling / |sample|); its minimum over a window of +-lookahead, averaged over the same
     * window, gives a smooth gain that has reached the needed value by the time the peak arrives;
     * recovery after a peak is slowed to an 80 ms release so the gain does not flutter.
     */
    static void limit(float[] stereo, int sampleRate, double ceiling) {
        int frames = stereo.length / 2;
        int w = Math.max(1, (int) Math.round(LOOKAHEAD_SECONDS * sampleRate));
        float[] needed = new float[frames];
        boolean any = false;
        for (int n = 0; n < frames; n++) {
            double magnitude = Math.max(Math.abs(stereo[2 * n]), Math.abs(stereo[2 * n + 1]));
            needed[n] = magnitude > ceiling ? (float) (ceiling / magnitude) : 1f;
            any |= needed[n] < 1f;
        }
        if (!any) {
            return;
        }
        float[] minimum = slidingMinimum(needed, w);
        double release = 1 - Math.exp(-1.0 / (RELEASE_SECONDS * sampleRate));
        double gain = 1.0;
        // Running sum of the minimum over [n - w, n + w], counting 1.0 beyond either end.
        double window = w; // the w frames before the start, at gain 1
        for (int k = 0; k < Math.min(frames, w); k++) {
            window += minimum[k];
        }
        window += Math.max(0, w - frames);
        for (int n = 0; n < frames; n++) {
            window += n + w < frames ? minimum[n + w] : 1.0;
            double smooth = window / (2.0 * w + 1);
            window -= n - w >= 0 ? minimum[n - w] : 1.0;
            double target = Math.min(smooth, minimum[n]);
            gain = target < gain ? target : gain + (target - gain) * release;
            gain = Math.min(gain, needed[n]); // never above what this very frame allows
            stereo[2 * n] *= (float) gain;
            stereo[2 * n + 1] *= (float) gain;
        }
    }

    /** Minimum of {@code values} over [n - w, n + w] for every n (monotonic deque, linear time). */
    private static float[] slidingMinimum(float[] values, int w) {
        int n = values.length;
        float[] out = new float[n];
        int[] deque = new int[n];
        int head = 0;
        int tail = 0;
        int next = 0;
        for (int i = 0; i < n; i++) {
            int right = Math.min(n - 1, i + w);
            while (next <= right) {
                while (tail > head && values[deque[tail - 1]] >= values[next]) {
                    tail--;
                }
                deque[tail++] = next++;
            }
            while (deque[head] < i - w) {
                head++;
            }
            out[i] = values[deque[head]];
        }
        return out;
    }
}
