package com.soundhub.media;

/**
 * What ffprobe found in a file.
 *
 * @param formatName      ffprobe's container name(s), such as {@code mp3} or {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param durationSeconds as the container declares it; -1 when unknown
 * @param hasVideo        a real video stream (cover art does not count)
 */
public record ProbeResult(String formatName, double durationSeconds, boolean hasAudio, String audioCodec,
                          int sampleRate, int channels, boolean hasVideo) {
}
