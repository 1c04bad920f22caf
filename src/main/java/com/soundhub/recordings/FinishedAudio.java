package com.soundhub.recordings;

/**
 * Audio that is processed already, stored elsewhere in the bucket: its original file and its HLS
 * rendition (the playlist's segment names relative to {@code hlsPrefix}).
 */
public record FinishedAudio(String originalKey, String fileName, String contentType, long size, String hlsPrefix, String playlist,
                            double durationSeconds, Double loudnessLufs, byte[] peaks) {
}
