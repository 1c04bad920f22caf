package com.soundhub.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.soundhub.media.ExternalProcess;
import com.soundhub.media.MediaTools;

/** Real audio files for tests, made with the bundled ffmpeg, and a way to measure what decodes. */
public final class AudioFiles {

    private static final MediaTools tools = MediaTools.bundled();

    private AudioFiles() {
    }

    /**
     * A tune of {@code seconds}: two tones with a slow swell, so the waveform has a shape. The
     * format follows the file name's extension.
     */
    public static Path tune(Path file, double seconds) throws IOException, InterruptedException {
        return tune(file, seconds, null);
    }

    /** A tune whose tags give it {@code title} (ID3 in MP3, Vorbis comments in FLAC and Ogg, INFO in WAV). */
    public static Path tune(Path file, double seconds, String title) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg(), "-hide_banner", "-nostdin", "-y", "-v", "error",
                "-f", "lavfi", "-i", String.format(Locale.ROOT, "sine=frequency=330:sample_rate=44100:duration=%.3f", seconds),
                "-f", "lavfi", "-i", String.format(Locale.ROOT, "sine=frequency=523:sample_rate=44100:duration=%.3f", seconds),
                "-filter_complex", "[0:a][1:a]amix=inputs=2,volume='4+3*sin(t/3)':eval=frame,aformat=channel_layouts=stereo"));
        command.addAll(codecFor(file));
        if (title != null) {
            command.addAll(List.of("-metadata", "title=" + title));
        }
        command.add(file.toString());
        run(command);
        return file;
    }

    /** {@code seconds} of digital silence, in the format of the file name's extension. */
    public static Path silence(Path file, double seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg(), "-hide_banner", "-nostdin", "-y", "-v", "error",
                "-f", "lavfi", "-i", "anullsrc=channel_layout=stereo:sample_rate=44100",
                "-t", String.format(Locale.ROOT, "%.3f", seconds)));
        command.addAll(codecFor(file));
        command.add(file.toString());
        run(command);
        return file;
    }

    private static List<String> codecFor(Path file) {
        List<String> codec = new ArrayList<>();
        String name = file.getFileName().toString();
        if (name.endsWith(".mp3")) {
            codec.addAll(List.of("-c:a", "libmp3lame", "-b:a", "64k"));
        } else if (name.endsWith(".flac")) {
            codec.addAll(List.of("-c:a", "flac"));
        } else if (name.endsWith(".m4a")) {
            codec.addAll(List.of("-c:a", "aac", "-b:a", "96k"));
        } else if (name.endsWith(".ogg") || name.endsWith(".opus")) {
            codec.addAll(List.of("-c:a", "libopus", "-b:a", "64k"));
        }
        return codec;
    }

    /** A WAV file cut short: its header still announces the whole length. */
    public static Path truncatedWav(Path file, double seconds, double keptShare) throws IOException, InterruptedException {
        tune(file, seconds);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength((long) (raf.length() * keptShare));
        }
        return file;
    }

    /** An MP3 whose middle third is overwritten with noise bytes. */
    public static Path corruptedMp3(Path file, double seconds) throws IOException, InterruptedException {
        tune(file, seconds);
        byte[] bytes = Files.readAllBytes(file);
        Random random = new Random(42);
        for (int i = bytes.length / 3; i < 2 * bytes.length / 3; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return Files.write(file, bytes);
    }

    /** Seconds of audio that actually decode from {@code file}. */
    public static double decodedSeconds(Path file) throws IOException, InterruptedException {
        long[] bytes = {0};
        Path pcm = Files.createTempFile("decoded", ".pcm");
        try {
            run(List.of(tools.ffmpeg(), "-hide_banner", "-nostdin", "-y", "-v", "error", "-i", file.toString(),
                    "-f", "s16le", "-ac", "1", "-ar", "8000", pcm.toString()));
            bytes[0] = Files.size(pcm);
        } finally {
            Files.deleteIfExists(pcm);
        }
        return bytes[0] / 2.0 / 8000;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ExternalProcess.Result result = ExternalProcess.run(command, tools.environment(), Duration.ofMinutes(5), line -> { });
        if (!result.succeeded()) {
            throw new IOException("ffmpeg failed: " + String.join("\n", result.stderrTail()));
        }
    }
}
