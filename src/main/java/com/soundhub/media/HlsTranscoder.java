package com.soundhub.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One ffmpeg pass that decodes the original once and writes the HLS rendition (AAC 128 kb/s in
 * fMP4 segments of 6 s), a low-rate mono PCM copy for the waveform, and the EBU R128 loudness
 * measurement. Progress comes from ffmpeg's {@code -progress} output.
 */
@ApplicationScoped
public class HlsTranscoder {

    public static final String PLAYLIST = "playlist.m3u8";
    public static final String INIT_SEGMENT = "init.mp4";
    static final String WAVEFORM_PCM = "waveform.pcm";
    static final int WAVEFORM_SAMPLE_RATE = 4000;

    private static final Pattern DECODE_ERROR = Pattern.compile(
            "(?i)(error while decoding|invalid data found|corrupt|header missing|invalid frame|overread|"
                    + "non-existing pps|decode_slice|error decoding)");

    /** ffmpeg could not read its input for reasons that have nothing to do with the file. */
    private static final Pattern NOT_THE_FILE = Pattern.compile(
            "(?i)(connection refused|connection reset|timed out|server returned [45]|i/o error|network is unreachable|"
                    + "failed to resolve|no space left)");

    @Inject
    MediaTools tools;

    /** For CDI. */
    public HlsTranscoder() {
    }

    public HlsTranscoder(MediaTools tools) {
        this.tools = tools;
    }

    /**
     * @param seconds  the audio's length as probed, for the progress percentage
     * @param progress receives 0..100 as ffmpeg works
     */
    public TranscodeResult transcode(Path original, Path outputDirectory, double seconds, IntConsumer progress)
            throws IOException, InterruptedException {
        return transcode(original.toString(), outputDirectory, seconds, progress);
    }

    /**
     * As {@link #transcode(Path, Path, double, IntConsumer)}, reading from a file or an HTTP(S) URL:
     * from a URL, downloading overlaps with decoding.
     */
    public TranscodeResult transcode(String original, Path outputDirectory, double seconds, IntConsumer progress)
            throws IOException, InterruptedException {
        try (ProcessGroup alone = new ProcessGroup()) {
            return transcode(original, outputDirectory, seconds, progress, alone);
        }
    }

    /** As {@link #transcode(String, Path, double, IntConsumer)}, with ffmpeg in {@code processes}. */
    public TranscodeResult transcode(String original, Path outputDirectory, double seconds, IntConsumer progress,
                                     ProcessGroup processes) throws IOException, InterruptedException {
        Files.createDirectories(outputDirectory);
        Path hls = outputDirectory.resolve("hls");
        Files.createDirectories(hls);
        Path waveform = outputDirectory.resolve(WAVEFORM_PCM);
        List<String> command = command(tools.ffmpeg(), original, hls, waveform);
        FfmpegProgress parser = new FfmpegProgress();
        int[] lastPercent = {-1};
        Duration limit = Duration.ofSeconds(Math.max(120, (long) (seconds * 2) + 60));
        ExternalProcess.Result result = ExternalProcess.run(command, tools.environment(), limit, line -> parser.accept(line).ifPresent(done -> {
            int percent = FfmpegProgress.percent(done, seconds);
            if (percent != lastPercent[0]) {
                lastPercent[0] = percent;
                progress.accept(percent);
            }
        }), processes);
        int decodeErrors = (int) result.stderrTail().stream().filter(line -> DECODE_ERROR.matcher(line).find()).count();
        boolean notTheFile = result.stderrTail().stream().anyMatch(line -> NOT_THE_FILE.matcher(line).find());
        if (!result.succeeded() && (notTheFile || (decodeErrors == 0
                && result.stderrTail().stream().noneMatch(line -> line.contains(AudioProbe.inputName(original)))))) {
            // Nothing points at the file: ffmpeg itself failed (missing, killed, out of disk). Worth a retry.
            throw new IOException("ffmpeg failed (exit " + result.exitCode() + "): " + lastLines(result.stderrTail(), 3));
        }
        OptionalDouble loudness = LoudnessSummary.integratedLufs(result.stderrTail());
        byte[] peaks = Files.exists(waveform) ? Waveform.peaks(waveform, Waveform.DEFAULT_POINTS) : new byte[0];
        double decodedSeconds = Files.exists(waveform) ? Files.size(waveform) / 2.0 / WAVEFORM_SAMPLE_RATE : 0;
        Files.deleteIfExists(waveform);
        List<Path> files = new ArrayList<>();
        try (var listing = Files.list(hls)) {
            listing.sorted().forEach(files::add);
        }
        return new TranscodeResult(result.exitCode(), decodedSeconds, loudness, peaks, decodeErrors, hls, files,
                lastLines(result.stderrTail(), 5));
    }

    /** The ffmpeg command line; the benchmark runs the very same command by hand. */
    public static List<String> command(String ffmpeg, Path original, Path hlsDirectory, Path waveformPcm) {
        return command(ffmpeg, original.toString(), hlsDirectory, waveformPcm);
    }

    static List<String> command(String ffmpeg, String original, Path hlsDirectory, Path waveformPcm) {
        List<String> input = original.startsWith("http")
                // Survive a dropped connection in the middle of a long read.
                ? List.of("-reconnect", "1", "-reconnect_on_network_error", "1", "-reconnect_delay_max", "5", "-i", original)
                : List.of("-i", original);
        List<String> command = new java.util.ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y",
                "-progress", "pipe:1", "-nostats"));
        command.addAll(input);
        command.addAll(List.of(
                "-filter_complex",
                "[0:a:0]asplit=3[hls][wave][loud];"
                        + "[wave]aresample=" + WAVEFORM_SAMPLE_RATE + ",aformat=sample_fmts=s16:channel_layouts=mono[waveform];"
                        + "[loud]ebur128=framelog=quiet[measured]",
                "-map", "[hls]", "-c:a", "aac", "-b:a", "128k", "-ar", "44100", "-ac", "2",
                "-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod",
                "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", INIT_SEGMENT,
                "-hls_segment_filename", hlsDirectory.resolve("segment_%05d.m4s").toString(),
                hlsDirectory.resolve(PLAYLIST).toString(),
                "-map", "[waveform]", "-f", "s16le", waveformPcm.toString(),
                "-map", "[measured]", "-f", "null", "-"));
        return command;
    }

    private static String lastLines(List<String> lines, int count) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
