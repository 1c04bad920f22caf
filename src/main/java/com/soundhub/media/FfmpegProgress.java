package com.soundhub.media;

import java.util.OptionalDouble;

/**
 * Reads {@code ffmpeg -progress pipe:1} output: blocks of {@code key=value} lines, each ending with
 * {@code progress=continue} or {@code progress=end}. Only the position in the output matters here.
 */
public final class FfmpegProgress {

    private long outTimeMicros = -1;
    private boolean ended;

    /**
     * Takes one line; returns the seconds of audio written so far when the line completes a block.
     */
    public OptionalDouble accept(String line) {
        int equals = line.indexOf('=');
        if (equals <= 0) {
            return OptionalDouble.empty();
        }
        String key = line.substring(0, equals).trim();
        String value = line.substring(equals + 1).trim();
        switch (key) {
            // Despite its name, out_time_ms is in microseconds too (a long-standing ffmpeg quirk).
            case "out_time_us", "out_time_ms" -> {
                try {
                    long micros = Long.parseLong(value);
                    if (micros >= 0) {
                        outTimeMicros = micros;
                    }
                } catch (NumberFormatException ignored) {
                    // "N/A" before the first frame
                }
            }
            case "progress" -> {
                ended = "end".equals(value);
                return outTimeMicros >= 0 ? OptionalDouble.of(outTimeMicros / 1_000_000.0) : OptionalDouble.empty();
            }
            default -> {
                // other statistics are not needed
            }
        }
        return OptionalDouble.empty();
    }

    public boolean ended() {
        return ended;
    }

    public double secondsWritten() {
        return Math.max(0, outTimeMicros) / 1_000_000.0;
    }

    /** Percentage of {@code totalSeconds} done, 0 to 100. */
    public static int percent(double done, double totalSeconds) {
        if (totalSeconds <= 0) {
            return 0;
        }
        return (int) Math.max(0, Math.min(100, Math.floor(done * 100.0 / totalSeconds)));
    }
}
