package com.soundhub.recordings;

/**
 * The processed audio a recording plays from.
 *
 * @param hlsPrefix where the playlist's segments are stored
 * @param playlist  the HLS playlist as ffmpeg wrote it, with segment names relative to the prefix
 * @param peaks     waveform peaks, 0..255 each
 */
public record MediaRendition(String hlsPrefix, String playlist, double durationSeconds, Double loudnessLufs,
                             byte[] peaks) {
}
