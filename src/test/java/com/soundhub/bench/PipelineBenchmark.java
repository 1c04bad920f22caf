package com.soundhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.soundhub.devserver.EmbeddedDatabase;
import com.soundhub.devserver.EmbeddedObjectStore;
import com.soundhub.devserver.PayaraProcess;
import com.soundhub.devserver.SiteEnvironment;
import com.soundhub.media.ExternalProcess;
import com.soundhub.media.HlsTranscoder;
import com.soundhub.media.MediaTools;
import com.soundhub.testing.AudioFiles;
import com.soundhub.testing.Members;
import com.soundhub.testing.Uploads;
import com.soundhub.testing.WebClient;
import jakarta.json.JsonObject;

/**
 * Measures the upload pipeline against ffmpeg alone, and the application's heap while large files
 * are processed. Starts its own PostgreSQL, S3Proxy and Payara Micro with the built WAR.
 *
 * <pre>./mvnw -Pbench-pipeline</pre>
 */
public final class PipelineBenchmark {

    private static final Pattern USED_HEAP = Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*\\})?\\s+([0-9.eE+]+)");

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payara = Path.of(args[1]);
        Path work = Files.createTempDirectory("soundhub-bench");
        int runs = 3;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("postgres"), freePort());
             EmbeddedObjectStore objects = EmbeddedObjectStore.start(work.resolve("s3"), freePort())) {
            Map<String, String> env = SiteEnvironment.of(database, objects.endpoint(), "bench");
            env.put("SOUNDHUB_LOG_LEVEL", "INFO");
            // One member sends all the uploads here, all to be processed at once to load the heap;
            // the site's share per member would process them one after another.
            env.put("SOUNDHUB_JOBS_MEDIA_PER_MEMBER", "0");
            try (PayaraProcess server = PayaraProcess.start(payara, war, freePort(),
                    List.of("-Xmx1g", "-Dfile.encoding=UTF-8", "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED"),
                    env, work.resolve("server.log"))) {
                server.awaitReady(Duration.ofMinutes(4));
                WebClient member = new WebClient(server.baseUri());
                Members.signUp(member, "bench");

                Path threeMinutes = AudioFiles.tune(work.resolve("three-minutes.wav"), 180);
                System.out.printf(Locale.ROOT, "3-minute WAV: %.1f MB%n", Files.size(threeMinutes) / 1e6);
                List<Double> byHand = new ArrayList<>();
                List<Double> pipeline = new ArrayList<>();
                MediaTools tools = MediaTools.bundled();
                for (int run = 0; run < runs; run++) {
                    byHand.add(ffmpegByHand(tools, threeMinutes, work.resolve("by-hand-" + run)));
                    pipeline.add(throughPipeline(member, database, threeMinutes));
                }
                double hand = median(byHand);
                double job = median(pipeline);
                System.out.printf(Locale.ROOT, "ffmpeg by hand: %s s, median %.2f s%n", byHand, hand);
                System.out.printf(Locale.ROOT, "pipeline (uploaded -> ready): %s s, median %.2f s%n", pipeline, job);
                System.out.printf(Locale.ROOT, "overhead: %.1f %%%n", (job - hand) * 100 / hand);
                Files.readAllLines(work.resolve("server.log")).stream()
                        .filter(line -> line.contains("\"formattedMessage\":\"Upload ") && line.contains("ready in"))
                        .reduce((a, b) -> b)
                        .ifPresent(line -> System.out.println("last pipeline log: "
                                + line.replaceAll(".*\"formattedMessage\":\"([^\"]*)\".*", "$1")));

                for (int megabytes : new int[]{5, 50}) {
                    heapDuringUploads(member, database, server, work, megabytes);
                }
            }
        }
    }

    private static double ffmpegByHand(MediaTools tools, Path input, Path out) throws Exception {
        Files.createDirectories(out.resolve("hls"));
        long started = System.nanoTime();
        ExternalProcess.Result result = ExternalProcess.run(
                HlsTranscoder.command(tools.ffmpeg(), input, out.resolve("hls"), out.resolve("waveform.pcm")),
                tools.environment(), Duration.ofMinutes(5), line -> { });
        if (!result.succeeded()) {
            throw new IllegalStateException(String.join("\n", result.stderrTail()));
        }
        return round((System.nanoTime() - started) / 1e9);
    }

    /** Seconds from the upload's UPLOADED transition to its READY one, as stored by the application. */
    private static double throughPipeline(WebClient member, EmbeddedDatabase database, Path file) throws Exception {
        JsonObject slot = Uploads.upload(member, file, Uploads.details("Benchmark"));
        JsonObject done = Uploads.awaitFinished(member, slot.getString("id"), Duration.ofMinutes(5));
        if (!done.getString("state").equals("READY")) {
            throw new IllegalStateException("Not ready: " + done);
        }
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
             PreparedStatement query = db.prepareStatement(
                     "SELECT extract(epoch FROM max(at) FILTER (WHERE to_state = 'READY') - max(at) FILTER (WHERE to_state = 'UPLOADED')) "
                             + "FROM upload_transitions WHERE upload_id = ?::uuid")) {
            query.setString(1, slot.getString("id"));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return round(row.getDouble(1));
            }
        }
    }

    /**
     * Ten uploads of about {@code megabytes} each, processed while the heap is sampled: its highest
     * use, and its live size (used right after a full collection, asked for every few seconds).
     */
    private static void heapDuringUploads(WebClient member, EmbeddedDatabase database, PayaraProcess server, Path work,
                                          int megabytes) throws Exception {
        double seconds = megabytes * 1e6 / 176_400.0;
        Path file = AudioFiles.tune(work.resolve("heap-" + megabytes + "mb.wav"), seconds);
        HttpClient http = HttpClient.newHttpClient();
        long idleLive = liveHeap(http, server);
        AtomicLong highest = new AtomicLong(0);
        long highestLive = idleLive;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(Uploads.upload(member, file, Uploads.details("Heap " + i)).getString("id"));
        }
        long started = System.nanoTime();
        boolean finished = false;
        for (int tick = 0; !finished; tick++) {
            highest.accumulateAndGet(usedHeap(http, server), Math::max);
            if (tick % 8 == 0) {
                highestLive = Math.max(highestLive, liveHeap(http, server));
            }
            finished = ids.stream().allMatch(id -> Uploads.status(member, id).getBoolean("finished"));
            Thread.sleep(250);
        }
        System.out.printf(Locale.ROOT, "10 uploads of %.1f MB: processed in %.0f s; live heap idle %d MB, "
                        + "highest live heap while processing %d MB, highest used heap %d MB%n",
                Files.size(file) / 1e6, (System.nanoTime() - started) / 1e9, idleLive / 1_000_000,
                highestLive / 1_000_000, highest.get() / 1_000_000);
    }

    /** Used heap right after a full collection: what the application really holds. */
    private static long liveHeap(HttpClient http, PayaraProcess server) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), String.valueOf(server.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        return usedHeap(http, server);
    }

    private static long usedHeap(HttpClient http, PayaraProcess server) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = USED_HEAP.matcher(metrics);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : -1;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
