package com.soundhub.media;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the transcode produced.
 *
 * @param decodedSeconds how much audio was actually decoded (a damaged file ends early)
 * @param peaks          waveform peaks, 0..255 each
 * @param decodeErrors   lines in which the decoder complained
 * @param hlsFiles       playlist, init segment and media segments, in name order
 * @param diagnostics    the last lines ffmpeg printed, for the log
 */
public record TranscodeResult(int exitCode, double decodedSeconds, OptionalDouble loudnessLufs, byte[] peaks,
                              int decodeErrors, Path hlsDirectory, List<Path> hlsFiles, String diagnostics) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
