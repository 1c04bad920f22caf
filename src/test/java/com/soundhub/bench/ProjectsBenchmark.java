package com.soundhub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
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
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.soundhub.devserver.EmbeddedDatabase;
import com.soundhub.devserver.EmbeddedObjectStore;
import com.soundhub.devserver.PayaraProcess;
import com.soundhub.devserver.SiteEnvironment;
import com.soundhub.projects.contents.ContentHash;
import com.soundhub.projects.contents.ContentStore;
import com.soundhub.storage.S3ObjectStorage;
import com.soundhub.storage.StorageSettings;
import com.soundhub.testing.Members;
import com.soundhub.testing.Projects;
import com.soundhub.testing.WebClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import static com.soundhub.bench.BenchSupport.check;
import static com.soundhub.bench.BenchSupport.deleteTree;
import static com.soundhub.bench.BenchSupport.freePort;
import static com.soundhub.bench.BenchSupport.load;
import static com.soundhub.bench.BenchSupport.median;
import static com.soundhub.bench.BenchSupport.millis;
import static com.soundhub.bench.BenchSupport.percentile;
import static com.soundhub.bench.BenchSupport.seconds;

/**
 * Measures co-production: that a push sends only what changed (counted at the object store, by a
 * proxy in front of it), zip checkouts against reading the same objects from S3 with the heap
 * meanwhile, fifty pushes at once onto one base, and reading a 10,000-file project's manifest and
 * diff. Starts its own PostgreSQL, S3Proxy and Payara Micro with the built WAR.
 *
 * <pre>./mvnw -Pbench-projects [-Dbench.files=20 -Dbench.megabytes=50 ...]</pre>
 */
public final class ProjectsBenchmark {

    private static final int FILES = Integer.getInteger("bench.files", 200);
    private static final long MEGABYTES = Long.getLong("bench.megabytes", 1000);
    private static final int CHANGED = Integer.getInteger("bench.changed", 3);
    private static final int UPLOAD_THREADS = Integer.getInteger("bench.uploadThreads", 4);
    private static final int ZIP_RUNS = Integer.getInteger("bench.zipRuns", 2);
    private static final int CONCURRENT = Integer.getInteger("bench.concurrent", 50);
    private static final int MANY = Integer.getInteger("bench.manyFiles", 10_000);
    private static final int MANY_CHANGED = Integer.getInteger("bench.manyChanged", 100);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 200);
    private static final int REQUEST_THREADS = Integer.getInteger("bench.requestThreads", 4);
    /** Records the whole zips and the manifest and diff requests with JFR (target/bench-projects-*.jfr); off for measurements. */
    private static final boolean JFR = Boolean.getBoolean("bench.jfr");

    private static final Pattern USED_HEAP = Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*\\})?\\s+([0-9.eE+]+)");
    private static final String BUCKET = "bench";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> summary = new ArrayList<>();
    private final Path work;
    private final PayaraProcess server;
    private final CountingProxy proxy;
    private final S3ObjectStorage direct;
    private final WebClient browser;
    private final Projects api;

    /** A file of the folder being pushed. */
    private record LocalFile(String path, Path file, long size, String hash) {
    }

    /** What one push cost, step by step. */
    private record Pushed(JsonObject started, JsonObject committed, double startSeconds, double uploadSeconds,
                          double commitSeconds, long putBytes) {
        double seconds() {
            return startSeconds + uploadSeconds + commitSeconds;
        }
    }

    /** One read of a zip or of the same objects. */
    private record Read(long bytes, double seconds, double headersMs, double firstByteMs) {
        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    private ProjectsBenchmark(Path work, PayaraProcess server, CountingProxy proxy, S3ObjectStorage direct, WebClient browser) {
        this.work = work;
        this.server = server;
        this.proxy = proxy;
        this.direct = direct;
        this.browser = browser;
        this.api = new Projects(browser);
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path payara = Path.of(args[1]);
        Path work = Files.createTempDirectory("soundhub-projects-bench");
        System.out.printf(Locale.ROOT, "Work folder %s; %d files, %d MB; load average %s%n", work, FILES, MEGABYTES, load());
        try (EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("postgres"), freePort());
             EmbeddedObjectStore objects = EmbeddedObjectStore.start(work.resolve("s3"), freePort());
             CountingProxy proxy = CountingProxy.start(objects.endpoint().getHost(), objects.endpoint().getPort())) {
            Map<String, String> env = SiteEnvironment.of(database, objects.endpoint(), BUCKET);
            // Presigned URLs point at the counting proxy; the application itself reads S3 directly.
            env.put("SOUNDHUB_S3_PUBLIC_ENDPOINT", "http://127.0.0.1:" + proxy.port());
            env.put("SOUNDHUB_LOG_LEVEL", "INFO");
            env.put("SOUNDHUB_PROJECTS_QUOTA_MEGABYTES", String.valueOf(Math.max(20_480, MEGABYTES * 3)));
            S3ObjectStorage direct = new S3ObjectStorage(new StorageSettings(BUCKET, "us-east-1", Optional.of(objects.endpoint()),
                    Optional.empty(), Optional.of(EmbeddedObjectStore.ACCESS_KEY), Optional.of(EmbeddedObjectStore.SECRET_KEY), false));
            try (PayaraProcess server = PayaraProcess.start(payara, war, freePort(),
                    List.of("-Xmx1g", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                            "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED"), env, serverLog())) {
                server.awaitReady(Duration.ofMinutes(4));
                WebClient browser = new WebClient(server.baseUri());
                Members.signUp(browser, "bench");
                new ProjectsBenchmark(work, server, proxy, direct, browser).run();
            }
        } finally {
            deleteTree(work);
        }
    }

    private void run() throws Exception {
        String album = onlyWhatChangedTravels();
        zips(album);
        concurrentPushes(album);
        manyFiles();
        System.out.println();
        System.out.println("==== Summary ====");
        summary.forEach(System.out::println);
    }

    // 1. -------------------------------------------------------------------------------------------

    private String onlyWhatChangedTravels() throws Exception {
        System.out.printf(Locale.ROOT, "%n== 1. Only what changed travels (load %s)%n", load());
        Path folder = work.resolve("album");
        long size = MEGABYTES * 1_000_000 / FILES;
        long started = System.nanoTime();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            Path file = folder.resolve(String.format(Locale.ROOT, "stems/take-%03d.bin", i));
            randomFile(file, size, i);
            paths.add(file);
        }
        System.out.printf(Locale.ROOT, "wrote %d files of %d bytes in %.1f s%n", FILES, size, seconds(started));

        started = System.nanoTime();
        List<LocalFile> files = hash(folder, paths);
        double firstHash = seconds(started);
        String project = api.create("Bench album", "PRIVATE");
        Pushed first = push(project, 0, files, true, "All the takes", UPLOAD_THREADS);
        long total = files.stream().mapToLong(LocalFile::size).sum();
        check(first.putBytes() == total, "first push PUT %d bytes through the proxy, the files hold %d", first.putBytes(), total);

        List<Path> changed = new ArrayList<>();
        for (int i = 0; i < CHANGED; i++) {
            Path file = paths.get(i * (FILES / CHANGED) + FILES / CHANGED / 2);
            randomFile(file, size, 10_000 + i);
            changed.add(file);
        }
        started = System.nanoTime();
        files = hash(folder, paths);
        double secondHash = seconds(started);
        long changedBytes = 0;
        for (Path file : changed) {
            changedBytes += Files.size(file);
        }
        long allBefore = proxy.clientToServer();
        long requestsBefore = proxy.requests();
        Pushed second = push(project, 1, files, true, "Three takes again", UPLOAD_THREADS);
        long allBytes = proxy.clientToServer() - allBefore;
        long storeRequests = proxy.requests() - requestsBefore;
        int changedListed = second.started().getJsonObject("changes").getJsonArray("changed").size();
        int missing = second.started().getJsonArray("missing").size();
        check(changedListed == CHANGED && missing == CHANGED, "second push: %d changed, %d missing, expected %d", changedListed, missing, CHANGED);
        check(second.putBytes() == changedBytes, "second push PUT %d bytes, the changed files hold %d", second.putBytes(), changedBytes);
        check(proxy.unparsedConnections() == 0, "the proxy could not follow %d connections", proxy.unparsedConnections());

        line("1. Project of %d files, %.1f MB (%d bytes each), pushed with %d uploads at a time", FILES, total / 1e6, size, UPLOAD_THREADS);
        line("   hashing on the client, all files (page cache): %.2f s first, %.2f s second (%.0f MB/s)", firstHash, secondHash,
                total / 1e6 / secondHash);
        line("   first push: %.2f s (start %.2f s, upload+check %.2f s, commit %.2f s); PUT bodies at the store: %d bytes = the files' %d",
                first.seconds(), first.startSeconds(), first.uploadSeconds(), first.commitSeconds(), first.putBytes(), total);
        line("   second push, %d files changed: %.2f s (start %.2f s, upload+check %.2f s, commit %.2f s)", CHANGED,
                second.seconds(), second.startSeconds(), second.uploadSeconds(), second.commitSeconds());
        line("   second push at the store: PUT bodies %d bytes = the changed files' %d bytes (%s); all client->store bytes %d in %d requests",
                second.putBytes(), changedBytes, second.putBytes() == changedBytes ? "equal" : "NOT EQUAL", allBytes, storeRequests);
        line("   presigned PUTs through the proxy (Host header signed for the proxy) answered 200: %d of them in all", proxy.putRequests());
        return project;
    }

    private List<LocalFile> hash(Path folder, List<Path> paths) throws IOException {
        List<LocalFile> files = new ArrayList<>();
        for (Path file : paths) {
            try (InputStream in = Files.newInputStream(file)) {
                files.add(new LocalFile(folder.relativize(file).toString().replace('\\', '/'), file, Files.size(file), ContentHash.of(in)));
            }
        }
        return files;
    }

    /** Start, upload the missing contents ({@code threads} at a time, each checked as it arrives), commit. */
    private Pushed push(String project, int base, List<LocalFile> files, boolean wholeProject, String message, int threads)
            throws Exception {
        long putBefore = proxy.putBodyBytes();
        long started = System.nanoTime();
        JsonObject push = start(project, base, files, wholeProject);
        double startSeconds = seconds(started);
        Map<String, LocalFile> byHash = new HashMap<>();
        files.forEach(file -> byHash.put(file.hash(), file));
        started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (JsonValue value : push.getJsonArray("missing")) {
                JsonObject missing = value.asJsonObject();
                uploads.add(pool.submit(() -> {
                    upload(missing, byHash.get(missing.getString("hash")).file());
                    verify(project, push.getString("id"), missing.getString("hash"));
                    return null;
                }));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
        } finally {
            pool.shutdown();
        }
        double uploadSeconds = seconds(started);
        started = System.nanoTime();
        JsonObject committed = commit(project, push.getString("id"), message);
        return new Pushed(push, committed, startSeconds, uploadSeconds, seconds(started), proxy.putBodyBytes() - putBefore);
    }

    private JsonObject start(String project, int base, List<LocalFile> files, boolean wholeProject) {
        JsonArrayBuilder listed = Json.createArrayBuilder();
        files.forEach(file -> listed.add(Json.createObjectBuilder().add("path", file.path()).add("size", file.size()).add("hash", file.hash())));
        WebClient.Page started = api.post("/api/v1/projects/" + project + "/pushes", Json.createObjectBuilder().add("base", base)
                .add("files", listed).add("wholeProject", wholeProject).build());
        check(started.status() == 201, "push not started: %d %s", started.status(), started.body());
        return Projects.json(started.body());
    }

    private void verify(String project, String push, String hash) {
        WebClient.Page verified = api.verify(project, push, hash);
        check(verified.status() == 200, "not verified: %d %s", verified.status(), verified.body());
    }

    private JsonObject commit(String project, String push, String message) {
        WebClient.Page committed = api.commit(project, push, message);
        check(committed.status() == 201, "not committed: %d %s", committed.status(), committed.body());
        return Projects.json(committed.body());
    }

    /** PUTs a file to its presigned URL, or its parts to theirs. */
    private void upload(JsonObject missing, Path file) throws IOException, InterruptedException {
        JsonObject upload = missing.getJsonObject("upload");
        if (upload.containsKey("url")) {
            put(upload.getString("url"), HttpRequest.BodyPublishers.ofFile(file));
            return;
        }
        long partSize = upload.getJsonNumber("partSize").longValue();
        long size = Files.size(file);
        for (JsonValue value : upload.getJsonArray("parts")) {
            JsonObject part = value.asJsonObject();
            long from = (part.getInt("number") - 1) * partSize;
            byte[] bytes = new byte[(int) Math.min(partSize, size - from)];
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                in.seek(from);
                in.readFully(bytes);
            }
            put(part.getString("url"), HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
    }

    private void put(String url, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/octet-stream")
                .PUT(body).build(), HttpResponse.BodyHandlers.ofString());
        check(answer.statusCode() == 200, "PUT answered %d: %s", answer.statusCode(), answer.body());
    }

    // 2. -------------------------------------------------------------------------------------------

    private void zips(String project) throws Exception {
        System.out.printf(Locale.ROOT, "%n== 2. Zips (load %s)%n", load());
        JsonObject revision = api.getJson("/api/v1/projects/" + project + "/revisions/2");
        List<String> all = new ArrayList<>();
        revision.getJsonArray("files").forEach(file -> all.add(file.asJsonObject().getString("hash")));
        JsonObject diff = api.getJson("/api/v1/projects/" + project + "/diff?from=1&to=2");
        List<String> changes = new ArrayList<>();
        diff.getJsonArray("changed").forEach(change -> changes.add(change.asJsonObject().getJsonObject("to").getString("hash")));
        diff.getJsonArray("added").forEach(file -> changes.add(file.asJsonObject().getString("hash")));

        String whole = "/api/v1/projects/" + project + "/revisions/2/zip";
        String since = whole + "?since=1";
        checkChangesZip(since);
        if (JFR) {
            jcmd("JFR.start", "name=zips", "settings=profile", "filename=" + Path.of("target", "bench-projects-zips.jfr").toAbsolutePath());
        }
        compare("whole revision r2", whole, all, ZIP_RUNS);
        if (JFR) {
            jcmd("JFR.stop", "name=zips");
        }
        compare("changes r1->r2", since, changes, Math.max(ZIP_RUNS, 5));
        heapDuringZip(whole);
    }

    /** The changes zip holds the changes entry first, then the changed files. */
    private void checkChangesZip(String path) throws Exception {
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("Cookie", browser.cookieHeader()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        check(answer.statusCode() == 200, "%s answered %d", path, answer.statusCode());
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(answer.body())) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
                zip.transferTo(OutputStream.nullOutputStream());
            }
        }
        check(names.size() == CHANGED + 1 && names.get(0).equals(".soundhub-changes.json"), "changes zip holds %s", names);
    }

    private void compare(String label, String path, List<String> hashes, int runs) throws Exception {
        List<Read> fromS3 = new ArrayList<>();
        List<Read> zipped = new ArrayList<>();
        List<Read> curled = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            fromS3.add(readS3(hashes));
            zipped.add(readZip(path));
            curled.add(readZipWithCurl(path));
            System.out.printf(Locale.ROOT, "%s run %d: S3 %.1f MB/s (%.2f s), zip %.1f MB/s (%.2f s, headers %.0f ms, first byte %.0f ms), "
                            + "zip read by curl %.1f MB/s (%.2f s)%n",
                    label, run + 1, fromS3.get(run).megabytesPerSecond(), fromS3.get(run).seconds(), zipped.get(run).megabytesPerSecond(),
                    zipped.get(run).seconds(), zipped.get(run).headersMs(), zipped.get(run).firstByteMs(),
                    curled.get(run).megabytesPerSecond(), curled.get(run).seconds());
        }
        double s3Best = fromS3.stream().mapToDouble(Read::megabytesPerSecond).max().orElseThrow();
        double zipBest = zipped.stream().mapToDouble(Read::megabytesPerSecond).max().orElseThrow();
        double s3Median = median(fromS3.stream().map(Read::megabytesPerSecond).toList());
        double zipMedian = median(zipped.stream().map(Read::megabytesPerSecond).toList());
        line("2. Zip %s: %d files, %.1f MB of contents, zip %d bytes; %d runs each, alternating", label, hashes.size(),
                fromS3.get(0).bytes() / 1e6, zipped.get(0).bytes(), runs);
        line("   S3 straight (S3 client in the bench's JVM, one object after another): %s MB/s", rates(fromS3));
        line("   zip over HTTP: %s MB/s; time to headers %s ms, to first byte %s ms", rates(zipped),
                zipped.stream().map(read -> String.format(Locale.ROOT, "%.0f", read.headersMs())).toList(),
                zipped.stream().map(read -> String.format(Locale.ROOT, "%.0f", read.firstByteMs())).toList());
        line("   zip / S3: best %.0f %%, median %.0f %% (goal >= 80 %%)", zipBest * 100 / s3Best, zipMedian * 100 / s3Median);
        double curlBest = curled.stream().mapToDouble(Read::megabytesPerSecond).max().orElseThrow();
        line("   the same zip read by curl instead of the JDK's HTTP client: %s MB/s, first byte %s ms; best %.0f %% of S3",
                rates(curled), curled.stream().map(read -> String.format(Locale.ROOT, "%.0f", read.firstByteMs())).toList(),
                curlBest * 100 / s3Best);
    }

    private Read readS3(List<String> hashes) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        long bytes = 0;
        long started = System.nanoTime();
        double firstByte = -1;
        for (String hash : hashes) {
            try (InputStream in = direct.open(ContentStore.key(hash))) {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    if (firstByte < 0) {
                        firstByte = millis(started);
                    }
                    bytes += read;
                }
            }
        }
        return new Read(bytes, seconds(started), firstByte, firstByte);
    }

    private Read readZip(String path) throws IOException, InterruptedException {
        byte[] buffer = new byte[256 * 1024];
        long started = System.nanoTime();
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("Cookie", browser.cookieHeader()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        double headers = millis(started);
        check(answer.statusCode() == 200, "%s answered %d", path, answer.statusCode());
        long bytes = 0;
        double firstByte = -1;
        try (InputStream in = answer.body()) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                if (firstByte < 0) {
                    firstByte = millis(started);
                }
                bytes += read;
            }
        }
        return new Read(bytes, seconds(started), headers, firstByte);
    }

    /** The zip as curl reads it, to tell the server's speed from the JDK client's. */
    private Read readZipWithCurl(String path) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-H", "Cookie: " + browser.cookieHeader(),
                "-w", "%{http_code} %{size_download} %{time_starttransfer} %{time_total}",
                server.baseUri().resolve(path).toString()).redirectErrorStream(true).start();
        String[] answer = new String(curl.getInputStream().readAllBytes()).trim().split(" ");
        curl.waitFor();
        check(answer.length == 4 && answer[0].equals("200"), "curl %s: %s", path, String.join(" ", answer));
        double firstByte = Double.parseDouble(answer[2]) * 1000;
        return new Read(Long.parseLong(answer[1]), Double.parseDouble(answer[3]), firstByte, firstByte);
    }

    /** The application's heap while the whole revision streams: used every 250 ms, live every 2 s. */
    private void heapDuringZip(String path) throws Exception {
        long liveBefore = liveHeap();
        long usedBefore = usedHeap();
        AtomicBoolean streaming = new AtomicBoolean(true);
        AtomicLong highestUsed = new AtomicLong();
        List<Long> lives = Collections.synchronizedList(new ArrayList<>());
        Thread sampler = new Thread(() -> {
            long lastLive = System.nanoTime();
            try {
                while (streaming.get()) {
                    highestUsed.accumulateAndGet(usedHeap(), Math::max);
                    if (System.nanoTime() - lastLive > 2_000_000_000L) {
                        lives.add(liveHeap());
                        lastLive = System.nanoTime();
                    }
                    Thread.sleep(250);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        sampler.start();
        Read read;
        try {
            read = readZip(path);
        } finally {
            streaming.set(false);
            sampler.join();
        }
        long liveAfter = liveHeap();
        line("2. Heap of the application (-Xmx1g) while the whole revision's zip streams (%.1f MB in %.1f s, sampled meanwhile):",
                read.bytes() / 1e6, read.seconds());
        line("   live heap (used after a full GC): before %d MB, during %s MB (highest %d MB), after %d MB",
                liveBefore / 1_000_000, lives.stream().map(live -> live / 1_000_000).toList(),
                lives.stream().mapToLong(Long::longValue).max().orElse(-1) / 1_000_000, liveAfter / 1_000_000);
        line("   used heap: before %d MB, highest during %d MB", usedBefore / 1_000_000, highestUsed.get() / 1_000_000);
    }

    // 3. -------------------------------------------------------------------------------------------

    private void concurrentPushes(String project) throws Exception {
        System.out.printf(Locale.ROOT, "%n== 3. %d pushes at once (load %s)%n", CONCURRENT, load());
        int head = api.getJson("/api/v1/projects/" + project).getInt("head");
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> pushes = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            int n = i;
            pushes.add(pool.submit(() -> {
                byte[] bytes = new byte[10_000];
                new SplittableRandom(50_000 + n).nextBytes(bytes);
                String hash = ContentHash.of(bytes);
                String path = String.format(Locale.ROOT, "notes/idea-%02d.txt", n);
                go.await();
                long started = System.nanoTime();
                WebClient.Page page = api.post("/api/v1/projects/" + project + "/pushes", Json.createObjectBuilder().add("base", head)
                        .add("files", Json.createArrayBuilder().add(Json.createObjectBuilder().add("path", path)
                                .add("size", bytes.length).add("hash", hash))).add("wholeProject", false).build());
                check(page.status() == 201, "push %d not started: %d %s", n, page.status(), page.body());
                JsonObject push = Projects.json(page.body());
                put(push.getJsonArray("missing").getJsonObject(0).getJsonObject("upload").getString("url"),
                        HttpRequest.BodyPublishers.ofByteArray(bytes));
                verify(project, push.getString("id"), hash);
                JsonObject committed = commit(project, push.getString("id"), "Idea " + n);
                return new long[]{System.nanoTime() - started, committed.getInt("revision"), committed.getBoolean("rebased") ? 1 : 0};
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        List<Double> latencies = new ArrayList<>();
        TreeSet<Integer> revisions = new TreeSet<>();
        int rebased = 0;
        List<String> failures = new ArrayList<>();
        for (Future<long[]> push : pushes) {
            try {
                long[] result = push.get();
                latencies.add(result[0] / 1e6);
                revisions.add((int) result[1]);
                rebased += (int) result[2];
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(String.valueOf(e.getCause()));
            }
        }
        double wall = seconds(started);
        pool.shutdown();
        int newHead = api.getJson("/api/v1/projects/" + project).getInt("head");
        JsonObject last = api.getJson("/api/v1/projects/" + project + "/revisions/" + newHead);
        boolean numbered = revisions.size() == CONCURRENT && revisions.first() == head + 1 && revisions.last() == head + CONCURRENT;
        line("3. %d pushes at once onto r%d, each adding its own 10 kB file: %d succeeded, %d failed%s", CONCURRENT, head,
                latencies.size(), failures.size(), failures.isEmpty() ? "" : " " + failures.subList(0, Math.min(3, failures.size())));
        line("   revisions r%d..r%d, %d distinct (%s), head now r%d, %d replayed onto newer work; r%d holds %d files",
                revisions.isEmpty() ? 0 : revisions.first(), revisions.isEmpty() ? 0 : revisions.last(), revisions.size(),
                numbered ? "each number once" : "NOT one each", newHead, rebased, newHead, last.getJsonArray("files").size());
        line("   wall time %.2f s; per push (start, PUT, check, commit) p50 %.0f ms, p95 %.0f ms, max %.0f ms", wall,
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 100));
    }

    // 4. -------------------------------------------------------------------------------------------

    private void manyFiles() throws Exception {
        System.out.printf(Locale.ROOT, "%n== 4. A %d-file project (load %s)%n", MANY, load());
        Path folder = work.resolve("library");
        int distinct = 20;
        List<Path> contents = new ArrayList<>();
        for (int i = 0; i < distinct + 10; i++) {
            Path content = folder.resolve("content-" + i);
            randomFile(content, 2_000 + i, 90_000 + i);
            contents.add(content);
        }
        List<LocalFile> pool = hash(folder, contents);
        List<LocalFile> files = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            LocalFile content = pool.get(i % distinct);
            files.add(new LocalFile(String.format(Locale.ROOT, "kit-%02d/hit-%05d.bin", i / 500, i), content.file(), content.size(),
                    content.hash()));
        }
        String project = api.create("Bench sample library", "PRIVATE");
        Pushed first = push(project, 0, files, true, "The whole library", UPLOAD_THREADS);
        int every = Math.max(1, MANY / MANY_CHANGED);
        int changed = 0;
        for (int i = every / 2; i < MANY && changed < MANY_CHANGED; i += every, changed++) {
            LocalFile content = pool.get(distinct + changed % 10);
            files.set(i, new LocalFile(files.get(i).path(), content.file(), content.size(), content.hash()));
        }
        Pushed second = push(project, 1, files, true, "New hits", UPLOAD_THREADS);
        JsonObject diff = api.getJson("/api/v1/projects/" + project + "/diff?from=1&to=2");
        check(diff.getJsonArray("changed").size() == changed, "diff lists %d changed, expected %d", diff.getJsonArray("changed").size(), changed);
        line("4. Project of %d files (%d distinct contents), r2 changes %d of them", MANY, distinct, changed);
        line("   r1: start %.2f s (%d entries), upload+check %d contents %.2f s, commit %.2f s", first.startSeconds(), MANY,
                first.started().getJsonArray("missing").size(), first.uploadSeconds(), first.commitSeconds());
        line("   r2: start %.2f s (%d entries), upload+check %d contents %.2f s, commit %.2f s", second.startSeconds(), MANY,
                second.started().getJsonArray("missing").size(), second.uploadSeconds(), second.commitSeconds());

        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("API revision r2 (manifest)", "/api/v1/projects/" + project + "/revisions/2");
        targets.put("API diff r1..r2", "/api/v1/projects/" + project + "/diff?from=1&to=2");
        targets.put("page revision r2", "/projects/" + project + "/revisions/2");
        targets.put("page diff r1..r2", "/projects/" + project + "/diff?from=1&to=2");
        if (JFR) {
            jcmd("JFR.start", "name=manifest", "settings=profile",
                    "filename=" + Path.of("target", "bench-projects-manifest.jfr").toAbsolutePath());
        }
        for (Map.Entry<String, String> target : targets.entrySet()) {
            latency(target.getKey(), target.getValue());
        }
        if (JFR) {
            jcmd("JFR.stop", "name=manifest");
        }
    }

    private void latency(String label, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve(path)).header("Cookie", browser.cookieHeader())
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").GET().build();
        HttpResponse<byte[]> probe = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (probe.statusCode() != 200) {
            line("   %s (%s): answered %d, not measured", label, path.replaceAll("^/projects/[^/]+/", "/projects/{id}/"), probe.statusCode());
            return;
        }
        for (int i = 0; i < 20; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        List<Double> sequential = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            sequential.add(timed(request));
        }
        double sequentialSeconds = seconds(started);
        List<Double> concurrent = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(REQUEST_THREADS);
        started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < REQUEST_THREADS; t++) {
            running.add(pool.submit(() -> {
                for (int i = 0; i < REQUESTS / REQUEST_THREADS; i++) {
                    concurrent.add(timed(request));
                }
                return null;
            }));
        }
        for (Future<?> run : running) {
            run.get();
        }
        double concurrentSeconds = seconds(started);
        pool.shutdown();
        line("   %s, %d bytes: %d one after another p50 %.1f ms, p95 %.1f ms, max %.1f ms (%.0f rps); "
                        + "%d threads p50 %.1f ms, p95 %.1f ms, max %.1f ms (%.0f rps)",
                label, probe.body().length, sequential.size(), percentile(sequential, 50), percentile(sequential, 95),
                percentile(sequential, 100), sequential.size() / sequentialSeconds, REQUEST_THREADS, percentile(concurrent, 50),
                percentile(concurrent, 95), percentile(concurrent, 100), concurrent.size() / concurrentSeconds);
    }

    private double timed(HttpRequest request) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double ms = millis(started);
        check(answer.statusCode() == 200, "%s answered %d", request.uri(), answer.statusCode());
        return ms;
    }

    // -----------------------------------------------------------------------------------------------

    /** {@code size} bytes of pseudo-random content, written 1 MiB at a time. */
    private static void randomFile(Path file, long size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[1 << 20];
        ByteBuffer longs = ByteBuffer.wrap(chunk);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                longs.clear();
                while (longs.remaining() >= 8) {
                    longs.putLong(random.nextLong());
                }
                int length = (int) Math.min(chunk.length, left);
                out.write(chunk, 0, length);
                left -= length;
            }
        }
    }

    private long liveHeap() throws IOException, InterruptedException {
        jcmd("GC.run");
        return usedHeap();
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(server.pid())));
        line.addAll(List.of(command));
        new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private long usedHeap() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = USED_HEAP.matcher(metrics);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : -1;
    }

    private void line(String format, Object... values) {
        String line = String.format(Locale.ROOT, format, values);
        summary.add(line);
        System.out.println(line);
    }

    private static String rates(List<Read> reads) {
        return reads.stream().map(read -> String.format(Locale.ROOT, "%.1f", read.megabytesPerSecond())).toList().toString();
    }

    /** The server's log, kept after the run in target/. */
    private static Path serverLog() throws IOException {
        Path log = Path.of("target", "bench-projects-server.log").toAbsolutePath();
        Files.deleteIfExists(log);
        return log;
    }
}
