package com.soundhub.generator.rendering;

/**
 * Programme loudness and true peak of interleaved stereo audio, as ITU-R BS.1770-4 defines them.
 * Hand-written because the JDK has no loudness meter and no maintained Java library on Maven
 * Central implements BS.1770 (ffmpeg's {@code ebur128} filter does, but generated music is
 * measured in memory, before any file exists, many times per render).
 *
 * <ul>
 *   <li>Integrated loudness (BS.1770-4 section 2 and Annex 1): each channel K-weighted (the
 *       high-shelf "pre-filter" then the RLB high-pass, derived for the actual sample rate from
 *       the analogue prototypes the 48 kHz coefficients of the standard come from), mean square
 *       over 400 ms blocks overlapping by 75 %, block loudness -0.691 + 10 log10 of the
 *       channel sum (left and right weigh 1.0), an absolute gate at -70 LUFS, then a relative gate
 *       10 LU below the loudness of the blocks that passed the first gate.</li>
 *   <li>True peak (BS.1770-4 Annex 2): the signal 4x oversampled by a windowed-sinc interpolator
 *       and the largest magnitude taken, in dBTP. The interpolation is evaluated only around
 *       samples within 3 dB of the sample peak (a band-limited signal's inter-sample
 *       overs stay inside that: a sine's worst case at 4x oversampling is 3 dB), which keeps the meter cheap enough to run after every
 *       render.</li>
 * </ul>
 *
 * <p>Checked against EBU Tech 3341's test signals in {@code LoudnessMeterTest}.
 */
public final class LoudnessMeter {

    /** Loudness of blocks that never count, BS.1770-4's absolute gate. */
    public static final double ABSOLUTE_GATE_LUFS = -70.0;
    private static final double RELATIVE_GATE_LU = -10.0;
    private static final double BLOCK_SECONDS = 0.4;
    private static final double STEP_SECONDS = 0.1;

    private static final int OVERSAMPLING = 4;
    private static final int TAPS_PER_PHASE = 16;
    /** Polyphase interpolation filter: phase p, tap t. */
    private static final double[][] INTERPOLATOR = interpolator();

    private LoudnessMeter() {
    }

    /**
     * Integrated loudness in LUFS of interleaved stereo samples (full scale = 1.0), or
     * {@link Double#NEGATIVE_INFINITY} when no block passes the absolute gate.
     */
    public static double integratedLoudness(float[] stereo, int sampleRate) {
        double[] blocks = blockPowers(stereo, sampleRate, 0, stereo.length / 2);
        return gatedLoudness(blocks);
    }

    /**
     * Loudness of a stretch of the audio (frames {@code from} to {@code to}), gated as the
     * integrated loudness is; used to compare the sections of one piece.
     */
    public static double loudness(float[] stereo, int sampleRate, int fromFrame, int toFrame) {
        return gatedLoudness(blockPowers(stereo, sampleRate, fromFrame, toFrame));
    }

    /** True peak in dBTP (0 dBTP = full scale), or negative infinity for silence. */
    public static double truePeakDbtp(float[] stereo) {
        double peak = truePeak(stereo);
        return peak == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(peak);
    }

    /** True peak as a linear magnitude (1.0 = full scale). */
    static double truePeak(float[] stereo) {
        int frames = stereo.length / 2;
        double samplePeak = 0;
        for (float s : stereo) {
            samplePeak = Math.max(samplePeak, Math.abs(s));
        }
        if (samplePeak == 0) {
            return 0;
        }
        double threshold = samplePeak * 0.7; // 3 dB below the sample peak
        double peak = samplePeak;
        int half = TAPS_PER_PHASE / 2;
        for (int ch = 0; ch < 2; ch++) {
            for (int n = 0; n < frames; n++) {
                if (Math.abs(stereo[2 * n + ch]) < threshold
                        && (n + 1 >= frames || Math.abs(stereo[2 * (n + 1) + ch]) < threshold)) {
                    continue;
                }
                // Interpolated values between frame n and n + 1.
                for (int p = 1; p < OVERSAMPLING; p++) {
                    double sum = 0;
                    double[] taps = INTERPOLATOR[p];
                    for (int t = 0; t < TAPS_PER_PHASE; t++) {
                        int k = n - half + 1 + t;
                        if (k >= 0 && k < frames) {
                            sum += taps[t] * stereo[2 * k + ch];
                        }
                    }
                    peak = Math.max(peak, Math.abs(sum));
                }
            }
        }
        return peak;
    }

    // ----- loudness ----------------------------------------------------------------------

    /** Mean-square power (sum over channels) of each 400 ms block, K-weighted. */
    private static double[] blockPowers(float[] stereo, int sampleRate, int fromFrame, int toFrame) {
        int frames = Math.max(0, Math.min(toFrame, stereo.length / 2) - fromFrame);
        int step = (int) Math.round(STEP_SECONDS * sampleRate);
        int block = 4 * step;
        if (frames < block) {
            return new double[0];
        }
        // Squared K-weighted samples summed over both channels, per 100 ms step.
        int steps = frames / step;
        double[] stepEnergy = new double[steps];
        Biquad shelf = Biquad.preFilter(sampleRate);
        Biquad rlb = Biquad.rlbFilter(sampleRate);
        for (int ch = 0; ch < 2; ch++) {
            // Both K-weighting stages inline in locals: this loop is most of a render's mastering time.
            double s0 = shelf.b0;
            double s1 = shelf.b1;
            double s2 = shelf.b2;
            double sa1 = shelf.a1;
            double sa2 = shelf.a2;
            double ra1 = rlb.a1;
            double ra2 = rlb.a2;
            double x1 = 0;
            double x2 = 0;
            double y1 = 0;
            double y2 = 0;
            double z1 = 0;
            double z2 = 0;
            int index = 2 * fromFrame + ch;
            for (int st = 0; st < steps; st++) {
                double energy = 0;
                for (int i = 0; i < step; i++, index += 2) {
                    double x = stereo[index];
                    double y = s0 * x + s1 * x1 + s2 * x2 - sa1 * y1 - sa2 * y2;
                    x2 = x1;
                    x1 = x;
                    double z = y - 2 * y1 + y2 - ra1 * z1 - ra2 * z2;
                    y2 = y1;
                    y1 = y;
                    z2 = z1;
                    z1 = z;
                    energy += z * z;
                }
                stepEnergy[st] += energy;
            }
        }
        double[] blocks = new double[steps - 3];
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = (stepEnergy[b] + stepEnergy[b + 1] + stepEnergy[b + 2] + stepEnergy[b + 3]) / block;
        }
        return blocks;
    }

    private static double gatedLoudness(double[] blocks) {
        double absolute = power(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int count = 0;
        for (double z : blocks) {
            if (z > absolute) {
                sum += z;
                count++;
            }
        }
        if (count == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double relative = power(lufs(sum / count) + RELATIVE_GATE_LU);
        double gated = 0;
        int gatedCount = 0;
        for (double z : blocks) {
            if (z > absolute && z > relative) {
                gated += z;
                gatedCount++;
            }
        }
        return lufs(gated / gatedCount);
    }

    private static double lufs(double power) {
        return -0.691 + 10 * Math.log10(power);
    }

    private static double power(double lufs) {
        return Math.pow(10, (lufs + 0.691) / 10);
    }

    /** A second-order IIR section in direct form I. */
    private static final class Biquad {
        private final double b0;
        private final double b1;
        private final double b2;
        private final double a1;
        private final double a2;
        private double x1;
        private double x2;
        private double y1;
        private double y2;

        private Biquad(double b0, double b1, double b2, double a1, double a2) {
            this.b0 = b0;
            this.b1 = b1;
            this.b2 = b2;
            this.a1 = a1;
            this.a2 = a2;
        }

        /** Stage 1 of the K-weighting: a +4 dB high shelf modelling the head. */
        static Biquad preFilter(int sampleRate) {
            double f0 = 1681.974450955533;
            double gainDb = 3.999843853973347;
            double q = 0.7071752369554196;
            double k = Math.tan(Math.PI * f0 / sampleRate);
            double vh = Math.pow(10, gainDb / 20);
            double vb = Math.pow(vh, 0.4996667741545416);
            double a0 = 1 + k / q + k * k;
            return new Biquad((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                    2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }

        /** Stage 2 of the K-weighting: the revised low-frequency B-weighting (RLB) high-pass. */
        static Biquad rlbFilter(int sampleRate) {
            double f0 = 38.13547087602444;
            double q = 0.5003270373238773;
            double k = Math.tan(Math.PI * f0 / sampleRate);
            double a0 = 1 + k / q + k * k;
            return new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }

        double process(double x) {
            double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            return y;
        }
    }

    /** Windowed-sinc (Hann) polyphase filter for 4x oversampling, each phase normalised to unit DC gain. */
    private static double[][] interpolator() {
        double[][] phases = new double[OVERSAMPLING][TAPS_PER_PHASE];
        int half = TAPS_PER_PHASE / 2;
        for (int p = 0; p < OVERSAMPLING; p++) {
            double frac = (double) p / OVERSAMPLING;
            double sum = 0;
            for (int t = 0; t < TAPS_PER_PHASE; t++) {
                double x = (t - half + 1) - frac; // distance from the interpolated point, in samples
                double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
                double window = 0.5 + 0.5 * Math.cos(Math.PI * x / (half + 1));
                phases[p][t] = sinc * window;
                sum += phases[p][t];
            }
            for (int t = 0; t < TAPS_PER_PHASE; t++) {
                phases[p][t] /= sum;
            }
        }
        return phases;
    }
}
