package com.soundhub.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.soundhub.devserver.EmbeddedDatabase;
import com.soundhub.devserver.EmbeddedObjectStore;
import com.soundhub.devserver.PayaraProcess;
import com.soundhub.devserver.SiteEnvironment;
import com.soundhub.media.ExternalProcess;
import com.soundhub.media.MediaTools;
import com.soundhub.projects.MixSettings;
import com.soundhub.projects.MixdownCommand;
import com.soundhub.projects.contents.ContentStore;
import com.soundhub.storage.S3ObjectStorage;
import com.soundhub.storage.StorageSettings;
import com.soundhub.testing.Browsers;
import com.soundhub.testing.Members;
import com.soundhub.testing.Projects;
import com.soundhub.testing.WebClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.openqa.selenium.chrome.ChromeDriver;

import static com.soundhub.bench.BenchSupport.check;
import static com.soundhub.bench.BenchSupport.deleteTree;
import static com.soundhub.bench.BenchSupport.freePort;
import static com.soundhub.bench.BenchSupport.load;
import static com.soundhub.bench.BenchSupport.median;
import static com.soundhub.bench.BenchSupport.seconds;

/**
 * Measures the mixer and the bounce: (1) a mixdown of 16 stems of 4 minutes through the media job
 * (queued, ffmpeg reading the stems from S3, the FLAC kept as a content) against the same ffmpeg
 * command run by hand on the same files on local disk; (2) the time from opening the mixer of a
 * project with 10 stems in headless Chromium to the first sound and to all ten tracks playing.
 * Starts its own PostgreSQL, S3Proxy and Payara Micro with the built WAR.
 *
 * <pre>./mvnw -Pbench-mixer [-Dbench.stems=16 -Dbench.minutes=4 -Dbench.runs=5]</pre>
 */
public final class MixerBenchmark {

    private static final int STEMS = Integer.getInteger("bench.stems", 16);
    private static final double MINUTES = Double.parseDouble(System.getProperty("bench.minutes", "4"));
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int MIXER_STEMS = Integer.getInteger("bench.mixerStems", 10);
    private static final int MIXER_RUNS = Integer.getInteger("bench.mixerRuns", 5);

    private final MediaTools tools = MediaTools.bundled();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> summary = new ArrayList<>();
    private final Path work;
    private final WebClient browser;
    private final Projects api;
    private final S3ObjectStorage storage;

    private MixerBenchmark(Path work, WebClient browser, S3ObjectStorage storage) {
        this.work = work;
        this.browser = browser;
        this.api = new Projects(browser);
        this.storage = storage;
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payara = Path.of(args[1]);
        Path work = Files.createTempDirectory("soundhub-mixer-bench");
        System.out.printf(Locale.ROOT, "Work folder %s; %d stems of %.1f min; load average %s%n", work, STEMS, MINUTES, load());
        try (EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("postgres"), freePort());
             EmbeddedObjectStore objects = EmbeddedObjectStore.start(work.resolve("s3"), freePort())) {
            Map<String, String> env = SiteEnvironment.of(database, objects.endpoint(), "bench");
            env.put("SOUNDHUB_LOG_LEVEL", "INFO");
            env.put("SOUNDHUB_PROJECTS_QUOTA_MEGABYTES", "20480");
            Path log = Path.of("target", "bench-mixer-server.log").toAbsolutePath();
            Files.deleteIfExists(log);
            try (PayaraProcess server = PayaraProcess.start(payara, war, freePort(),
                    List.of("-Xmx1g", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                            "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED"), env, log)) {
                server.awaitReady(Duration.ofMinutes(4));
                WebClient browser = new WebClient(server.baseUri());
                Members.signUp(browser, "bench");
                S3ObjectStorage storage = new S3ObjectStorage(new StorageSettings("bench", "us-east-1", Optional.of(objects.endpoint()),
                        Optional.empty(), Optional.of(EmbeddedObjectStore.ACCESS_KEY), Optional.of(EmbeddedObjectStore.SECRET_KEY), false));
                new MixerBenchmark(work, browser, storage).run();
            }
        } finally {
            deleteTree(work);
        }
    }

    private void run() throws Exception {
        Map<String, Path> stems = makeStems();
        String project = pushAndAwaitAnalysis("Bench mixdown", "PRIVATE", stems);
        mixdown(project, stems);
        firstSound(stems);
        System.out.println();
        System.out.println("==== Summary ====");
        summary.forEach(System.out::println);
    }

    /** Stems a little like music: a chord tone each, with a swell, so that the mix has something to sum. */
    private Map<String, Path> makeStems() throws Exception {
        long started = System.nanoTime();
        Map<String, Path> stems = new LinkedHashMap<>();
        double seconds = MINUTES * 60;
        for (int i = 0; i < STEMS; i++) {
            Path file = work.resolve(String.format(Locale.ROOT, "stems/track-%02d.wav", i + 1));
            Files.createDirectories(file.getParent());
            double frequency = 110 * Math.pow(2, (i * 7 % 24) / 12.0);
            run(List.of(tools.ffmpeg(), "-hide_banner", "-nostdin", "-y", "-v", "error",
                    "-f", "lavfi", "-i", String.format(Locale.ROOT, "sine=frequency=%.2f:sample_rate=44100:duration=%.3f", frequency, seconds),
                    "-f", "lavfi", "-i", String.format(Locale.ROOT, "anoisesrc=color=pink:amplitude=0.02:sample_rate=44100:duration=%.3f:seed=%d",
                            seconds, i + 1),
                    "-filter_complex", "[0:a][1:a]amix=inputs=2,volume='0.5+0.3*sin(t/" + (2 + i) + ")':eval=frame,"
                            + "aformat=sample_fmts=s16:channel_layouts=stereo",
                    "-c:a", "pcm_s16le", file.toString()));
            stems.put("stems/" + file.getFileName(), file);
        }
        long bytes = 0;
        for (Path file : stems.values()) {
            bytes += Files.size(file);
        }
        System.out.printf(Locale.ROOT, "made %d stems, %.0f MB, in %.1f s%n", stems.size(), bytes / 1e6, seconds(started));
        return stems;
    }

    private String pushAndAwaitAnalysis(String title, String visibility, Map<String, Path> stems) throws Exception {
        String project = api.create(title, visibility);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, Path> stem : stems.entrySet()) {
            files.put(stem.getKey(), Files.readAllBytes(stem.getValue()));
        }
        long started = System.nanoTime();
        api.push(project, 0, files, true, "Stems");
        System.out.printf(Locale.ROOT, "pushed %d stems to %s in %.1f s%n", files.size(), project, seconds(started));
        started = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (true) {
            JsonObject revision = api.getJson("/api/v1/projects/" + project + "/revisions/1");
            long pending = revision.getJsonArray("files").stream()
                    .filter(file -> !"DONE".equals(file.asJsonObject().getString("analysis", "NONE"))).count();
            if (pending == 0) {
                break;
            }
            check(System.nanoTime() < deadline, "the stems of %s were not analysed in 30 minutes", project);
            Thread.sleep(500);
        }
        System.out.printf(Locale.ROOT, "stems analysed for listening in %.1f s%n", seconds(started));
        return project;
    }

    // 1. -------------------------------------------------------------------------------------------

    /** Settings that make ffmpeg work: every track with its own gain and pan, some of them late. */
    private static List<MixSettings.Track> settings(Map<String, Path> stems) {
        List<MixSettings.Track> tracks = new ArrayList<>();
        int i = 0;
        for (String path : stems.keySet()) {
            tracks.add(new MixSettings.Track(path, -6 - (i % 5), ((i % 9) - 4) / 4.0, false, false, (i % 4) * 250L));
            i++;
        }
        return tracks;
    }

    private void mixdown(String project, Map<String, Path> stems) throws Exception {
        System.out.printf(Locale.ROOT, "%n== 1. Mixdown of %d stems of %.1f min: the job against ffmpeg by hand (load %s)%n",
                STEMS, MINUTES, load());
        List<MixSettings.Track> tracks = settings(stems);
        JsonArrayBuilder list = Json.createArrayBuilder();
        tracks.forEach(track -> list.add(Json.createObjectBuilder().add("path", track.path()).add("gainDb", track.gainDb())
                .add("pan", track.pan()).add("mute", false).add("solo", false).add("offsetMs", track.offsetMs())));
        WebClient.Page saved = api.post("/api/v1/projects/" + project + "/mix",
                Json.createObjectBuilder().add("base", 1).add("tracks", list).add("message", "Bench balance").build());
        check(saved.status() == 201, "the mix was not saved: %d %s", saved.status(), saved.body());

        // The job's own command reads each stem from storage through a presigned URL; by hand, the
        // same command with such URLs, and once more with the files on local disk.
        Map<String, String> hashes = new HashMap<>();
        api.getJson("/api/v1/projects/" + project + "/revisions/1").getJsonArray("files").forEach(file ->
                hashes.put(file.asJsonObject().getString("path"), file.asJsonObject().getString("hash")));
        List<Double> byHand = new ArrayList<>();
        List<Double> byHandLocal = new ArrayList<>();
        List<Double> throughJob = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Path output = work.resolve("by-hand-" + run + ".flac");
            double handSeconds = ffmpeg(tracks.stream().map(track -> new MixdownCommand.Input(storage.presignForServer(
                    ContentStore.key(hashes.get(track.path())), Duration.ofHours(1)).toString(), track)).toList(), output);
            long flacBytes = Files.size(output);
            double localSeconds = ffmpeg(tracks.stream()
                    .map(track -> new MixdownCommand.Input(stems.get(track.path()).toString(), track)).toList(), output);
            byHand.add(handSeconds);
            byHandLocal.add(localSeconds);

            long started = System.nanoTime();
            WebClient.Page bounced = api.post("/api/v1/projects/" + project + "/masters", Json.createObjectBuilder().add("revision", 2).build());
            check(bounced.status() == 202, "the bounce was not queued: %d %s", bounced.status(), bounced.body());
            String master = Projects.json(bounced.body()).getString("id");
            awaitFinished("/api/v1/projects/" + project + "/masters/" + master + "/events");
            double jobSeconds = seconds(started);
            JsonObject status = api.getJson("/api/v1/projects/" + project + "/masters/" + master);
            check("DONE".equals(status.getString("state")), "the bounce ended %s", status);
            throughJob.add(jobSeconds);
            System.out.printf(Locale.ROOT, "run %d: by hand %.2f s reading storage (%.2f s reading local files; %.0f MB FLAC), "
                            + "through the job %.2f s (master %.1f s long): %+.1f %%%n", run, handSeconds, localSeconds, flacBytes / 1e6,
                    jobSeconds, status.getInt("durationMs") / 1000.0, (jobSeconds / handSeconds - 1) * 100);
            Files.delete(output);
        }
        double hand = median(byHand);
        double job = median(throughJob);
        summary.add(String.format(Locale.ROOT, "mixdown %d x %.1f min stems, %d runs: the same ffmpeg command by hand median %.2f s %s "
                        + "(reading local files instead %.2f s %s), through the job (queued, progress, FLAC kept as a content) "
                        + "median %.2f s %s: overhead %+.1f %%",
                STEMS, MINUTES, RUNS, hand, rounded(byHand), median(byHandLocal), rounded(byHandLocal), job, rounded(throughJob),
                (job / hand - 1) * 100));
    }

    /** Follows a master's progress stream, as its page does, until the server says it is finished. */
    private void awaitFinished(String eventsPath) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(browser.base().resolve(eventsPath)).header("Accept", "text/event-stream")
                .header("Cookie", browser.cookieHeader()).build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        check(response.statusCode() == 200, "the progress stream answered %d", response.statusCode());
        try (Stream<String> lines = response.body()) {
            check(lines.anyMatch(line -> line.startsWith("data:") && line.contains("\"finished\":true")),
                    "the progress stream ended before the master was finished");
        }
    }

    private double ffmpeg(List<MixdownCommand.Input> inputs, Path output) throws Exception {
        long started = System.nanoTime();
        ExternalProcess.Result result = ExternalProcess.run(MixdownCommand.command(tools.ffmpeg(), inputs, output.toString()),
                tools.environment(), Duration.ofMinutes(30), line -> { });
        double taken = seconds(started);
        check(result.succeeded(), "ffmpeg by hand failed: %s", String.join("\n", result.stderrTail()));
        return taken;
    }

    // 2. -------------------------------------------------------------------------------------------

    private void firstSound(Map<String, Path> stems) throws Exception {
        System.out.printf(Locale.ROOT, "%n== 2. Opening the mixer of %d stems to the first sound, headless Chromium (load %s)%n",
                MIXER_STEMS, load());
        Map<String, Path> ten = new LinkedHashMap<>();
        stems.entrySet().stream().limit(MIXER_STEMS).forEach(stem -> ten.put(stem.getKey(), stem.getValue()));
        // The same contents as the first project's: stored and analysed already, so this push is quick.
        String project = pushAndAwaitAnalysis("Bench mixer", "PUBLIC", ten);
        String url = browser.base().resolve("/projects/" + project + "/mixer").toString();
        List<Double> fromClick = new ArrayList<>();
        List<Double> allFromClick = new ArrayList<>();
        List<Double> fromOpening = new ArrayList<>();
        ChromeDriver chromium = Browsers.chromium();
        try {
            chromium.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            for (int run = 1; run <= MIXER_RUNS + 1; run++) {
                // A fresh page each time; the browser's cache is cleared so that nothing is played from it.
                chromium.executeCdpCommand("Network.clearBrowserCache", Map.of());
                chromium.get(url);
                @SuppressWarnings("unchecked")
                Map<String, Object> timing = (Map<String, Object>) chromium.executeAsyncScript("""
                        var done = arguments[arguments.length - 1];
                        var tracks = arguments[0];
                        var clicked = performance.now();
                        document.querySelector('[data-mixer-play]').click();
                        var first = null;
                        var poll = setInterval(function () {
                            var sounding = window.soundhub.mixer.state().sounding;
                            var at = performance.now();
                            if (sounding > 0 && first === null) { first = at; }
                            if (sounding >= tracks || at - clicked > 30000) {
                                clearInterval(poll);
                                done({clicked: clicked, first: first === null ? -1 : first, all: sounding >= tracks ? at : -1,
                                      sounding: sounding});
                            }
                        }, 5);
                        """, MIXER_STEMS);
                double clicked = ((Number) timing.get("clicked")).doubleValue();
                double first = ((Number) timing.get("first")).doubleValue();
                double all = ((Number) timing.get("all")).doubleValue();
                check(all > 0, "only %s of %d tracks played within 30 s", timing.get("sounding"), MIXER_STEMS);
                System.out.printf(Locale.ROOT, "run %d: page ready after %.0f ms; first track sounding %.0f ms after play, all %d %.0f ms "
                        + "after play; %.0f ms from opening the page%s%n", run, clicked, first - clicked, MIXER_STEMS, all - clicked, all,
                        run == 1 ? " (warm-up, not counted)" : "");
                if (run > 1) {
                    fromClick.add(first - clicked);
                    allFromClick.add(all - clicked);
                    fromOpening.add(all);
                }
            }
        } finally {
            chromium.quit();
        }
        summary.add(String.format(Locale.ROOT, "mixer with %d stems, headless Chromium, %d runs: first sound median %.0f ms after play, "
                        + "all %d tracks playing median %.0f ms (max %.0f) after play, median %.0f ms (max %.0f) from opening the page",
                MIXER_STEMS, MIXER_RUNS, median(fromClick), MIXER_STEMS, median(allFromClick), Collections.max(allFromClick),
                median(fromOpening), Collections.max(fromOpening)));
    }

    // ---------------------------------------------------------------------------------------------

    private void run(List<String> command) throws IOException, InterruptedException {
        ExternalProcess.Result result = ExternalProcess.run(command, tools.environment(), Duration.ofMinutes(10), line -> { });
        check(result.succeeded(), "%s failed: %s", command.get(0), String.join("\n", result.stderrTail()));
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(value -> String.format(Locale.ROOT, "%.2f", value)).toList().toString();
    }
}
