package com.soundhub.deployment;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import com.soundhub.testing.AudioFiles;
import com.soundhub.testing.Members;
import com.soundhub.testing.StartupLogs;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.Uploads;
import com.soundhub.testing.WebClient;
import com.soundhub.testing.WebClient.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
 * The built image, checked as a deployer would and run: its own entrypoint, user, supervisord,
 * nginx, JRE, bundled ffmpeg and SoundFont, on the test database and S3 endpoint, through the
 * image's nginx (see {@link ImageSite}). Needs {@code -Dsoundhub.image=IMAGE}, an image built by
 * {@code docker/build-image.sh}; CI builds one and requires this test.
 */
@ExtendWith(ImageSite.Wanted.class)
@ExtendWith(TestInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    /** The image's user, which owns every process of the container. */
    static final int USER_ID = 10001;
    /** What the image may weigh: a JRE, nginx, supervisord, the SoundFont (148 MB), Payara and the WAR. */
    static final long MAX_SIZE = 800L * 1000 * 1000;
    static final String SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    static ImageSite site;
    static WebClient visitor;
    static Path root;

    @TempDir
    static Path audio;

    @BeforeAll
    static void startTheImage() throws Exception {
        ImageSite.requireImage();
        Path work = Path.of(System.getProperty("soundhub.it.work", "target/it-work")).toAbsolutePath().resolve("image");
        site = ImageSite.create(work);
        root = site.root();
        // Jobs that earlier test classes' servers left behind belong to no test here (see ContainerIT);
        // run alone, this test meets a database that has no tables yet.
        try (Connection db = TestInfrastructure.jdbc(); PreparedStatement leftovers = db.prepareStatement(
                "DO $$ BEGIN IF to_regclass('scheduled_tasks') IS NOT NULL THEN DELETE FROM scheduled_tasks; END IF; END $$")) {
            leftovers.executeUpdate();
        }
        Map<String, String> settings = new HashMap<>();
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("SOUNDHUB_")) {
                settings.put(key, value);
            }
        });
        long started = System.nanoTime();
        site.start(settings);
        site.awaitStatus(site.nginx().resolve("/health/ready"), 200, Duration.ofMinutes(5));
        System.out.printf(Locale.ROOT, "[image] %s answered through its nginx %.1f s after its entrypoint started%n",
                site.image, (System.nanoTime() - started) / 1e9);
        visitor = new WebClient(site.nginx());
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    // ---- the image as built -----------------------------------------------------------------------

    @Test
    @Order(0)
    void theImageIsLeanAndHoldsNoBuildToolsOrCaches() throws Exception {
        long size = site.imageSize();
        System.out.printf(Locale.ROOT, "[image] %s weighs %.0f MB%n", site.image, size / 1e6);
        assertThat(size).as("bytes in the image's layers").isLessThan(MAX_SIZE);

        List<String> leftovers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.forEach(file -> {
                String path = "/" + root.relativize(file).toString().replace('\\', '/');
                String name = file.getFileName() == null ? "" : file.getFileName().toString();
                if (path.startsWith("/proc/") || path.startsWith("/sys/") || path.startsWith("/dev/")) {
                    return;
                }
                boolean program = path.contains("/bin/") && !Files.isDirectory(file);
                boolean found = (program && Set.of("javac", "jshell", "jlink", "mvn", "gcc", "cc", "make").contains(name))
                        || name.equals(".m2")
                        || name.startsWith("apache-maven")
                        || name.endsWith(".deb")
                        || (path.startsWith("/var/lib/apt/lists/") && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                                && !name.equals("lock"))
                        || (path.startsWith("/var/cache/apt/") && name.endsWith(".bin"))
                        || path.equals("/build") || path.equals("/root/.cache") || path.equals("/out");
                if (found) {
                    leftovers.add(path);
                }
            });
        }
        assertThat(leftovers).as("build tools and caches in the runtime image").isEmpty();
        // The runtime is a JRE: its tools are there, the compiler is not.
        assertThat(site.execInside("sh", "-c", "command -v java; command -v keytool; command -v javac || true").trim().lines())
                .hasSize(2);
        // Production reaches S3, RDS and SES over TLS: the JRE trusts the public certificate authorities.
        String trusted = site.execInside("keytool", "-list", "-cacerts", "-storepass", "changeit");
        assertThat(trusted).containsPattern("contains (1\\d\\d|[2-9]\\d\\d) entries");
    }

    @Test
    @Order(1)
    void itRunsAsItsOwnUserAndHoldsTheSoundFont() throws Exception {
        JsonObject config = site.imageConfig();
        assertThat(config.getString("User")).isEqualTo("soundhub");
        assertThat(site.execInside("id", "-u").trim()).isEqualTo(String.valueOf(USER_ID));
        assertThat(site.execInside("sh", "-c", "id -u soundhub; stat -c %u /var/lib/soundhub /tmp/soundhub").trim().lines())
                .containsOnly(String.valueOf(USER_ID));

        // Every process of the running container is the image's user's: supervisord, nginx and Java.
        List<ImageSite.ContainerProcess> processes = site.imageProcesses();
        assertThat(processes.stream().map(ImageSite.ContainerProcess::name)).contains("supervisord", "nginx", "java");
        for (ImageSite.ContainerProcess process : processes) {
            assertThat(process.userIds()).as("real, effective, saved and file user of %s", process)
                    .containsOnly(String.valueOf(USER_ID)).hasSize(4);
        }

        // The SoundFont the entrypoint hands to the generator is in the image.
        assertThat(root.resolve(SOUNDFONT.substring(1))).isRegularFile();
        assertThat(Files.size(root.resolve(SOUNDFONT.substring(1)))).isGreaterThan(100_000_000L);
    }

    @Test
    @Order(2)
    void theDeploymentFilesPointAtWhatWasBuilt() throws Exception {
        JsonObject config = site.imageConfig();
        Map<String, String> env = new HashMap<>();
        for (JsonString entry : config.getJsonArray("Env").getValuesAs(JsonString.class)) {
            String[] pair = entry.getString().split("=", 2);
            env.put(pair[0], pair[1]);
        }
        Set<String> exposed = new TreeSet<>(config.getJsonObject("ExposedPorts").keySet());
        assertThat(exposed).containsExactlyInAnyOrder(env.get("NGINX_PORT") + "/tcp", env.get("SOUNDHUB_MANAGEMENT_PORT") + "/tcp");

        // Elastic Beanstalk publishes exactly the ports the image exposes.
        JsonObject dockerrun = json(Files.readString(ROOT.resolve("deploy/elasticbeanstalk/Dockerrun.aws.json")));
        Set<String> published = new TreeSet<>();
        dockerrun.getJsonArray("Ports").getValuesAs(JsonObject.class)
                .forEach(port -> published.add(port.getString("ContainerPort") + "/tcp"));
        assertThat(published).as("container ports of Dockerrun.aws.json").isEqualTo(exposed);
        // Its placeholder names the repository of the image built here.
        String placeholder = dockerrun.getJsonObject("Image").getString("Name");
        assertThat(repositoryOf(placeholder)).isEqualTo(repositoryOf(site.image));

        // Docker (and Elastic Beanstalk) check the instance's health through nginx's port.
        JsonObject docker = ImageSite.parse(ImageSite.exec(List.of(site.buildah.toString(), "inspect", "--type", "image",
                site.image), Duration.ofMinutes(1))).getJsonObject("Docker").getJsonObject("config");
        assertThat(docker.containsKey("Healthcheck") && !docker.isNull("Healthcheck"))
                .as("the image keeps its HEALTHCHECK (Docker image format)").isTrue();
        String healthcheck = String.join(" ", docker.getJsonObject("Healthcheck").getJsonArray("Test")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertThat(healthcheck).contains("http://127.0.0.1:" + env.get("NGINX_PORT") + "/health/ready");

        // The bundle made for this image names it.
        Path bundle = Path.of(System.getProperty("soundhub.it.work", "target/it-work")).toAbsolutePath()
                .resolve("image/bundle.zip");
        ImageSite.exec(List.of("bash", ROOT.resolve("deploy/elasticbeanstalk/build-bundle.sh").toString(), site.image,
                bundle.toString()), Duration.ofMinutes(1));
        try (ZipFile zip = new ZipFile(bundle.toFile()); InputStream in = zip.getInputStream(zip.getEntry("Dockerrun.aws.json"))) {
            JsonObject bundled = json(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(bundled.getJsonObject("Image").getString("Name")).isEqualTo(site.image);
            assertThat(bundled.getJsonArray("Ports")).isEqualTo(dockerrun.getJsonArray("Ports"));
        }
    }

    // ---- the image running ------------------------------------------------------------------------

    @Test
    @Order(3)
    void aNormalStartLogsNoStackTrace() throws Exception {
        assertThat(site.logText()).contains("supervisord started").contains("nginx on port " + site.nginxPort);
        assertThat(StartupLogs.noise(site.logText())).as("stack traces and certificate dumps while starting").isEmpty();
    }

    @Test
    @Order(4)
    void pagesComeThroughNginxAndStaticFilesFromItsDisk() {
        Page home = visitor.send(HttpRequest.newBuilder(site.nginx().resolve("/")).header("X-Forwarded-Proto", "https").GET());
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().title()).contains("SoundHub");
        assertThat(home.header("Server")).isEqualTo("nginx");
        assertThat(home.header("X-Request-Id")).as("answered by the application").isNotBlank();
        assertThat(home.header("Strict-Transport-Security")).as("the application believed nginx about HTTPS").contains("max-age=");

        String stylesheet = home.document().selectFirst("link[rel=stylesheet][href^=/static/]").attr("href");
        String webjar = home.document().selectFirst("script[src^=/webjars/]").attr("src");
        for (String path : List.of(stylesheet, webjar)) {
            Page file = visitor.send(HttpRequest.newBuilder(site.nginx().resolve(path)).header("Accept-Encoding", "gzip").GET());
            assertThat(file.status()).as(path).isEqualTo(200);
            assertThat(file.header("Cache-Control")).as(path).isEqualTo("public, max-age=31536000, immutable");
            assertThat(file.header("Content-Encoding")).as(path).isEqualTo("gzip");
            assertThat(file.header("X-Request-Id")).as("from nginx's disk, not the application: " + path).isNull();
        }
        String plainPath = stylesheet.replaceFirst("\\?.*", "");
        assertThat(root.resolve("opt/soundhub/public").resolve(plainPath.substring(1))).as("in the image").isRegularFile();
    }

    @Test
    @Order(5)
    void theInternalEndpointsAreRefusedOnThePublicPort() {
        for (String path : List.of("/metrics", "/metrics;x", "/METRICS", "//metrics", "/openapi", "/health", "/health/ready;x")) {
            Page answer = visitor.send(HttpRequest.newBuilder(URI.create(site.nginx() + path))
                    .header("X-Forwarded-For", "203.0.113.9").GET());
            assertThat(answer.status()).as(path).isIn(400, 404);
            assertThat(answer.body()).as(path).doesNotContain("http_server_requests").doesNotContain("\"checks\"");
        }
        assertThat(visitor.get("/metrics").status()).as("not on the public port at all").isEqualTo(404);
        assertThat(visitor.send(HttpRequest.newBuilder(site.nginx().resolve("/health/ready"))
                .header("X-Forwarded-For", "203.0.113.9").GET()).status()).as("a visitor's health check").isEqualTo(404);
        // The management port, for the monitoring server on the private network.
        WebClient operator = new WebClient(site.management());
        Page metrics = operator.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds");
        assertThat(operator.get("/").status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void anUploadIsTranscodedByTheFfmpegTheImageBrings() throws Exception {
        WebClient member = new WebClient(site.nginx());
        Members.signUp(member, "imaged");
        Path tune = AudioFiles.tune(audio.resolve("in-the-image.mp3"), 40);
        String upload = Uploads.upload(member, tune, Uploads.details("Made in the image")).getString("id");
        JsonObject finished = Uploads.awaitFinished(member, upload, Duration.ofMinutes(4));
        assertThat(finished.getString("state")).as(finished.toString()).isEqualTo("READY");

        // The WAR's ffmpeg, unpacked into the image user's cache inside the container.
        Path cache = root.resolve("var/lib/soundhub/.cache/soundhub");
        assertThat(cache).isDirectory();
        try (Stream<Path> unpacked = Files.list(cache)) {
            Path ffmpeg = unpacked.filter(folder -> folder.getFileName().toString().startsWith("ffmpeg-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no ffmpeg unpacked in " + cache)).resolve("ffmpeg");
            assertThat(ffmpeg).isExecutable();
            assertThat(Files.getAttribute(ffmpeg, "unix:uid")).isEqualTo(USER_ID);
        }
        assertThat(site.logText()).contains("Unpacked the bundled ffmpeg into /var/lib/soundhub/.cache/soundhub/ffmpeg-");
    }

    @Test
    @Order(7)
    void aGeneratedPieceIsRenderedWithTheImagesSoundFont() throws Exception {
        WebClient member = new WebClient(site.nginx());
        Members.signUp(member, "composer");
        Map<String, String> values = new HashMap<>();
        values.put("genre", "bossa-nova");
        values.put("mood", "happy");
        values.put("tempo", "120");
        values.put("length", "30");
        values.put("seed", "2201");
        Page started = member.submit(member.get("/generate"), "form[action=/generate]", values);
        assertThat(started.status()).as(started.body()).isEqualTo(303);
        String page = started.location();
        String id = page.substring(page.lastIndexOf('/') + 1);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        JsonObject status = Uploads.json(member.get("/api/generations/" + id).body());
        while (!status.getBoolean("finished") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = Uploads.json(member.get("/api/generations/" + id).body());
        }
        assertThat(status.getString("state")).as(status.toString()).isEqualTo("READY");
        assertThat(site.logText()).as("the renderer's choice of instruments")
                .contains("Music renderer ready with SoundFont " + SOUNDFONT)
                .doesNotContain("Music renderer ready with the built-in instruments");
        Page mix = member.get(page + "/download/mix");
        assertThat(mix.status()).isEqualTo(303);
    }

    @Test
    @Order(8)
    void aKilledApplicationIsStartedAgainBySupervisord() throws Exception {
        long pid = site.appPid();
        assertThat(site.imageProcesses()).as("the application's process")
                .anySatisfy(process -> assertThat(process.pid()).isEqualTo(pid));
        new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
        long killedAt = System.nanoTime();
        // nginx stays and says so while the application is away.
        Page away = visitor.get("/");
        if (away.status() == 502) {
            assertThat(away.body()).contains("SoundHub will be back in a moment");
        }
        Duration back = site.awaitStatus(site.nginx().resolve("/health/ready"), 200, Duration.ofMinutes(4));
        System.out.printf(Locale.ROOT, "[image] the application answered again %.1f s after kill -9%n", back.toMillis() / 1000.0);
        long restarted = site.appPid();
        assertThat(restarted).as("a new process").isNotEqualTo(pid);
        assertThat(site.supervisorctl("status", "app:app-0")).contains("RUNNING");
        assertThat(visitor.get("/").status()).isEqualTo(200);
        assertThat(site.logText()).contains("exited: app-0 (terminated by SIGKILL");
        assertThat(System.nanoTime() - killedAt).isLessThan(Duration.ofMinutes(4).toNanos());
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The repository of an image reference: its last path part without tag or digest. */
    private static String repositoryOf(String reference) {
        String name = reference.replaceFirst("@.*$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.replaceFirst(":.*$", "");
    }
}
