package com.soundhub.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peaks for drawing a waveform: the track is cut into {@code points} equal slices and each slice
 * keeps its loudest sample, scaled to 0..255. Reads 16-bit little-endian mono PCM as a stream, so
 * memory does not grow with the length of the track.
 */
public final class Waveform {

    public static final int DEFAULT_POINTS = 1000;

    private Waveform() {
    }

    public static byte[] peaks(Path pcm, int points) throws IOException {
        long samples = Files.size(pcm) / 2;
        try (InputStream in = Files.newInputStream(pcm)) {
            return peaks(in, samples, points);
        }
    }

    static byte[] peaks(InputStream pcm, long totalSamples, int points) throws IOException {
        byte[] peaks = new byte[points];
        if (totalSamples <= 0) {
            return peaks;
        }
        int[] loudest = new int[points];
        byte[] buffer = new byte[1 << 16];
        long index = 0;
        int carried = -1;
        int read;
        while ((read = pcm.read(buffer)) > 0) {
            int position = 0;
            if (carried >= 0) {
                index = take(loudest, index, totalSamples, points, carried, buffer[0] & 0xff);
                carried = -1;
                position = 1;
            }
            for (; position + 1 < read; position += 2) {
                index = take(loudest, index, totalSamples, points, buffer[position] & 0xff, buffer[position + 1] & 0xff);
            }
            if (position < read) {
                carried = buffer[position] & 0xff;
            }
        }
        for (int i = 0; i < points; i++) {
            peaks[i] = (byte) Math.min(255, Math.round(loudest[i] * 255.0 / 32767.0));
        }
        return peaks;
    }

    private static long take(int[] loudest, long index, long totalSamples, int points, int low, int high) {
        int sample = Math.abs((short) ((high << 8) | low));
        int slice = (int) Math.min(points - 1, index * points / totalSamples);
        if (sample > loudest[slice]) {
            loudest[slice] = sample;
        }
        return index + 1;
    }

    /** Peaks as comma-separated unsigned values, as the player's data attribute carries them. */
    public static String csv(byte[] peaks) {
        if (peaks == null || peaks.length == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(peaks.length * 4);
        for (int i = 0; i < peaks.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(peaks[i] & 0xff);
        }
        return out.toString();
    }

    /** Peaks as unsigned values, as pages draw them. */
    public static int[] unsigned(byte[] peaks) {
        int[] values = new int[peaks.length];
        for (int i = 0; i < peaks.length; i++) {
            values[i] = peaks[i] & 0xff;
        }
        return values;
    }
}
