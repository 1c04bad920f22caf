package com.soundhub.projects.contents;

/**
 * What is known of a stored content: its size and checksum, and for audio what the media job found.
 *
 * @param analysis     NONE (not audio by its name), PENDING, DONE or FAILED
 * @param analysisNote why the analysis failed, in plain words; null otherwise
 */
public record ContentInfo(String hash, long size, long crc32, Integer durationMs, Integer sampleRate, Integer channels,
                          Float loudnessLufs, String analysis, String analysisNote) {

    public ContentInfo(String hash, long size, long crc32, Integer durationMs, Integer sampleRate, Integer channels,
                       Float loudnessLufs, String analysis) {
        this(hash, size, crc32, durationMs, sampleRate, channels, loudnessLufs, analysis, null);
    }

    public boolean isAudio() {
        return durationMs != null;
    }
}
