package com.soundhub.deployment;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.soundhub.testing.AudioFiles;
import com.soundhub.testing.Members;
import com.soundhub.testing.StartupLogs;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.Uploads;
import com.soundhub.testing.WebClient;
import com.soundhub.testing.WebClient.Page;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container's configuration, run natively: supervisord with {@code docker/supervisord.conf}
 * runs nginx (rendered from {@code docker/nginx.conf}) and two application instances behind one
 * round-robin upstream, on the test database and S3 endpoint, and everything is checked through
 * nginx's port as a visitor would reach it.
 */
@ExtendWith(TestInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerIT {

    /** Instances notice a dead one within seconds, so that the take-over fits in a test. */
    static final Map<String, String> FAST_RECOVERY = Map.of(
            "SOUNDHUB_JOBS_HEARTBEAT_SECONDS", "1",
            "SOUNDHUB_JOBS_MISSED_HEARTBEATS", "4");

    static ContainerSite site;
    static WebClient visitor;

    @TempDir
    static Path audio;

    @BeforeAll
    static void startTheContainerProcesses() throws Exception {
        // The test run shares one database: jobs that earlier test classes' servers left behind (dead
        // executions of work they were stopped in the middle of, uploads and pieces still queued,
        // analyses waiting for a retry) belong to no test here, yet both instances would take them up
        // as they start: a dead execution revived by both at once (db-scheduler then logs an error),
        // and their transcodes and renders competing with this test's for the two cores, long enough
        // to delay heartbeats past the one-second limit set here. No instance runs now; recurring
        // jobs are scheduled again by the instances as they start. Run first or alone, this test
        // meets a database that has no tables yet.
        try (Connection db = TestInfrastructure.jdbc(); PreparedStatement leftovers = db.prepareStatement(
                "DO $$ BEGIN IF to_regclass('scheduled_tasks') IS NOT NULL THEN DELETE FROM scheduled_tasks; END IF; END $$")) {
            leftovers.executeUpdate();
        }
        site = ContainerSite.start(2, FAST_RECOVERY);
        site.awaitReady(Duration.ofMinutes(5));
        visitor = new WebClient(site.nginx());
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(0)
    void aNormalStartLogsNoStackTrace() throws Exception {
        assertThat(StartupLogs.noise(site.logText())).as("stack traces and certificate dumps while starting").isEmpty();
    }

    @Test
    @Order(1)
    void staticFilesAndWebJarsAreServedByNginxItself() {
        Page home = visitor.get("/");
        String stylesheet = home.document().selectFirst("link[rel=stylesheet][href^=/static/]").attr("href");
        String webjar = home.document().selectFirst("script[src^=/webjars/]").attr("src");
        for (String path : List.of(stylesheet, webjar)) {
            Page file = visitor.send(HttpRequest.newBuilder(site.nginx().resolve(path)).header("Accept-Encoding", "gzip").GET());
            assertThat(file.status()).as(path).isEqualTo(200);
            assertThat(file.header("Cache-Control")).as(path).isEqualTo("public, max-age=31536000, immutable");
            assertThat(file.header("Content-Encoding")).as("compressed: " + path).isEqualTo("gzip");
            assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
            // Every answer of the application carries its request id; nginx's own files do not.
            assertThat(file.header("X-Request-Id")).as("not from the application: " + path).isNull();
        }
    }

    @Test
    @Order(2)
    void pagesAreProxiedWithTheVisitorsAddressSchemeAndRequestId() {
        Page home = visitor.send(HttpRequest.newBuilder(site.nginx().resolve("/"))
                .header("X-Forwarded-Proto", "https").header("X-Request-Id", "lb-trace-0123456789").GET());
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().title()).contains("SoundHub");
        assertThat(home.header("X-Request-Id")).as("the id nginx passed on").isEqualTo("lb-trace-0123456789");
        assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'");
        // The application believed nginx that the visitor used HTTPS.
        assertThat(home.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(home.header("Server")).isEqualTo("nginx");
    }

    @Test
    @Order(3)
    void visitorsWhoCameOverHttpAreSentToHttps() {
        Page plain = visitor.send(HttpRequest.newBuilder(site.nginx().resolve("/search?q=night"))
                .header("X-Forwarded-Proto", "http").GET());
        assertThat(plain.status()).isEqualTo(301);
        assertThat(plain.header("Location")).isEqualTo("https://localhost/search?q=night");
        assertThat(plain.header("X-Request-Id")).as("answered by nginx").isNull();
    }

    @Test
    @Order(4)
    void metricsHealthAndOpenApiAreRefusedFromOutsideInEverySpelling() {
        // Payara drops path parameters (also percent-encoded) before routing, ignores doubled slashes
        // and resolves dot segments, so each of these would reach the operators' endpoints if nginx
        // matched only the plain form.
        List<String> spellings = List.of("/metrics", "/metrics;x", "/metrics%3Bx", "/metrics%3bx", "/metrics/;x",
                "//metrics", "///metrics;x", "/METRICS", "/Metrics;x", "/%6Detrics", "/metrics%2F", "/./metrics",
                "/static/..;/metrics", "/;x/metrics", "/%3Bx/metrics", "/home/..;/metrics", "/metrics/base",
                "/health", "/health;x", "/health/ready;x", "/health;x/ready", "/health%3Bx/ready", "/HEALTH/READY",
                "/health//ready;x", "/health/live;x", "/openapi", "/openapi;x", "/OpenAPI", "/openapi%3Bx");
        for (String path : spellings) {
            for (String forwardedFor : List.of("203.0.113.9", "")) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.nginx() + path)).GET();
                if (!forwardedFor.isEmpty()) {
                    request.header("X-Forwarded-For", forwardedFor);
                }
                Page answer = visitor.send(request);
                String as = path + (forwardedFor.isEmpty() ? " from inside" : " from outside");
                if (forwardedFor.isEmpty() && (path.equals("/health") || path.equals("/health;x"))) {
                    assertThat(answer.status()).as(as).isNotEqualTo(200);
                }
                assertThat(answer.body()).as(as).doesNotContain("mp_scope").doesNotContain("http_server_requests")
                        .doesNotContain("\"checks\"").doesNotContain("openapi:");
                if (!forwardedFor.isEmpty()) {
                    assertThat(answer.status()).as(as).isIn(400, 404);
                }
            }
        }
        // Only the load balancer's own health checks, from inside and at exactly their address.
        assertThat(visitor.get("/health/ready").status()).isEqualTo(200);
        assertThat(visitor.get("/health/live").status()).isEqualTo(200);
        assertThat(visitor.get("/metrics").status()).as("metrics are not on the public port at all").isEqualTo(404);
        assertThat(visitor.get("/openapi").status()).isEqualTo(404);
        assertThat(visitor.send(HttpRequest.newBuilder(site.nginx().resolve("/health/ready"))
                .header("X-Forwarded-For", "203.0.113.9").GET()).status()).isEqualTo(404);

        // The management port (Prometheus on the private network) has them all.
        WebClient operator = new WebClient(site.management());
        Page metrics = operator.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_bucket");
        assertThat(operator.get("/health/ready").status()).isEqualTo(200);
        assertThat(operator.get("/openapi").status()).isEqualTo(200);
        assertThat(operator.get("/").status()).as("nothing else there").isEqualTo(404);
        assertThat(operator.send(HttpRequest.newBuilder(URI.create(site.management() + "/metrics;x")).GET()).status())
                .isEqualTo(404);
    }

    @Test
    @Order(5)
    void aBodyOverTheLimitIsRefusedByNginx() {
        byte[] thirteenMegabytes = new byte[13 * 1024 * 1024];
        Page refused = visitor.send(HttpRequest.newBuilder(site.nginx().resolve("/api/profile/avatar"))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(thirteenMegabytes)));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains("That file is too large");
        assertThat(refused.header("X-Request-Id")).as("the application never saw it").isNull();
    }

    @Test
    @Order(6)
    void aMemberSignedInThroughOneInstanceIsSignedInOnTheOtherAndThroughTheBalancer() throws Exception {
        WebClient onA = new WebClient(site.instance(0));
        String nickname = Members.signUp(onA, "roamer");
        WebClient onB = onA.sameBrowserAt(site.instance(1));
        Page settings = onB.get("/settings/profile");
        assertThat(settings.status()).as("signed in on B").isEqualTo(200);
        assertThat(settings.body()).contains(nickname);
        // Through nginx the requests alternate between the instances, and every one knows the member.
        WebClient balanced = onA.sameBrowserAt(site.nginx());
        for (int i = 0; i < 6; i++) {
            assertThat(balanced.get("/settings/profile").status()).isEqualTo(200);
        }
        assertThat(upstreamsThatServed("/settings/profile")).hasSize(2);
    }

    @Test
    @Order(7)
    void anUploadIsProcessedOnceAndItsProgressStreamsThroughNginxAndTheOtherInstance() throws Exception {
        WebClient member = new WebClient(site.instance(0));
        Members.signUp(member, "uploader");
        Path tune = AudioFiles.tune(audio.resolve("six-minutes.mp3"), 6 * 60);
        String upload = Uploads.upload(member, tune, Uploads.details("Through the proxy")).getString("id");
        int worker = instanceNumber(awaitWorker(upload, Duration.ofMinutes(1)));
        int other = 1 - worker;

        CompletableFuture<List<TimedEvent>> throughNginx = follow(site.nginx(), upload, member.cookieHeader());
        CompletableFuture<List<TimedEvent>> onTheOther = follow(site.instance(other), upload, member.cookieHeader());
        // The streams end when the work is finished; a stream left open fails the test instead of hanging it.
        List<TimedEvent> proxied = throughNginx.get(5, TimeUnit.MINUTES);
        List<TimedEvent> direct = onTheOther.get(5, TimeUnit.MINUTES);

        assertThat(direct.get(direct.size() - 1).state()).as(direct.toString()).isEqualTo("READY");
        assertThat(direct.stream().filter(event -> event.state().equals("TRANSCODING")).count())
                .as("instance %d streams the progress of the job instance %d runs", other, worker).isGreaterThan(2);
        assertThat(proxied.get(proxied.size() - 1).state()).isEqualTo("READY");
        List<TimedEvent> transcoding = proxied.stream().filter(event -> event.state().equals("TRANSCODING")).toList();
        assertThat(transcoding).hasSizeGreaterThan(2);
        // Unbuffered: the events came one by one while the work went on, not in one burst at the end.
        long spreadMillis = (transcoding.get(transcoding.size() - 1).arrivedNanos() - transcoding.get(0).arrivedNanos()) / 1_000_000;
        assertThat(spreadMillis).as("time between the first and last progress event through nginx").isGreaterThan(1000);

        assertThat(count("SELECT count(*) FROM upload_transitions WHERE upload_id = ?::uuid AND to_state = 'PROBING'", upload))
                .as("processed exactly once").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM upload_transitions WHERE upload_id = ?::uuid AND to_state = 'READY'", upload))
                .isEqualTo(1);
    }

    @Test
    @Order(8)
    void aKilledInstanceIsRestartedBySupervisordAndItsJobFinishedByTheOther() throws Exception {
        WebClient member = new WebClient(site.nginx());
        Members.signUp(member, "survivor");
        // Long enough that its transcode is still running when the instance doing it is killed.
        Path tune = AudioFiles.tune(audio.resolve("long-night.mp3"), 19 * 60);
        String upload = Uploads.upload(member, tune, Uploads.details("Killed midway")).getString("id");
        int worker = instanceNumber(awaitWorker(upload, Duration.ofMinutes(1)));
        awaitState(member, upload, "TRANSCODING", Duration.ofMinutes(1));

        long pid = site.pidOf(worker);
        new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
        long killedAt = System.nanoTime();
        // The site goes on answering through the other instance meanwhile.
        for (int i = 0; i < 5; i++) {
            assertThat(visitor.get("/").status()).isEqualTo(200);
        }
        // Once the killed instance has missed its heartbeats, the other one takes its job over.
        String survivor = "#" + site.pidOf(1 - worker);
        long takeoverDeadline = killedAt + Duration.ofMinutes(2).toNanos();
        Optional<String> takenBy = workerOf(upload);
        while (takenBy.filter(name -> name.endsWith(survivor)).isEmpty() && System.nanoTime() < takeoverDeadline) {
            Thread.sleep(200);
            takenBy = workerOf(upload);
        }
        assertThat(takenBy).as("the job's scheduler after the kill").hasValueSatisfying(name -> assertThat(name).endsWith(survivor));
        System.out.printf(Locale.ROOT, "[container] instance %d took the job over %.1f s after kill -9%n", 1 - worker,
                (System.nanoTime() - killedAt) / 1e9);
        Duration restart = site.awaitStatus(site.instance(worker).resolve("/health/ready"), 200,
                killedAt + Duration.ofMinutes(3).toNanos());
        assertThat(site.pidOf(worker)).as("a new process").isNotEqualTo(pid);
        System.out.printf(Locale.ROOT, "[container] instance %d answered again %.1f s after kill -9%n", worker,
                (System.nanoTime() - killedAt) / 1e9);
        assertThat(restart).isLessThan(Duration.ofMinutes(3));

        JsonObject finished = Uploads.awaitFinished(member, upload, Duration.ofMinutes(4));
        assertThat(finished.getString("state")).as(finished.toString()).isEqualTo("READY");
        assertThat(finished.toString()).contains("Started over after an interruption");
        assertThat(count("SELECT count(*) FROM upload_transitions WHERE upload_id = ?::uuid AND to_state = 'READY'", upload))
                .isEqualTo(1);
    }

    @Test
    @Order(9)
    void withNoInstanceRunningNginxStillServesFilesAndAFriendlyPage() throws Exception {
        site.supervisorctl("stop", "app:*");
        Page home = visitor.get("/");
        assertThat(home.status()).isEqualTo(502);
        assertThat(home.body()).contains("SoundHub will be back in a moment").doesNotContain("nginx/");
        assertThat(visitor.get("/static/css/soundhub.css").status()).as("served without any application").isEqualTo(200);

        // A site with one instance, as in production, answers again once supervisord has it back.
        site.supervisorctl("start", "app:app-0");
        Duration back = site.awaitStatus(site.nginx().resolve("/"), 200, System.nanoTime() + Duration.ofMinutes(3).toNanos());
        System.out.printf(Locale.ROOT, "[container] the site answered again %.1f s after its only instance was started%n",
                back.toMillis() / 1000.0);
    }

    // ---------------------------------------------------------------------------------------------

    record TimedEvent(String state, long arrivedNanos) {
    }

    /** Reads an upload's event stream until the server ends it, noting when each event arrived. */
    private static CompletableFuture<List<TimedEvent>> follow(URI base, String upload, String cookies) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/uploads/" + upload + "/events"))
                        .header("Accept", "text/event-stream").header("Cookie", cookies)
                        .timeout(Duration.ofMinutes(4)).build();
                HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                        .send(request, HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                List<TimedEvent> events = new ArrayList<>();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            events.add(new TimedEvent(Uploads.json(line.substring(5).trim()).getString("state"), System.nanoTime()));
                        }
                    }
                }
                return events;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Which upstreams (instances) nginx's JSON access log shows for requests to {@code path}. */
    private static Set<String> upstreamsThatServed(String path) throws Exception {
        Set<String> upstreams = new HashSet<>();
        Matcher line = Pattern.compile("\"uri\":\"" + Pattern.quote(path) + "\".*?\"upstream\":\"([^\"]+)\"")
                .matcher(site.logText());
        while (line.find()) {
            upstreams.add(line.group(1));
        }
        return upstreams;
    }

    /** The instance whose process the job's scheduler name (host#pid) names. */
    private static int instanceNumber(String schedulerName) throws Exception {
        for (int i = 0; i < site.instances; i++) {
            if (schedulerName.endsWith("#" + site.pidOf(i))) {
                return i;
            }
        }
        throw new AssertionError("No instance has the process of " + schedulerName);
    }

    private static String awaitWorker(String upload, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> worker = workerOf(upload);
            if (worker.isPresent()) {
                return worker.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No instance picked up upload " + upload);
    }

    private static Optional<String> workerOf(String upload) throws Exception {
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement(
                     "SELECT picked_by FROM scheduled_tasks WHERE task_name = 'process-upload' AND task_instance = ? AND picked")) {
            query.setString(1, upload);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static void awaitState(WebClient client, String upload, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Uploads.status(client, upload).getString("state").equals(state)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Upload " + upload + " never reached " + state);
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection db = TestInfrastructure.jdbc(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
