package com.soundhub.projects.contents;

/** What is known of a stored content: its size and checksum, and for audio what the media job found. */
public record ContentInfo(String hash, long size, long crc32, Integer durationMs, Integer sampleRate, Integer channels,
                          Float loudnessLufs, String analysis) {

    public boolean isAudio() {
        return durationMs != null;
    }
}
