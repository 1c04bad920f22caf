package com.soundhub.projects.contents;

/**
 * What a player needs of an analysed audio content.
 *
 * @param playlist the HLS playlist as ffmpeg wrote it, segment names relative to the content's HLS prefix
 * @param peaks    waveform peaks, 0..255 each
 */
public record ContentPlayback(String playlist, byte[] peaks, int durationMs) {

    /** Peaks as unsigned values, as pages draw them. */
    public int[] unsignedPeaks() {
        int[] values = new int[peaks == null ? 0 : peaks.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = peaks[i] & 0xff;
        }
        return values;
    }
}
