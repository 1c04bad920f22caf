package com.soundhub.media;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Asks ffprobe what a file is. */
@ApplicationScoped
public class AudioProbe {

    @Inject
    MediaTools tools;

    /** For CDI. */
    public AudioProbe() {
    }

    public AudioProbe(MediaTools tools) {
        this.tools = tools;
    }

    /** The probe's findings, or empty when ffprobe cannot read the file as media at all. */
    public Optional<ProbeResult> probe(Path file) throws IOException, InterruptedException {
        return probe(file.toString());
    }

    /** As {@link #probe(Path)}, for a file or an HTTP(S) URL. */
    public Optional<ProbeResult> probe(String input) throws IOException, InterruptedException {
        try (ProcessGroup alone = new ProcessGroup()) {
            return probe(input, alone);
        }
    }

    /** As {@link #probe(String)}, with ffprobe in {@code processes}. */
    public Optional<ProbeResult> probe(String input, ProcessGroup processes) throws IOException, InterruptedException {
        StringBuilder json = new StringBuilder();
        ExternalProcess.Result result = ExternalProcess.run(List.of(tools.ffprobe(),
                        "-v", "error", "-print_format", "json", "-show_format", "-show_streams", input),
                tools.environment(), Duration.ofMinutes(2), line -> json.append(line).append('\n'), processes);
        if (!result.succeeded()) {
            // ffprobe names the file when the file is the problem; otherwise ffprobe itself is.
            boolean aboutTheFile = result.stderrTail().stream().anyMatch(line -> line.contains(inputName(input)))
                    && result.stderrTail().stream().noneMatch(line -> line.matches("(?i).*(connection|timed out|server returned [45]|i/o error).*"));
            if (!aboutTheFile) {
                throw new IOException("ffprobe failed (exit " + result.exitCode() + "): "
                        + String.join(" ", result.stderrTail()));
            }
            return Optional.empty();
        }
        return parse(json.toString());
    }

    /** How ffmpeg's messages name an input: a URL without its (signed) query. */
    static String inputName(String input) {
        int query = input.indexOf('?');
        return query >= 0 && input.startsWith("http") ? input.substring(0, query) : input;
    }

    /** Reads ffprobe's JSON; public for tests. */
    public static Optional<ProbeResult> parse(String json) {
        JsonObject root;
        try (var reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        } catch (JsonException e) {
            return Optional.empty();
        }
        JsonObject format = root.getJsonObject("format");
        JsonArray streams = root.getJsonArray("streams");
        if (format == null || streams == null) {
            return Optional.empty();
        }
        JsonObject audio = null;
        boolean video = false;
        for (JsonValue value : streams) {
            JsonObject stream = value.asJsonObject();
            String type = stream.getString("codec_type", "");
            if ("audio".equals(type) && audio == null) {
                audio = stream;
            }
            boolean coverArt = stream.containsKey("disposition")
                    && stream.getJsonObject("disposition").getInt("attached_pic", 0) == 1;
            if ("video".equals(type) && !coverArt) {
                video = true;
            }
        }
        JsonObject audioStream = audio;
        double duration = number(format, "duration").orElse(-1.0);
        if (audio != null && duration < 0) {
            duration = number(audio, "duration").orElse(-1.0);
        }
        return Optional.of(new ProbeResult(
                format.getString("format_name", ""),
                duration,
                audio != null,
                audio == null ? "" : audio.getString("codec_name", ""),
                audio == null ? 0 : number(audio, "sample_rate").orElse(0.0).intValue(),
                audio == null ? 0 : audio.getInt("channels", 0),
                video,
                title(format).or(() -> title(audioStream)).orElse(null)));
    }

    /** The "title" tag of the container or stream (tag names vary in case: TITLE in Vorbis comments). */
    static Optional<String> title(JsonObject tagged) {
        if (tagged == null || !(tagged.get("tags") instanceof JsonObject tags)) {
            return Optional.empty();
        }
        for (String name : tags.keySet()) {
            if ("title".equalsIgnoreCase(name) && tags.get(name) instanceof JsonString text) {
                String title = text.getString().replaceAll("\\p{Cntrl}", " ").strip();
                if (!title.isEmpty()) {
                    return Optional.of(title);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> number(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value instanceof JsonNumber number) {
            return Optional.of(number.doubleValue());
        }
        if (value instanceof JsonString text) {
            try {
                return Optional.of(Double.parseDouble(text.getString()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
