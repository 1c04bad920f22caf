package com.soundhub.generator.rendering;

/**
 * Summary of one offline render.
 *
 * @param frames      stereo sample frames written
 * @param sampleRate  frames per second
 * @param peak        largest absolute 16-bit sample value (32767 = full scale)
 * @param rms         root-mean-square level in 16-bit units over both channels
 * @param renderNanos wall-clock time the render took
 * @param loudnessLufs integrated loudness (ITU-R BS.1770-4) of the file written
 * @param truePeakDbtp true peak of the file written, before 16-bit rounding
 */
public record RenderResult(long frames, int sampleRate, int peak, double rms, long renderNanos,
                           double loudnessLufs, double truePeakDbtp) {

    /** Length of the rendered audio in seconds. */
    public double seconds() {
        return (double) frames / sampleRate;
    }

    /** Peak level in dB relative to full scale (0 dBFS = 32767). */
    public double peakDbfs() {
        return peak == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(peak / 32767.0);
    }

    /** Seconds of audio produced per second of rendering. */
    public double realTimeFactor() {
        return renderNanos == 0 ? Double.POSITIVE_INFINITY : seconds() / (renderNanos / 1e9);
    }
}
