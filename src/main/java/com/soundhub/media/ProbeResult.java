package com.soundhub.media;

/**
 * What ffprobe found in a file.
 *
 * @param formatName      ffprobe's container name(s), such as {@code mp3} or {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param durationSeconds as the container declares it; -1 when unknown
 * @param hasVideo        a real video stream (cover art does not count)
 * @param title           the title the file's tags give (ID3, Vorbis comments, MP4), or null
 */
public record ProbeResult(String formatName, double durationSeconds, boolean hasAudio, String audioCodec,
                          int sampleRate, int channels, boolean hasVideo, String title) {

    public ProbeResult(String formatName, double durationSeconds, boolean hasAudio, String audioCodec,
                       int sampleRate, int channels, boolean hasVideo) {
        this(formatName, durationSeconds, hasAudio, audioCodec, sampleRate, channels, hasVideo, null);
    }
}
