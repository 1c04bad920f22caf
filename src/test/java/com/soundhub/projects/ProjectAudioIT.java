package com.soundhub.projects;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.soundhub.projects.contents.ContentHash;
import com.soundhub.testing.AudioFiles;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.Members;
import com.soundhub.testing.Projects;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.WebClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static com.soundhub.testing.Projects.files;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audio pushed to a project is analysed by the media job, once per content, and plays over HLS with
 * signed segments for those who may see the project; files that only look like audio fail with a
 * reason, once.
 */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class ProjectAudioIT {

    private static final Duration ANALYSIS_TIMEOUT = Duration.ofMinutes(3);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @ArquillianResource
    URL deployed;

    @TempDir
    Path folder;

    WebClient anonymous;

    @BeforeEach
    void openBrowser() {
        anonymous = new WebClient(Deployments.base(deployed));
    }

    private Projects member(String prefix) {
        WebClient browser = anonymous.stranger();
        Members.signUp(browser, prefix);
        return new Projects(browser);
    }

    private byte[] tune(String name, double seconds, String title) throws Exception {
        return Files.readAllBytes(AudioFiles.tune(folder.resolve(name), seconds, title));
    }

    @Test
    void aPushedTakeIsAnalysedAndPlaysForThoseWhoMaySeeTheProject() throws Exception {
        Projects alice = member("alice");
        String project = alice.create("Basement Takes", "PRIVATE");
        byte[] take = tune("take.wav", 3.0, "Basement take");
        byte[] notes = "Bridge needs a new bass line.\n".getBytes(StandardCharsets.UTF_8);
        String takeHash = ContentHash.of(take);
        String notesHash = ContentHash.of(notes);
        alice.push(project, 0, files("audio/take.wav", take, "notes.txt", notes), true, "First take");

        JsonObject analysed = awaitAnalysis(alice, project, 1, "audio/take.wav", "DONE");
        assertThat(analysed.getInt("durationMs")).isBetween(2900, 3100);
        assertThat(analysed.getInt("sampleRate")).isEqualTo(44100);
        assertThat(analysed.getInt("channels")).isEqualTo(2);
        JsonObject text = file(alice, project, 1, "notes.txt").orElseThrow();
        assertThat(text.containsKey("durationMs")).isFalse();
        assertThat(text.containsKey("analysis")).isFalse();

        String base = "/projects/" + project + "/files/";
        WebClient.Page playlist = alice.client().get(base + takeHash + "/playlist.m3u8");
        assertThat(playlist.status()).as(playlist.body()).isEqualTo(200);
        assertThat(playlist.header("Content-Type")).startsWith("application/vnd.apple.mpegurl");
        assertThat(playlist.header("Cache-Control")).contains("no-store");
        assertThat(playlist.body()).startsWith("#EXTM3U");
        List<String> segments = playlist.body().lines().filter(line -> !line.startsWith("#")).toList();
        assertThat(segments).isNotEmpty().allSatisfy(url -> {
            assertThat(url).contains("projects/contents/" + takeHash + ".hls/segment_").contains("X-Amz-Signature=");
        });
        assertThat(playlist.body()).containsPattern("#EXT-X-MAP:URI=\"[^\"]+" + takeHash + "\\.hls/init\\.mp4\\?[^\"]*X-Amz-Signature=");
        HttpResponse<byte[]> segment = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(segments.get(0))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.body().length).isGreaterThan(1000);

        WebClient.Page peaks = alice.client().get(base + takeHash + "/peaks.json");
        assertThat(peaks.status()).as(peaks.body()).isEqualTo(200);
        JsonObject waveform = Projects.json(peaks.body());
        assertThat(waveform.getJsonArray("peaks")).hasSize(1000);
        assertThat(waveform.getInt("durationMs")).isBetween(2900, 3100);

        // Strangers, signed in or not, do not learn that the private project exists.
        Projects stranger = member("stranger");
        assertThat(stranger.client().get(base + takeHash + "/playlist.m3u8").status()).isEqualTo(404);
        assertThat(stranger.client().get(base + takeHash + "/peaks.json").status()).isEqualTo(404);
        assertThat(anonymous.stranger().get(base + takeHash + "/playlist.m3u8").status()).isEqualTo(404);
        // A content the project does not hold, or holds but is not audio, has no playlist.
        assertThat(alice.client().get(base + ContentHash.of(new byte[]{1, 2, 3}) + "/playlist.m3u8").status()).isEqualTo(404);
        assertThat(alice.client().get(base + notesHash + "/playlist.m3u8").status()).isEqualTo(404);
        assertThat(alice.client().get(base + "not-a-hash/playlist.m3u8").status()).isEqualTo(404);
        // The stranger's own project does not make alice's content theirs.
        String own = stranger.create("Elsewhere", "PUBLIC");
        stranger.push(own, 0, files("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)), true, "Start");
        assertThat(stranger.client().get("/projects/" + own + "/files/" + takeHash + "/playlist.m3u8").status()).isEqualTo(404);

        assertThat(attempts(takeHash)).isEqualTo(1);
        assertThat(TestInfrastructure.storage().describe("projects/contents/" + takeHash + ".hls/playlist.m3u8")).isPresent();
        assertThat(TestInfrastructure.storage().describe("projects/contents/" + takeHash + ".hls/init.mp4")).isPresent();
    }

    @Test
    void aFileNamedLikeAudioThatIsNotAudioFailsOnceWithAReason() throws Exception {
        Projects bob = member("bob");
        String project = bob.create("Not Really Audio", "PUBLIC");
        byte[] fake = "These are lyrics, saved with the wrong name.\nVerse one, verse two.\n".getBytes(StandardCharsets.UTF_8);
        String hash = ContentHash.of(fake);
        bob.push(project, 0, files("vocals/lyrics.wav", fake), true, "Lyrics");

        JsonObject failed = awaitAnalysis(bob, project, 1, "vocals/lyrics.wav", "FAILED");
        assertThat(failed.getString("analysisNote")).contains("not audio");
        assertThat(failed.containsKey("durationMs")).isFalse();
        assertThat(bob.client().get("/projects/" + project + "/files/" + hash + "/playlist.m3u8").status()).isEqualTo(404);

        // Rejected at the first attempt, and nothing is queued to try again.
        Thread.sleep(3000);
        assertThat(attempts(hash)).isEqualTo(1);
        assertThat(queued(hash)).isFalse();
        assertThat(file(bob, project, 1, "vocals/lyrics.wav").orElseThrow().getString("analysis")).isEqualTo("FAILED");

        // Pushed again under another name, it stays as it is: not analysed again.
        bob.push(project, 1, files("vocals/lyrics-again.wav", fake), false, "Again");
        assertThat(file(bob, project, 2, "vocals/lyrics-again.wav").orElseThrow().getString("analysis")).isEqualTo("FAILED");
        assertThat(attempts(hash)).isEqualTo(1);
        assertThat(queued(hash)).isFalse();
    }

    @Test
    void theSameTakeInTwoProjectsIsAnalysedOnce() throws Exception {
        Projects mina = member("mina");
        Projects jun = member("jun");
        byte[] loop = tune("loop.flac", 2.0, "Shared loop");
        String hash = ContentHash.of(loop);
        String first = mina.create("Loop One", "PRIVATE");
        String second = jun.create("Loop Two", "UNLISTED");
        mina.push(first, 0, files("loop.flac", loop), true, "Loop");
        jun.push(second, 0, files("stems/shared-loop.flac", loop), true, "Same loop");

        JsonObject inFirst = awaitAnalysis(mina, first, 1, "loop.flac", "DONE");
        JsonObject inSecond = awaitAnalysis(jun, second, 1, "stems/shared-loop.flac", "DONE");
        assertThat(inSecond.getInt("durationMs")).isEqualTo(inFirst.getInt("durationMs"));
        assertThat(attempts(hash)).isEqualTo(1);
        assertThat(queued(hash)).isFalse();

        WebClient.Page one = mina.client().get("/projects/" + first + "/files/" + hash + "/playlist.m3u8");
        WebClient.Page two = jun.client().get("/projects/" + second + "/files/" + hash + "/playlist.m3u8");
        assertThat(one.status()).isEqualTo(200);
        assertThat(two.status()).isEqualTo(200);
        assertThat(unsigned(one.body())).isEqualTo(unsigned(two.body()));
        // Each sees it through their own project only.
        assertThat(jun.client().get("/projects/" + first + "/files/" + hash + "/playlist.m3u8").status()).isEqualTo(404);
    }

    /** Polls the revision API until the file's analysis is {@code state}; returns the file. */
    private static JsonObject awaitAnalysis(Projects member, String project, int revision, String path, String state)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(ANALYSIS_TIMEOUT);
        JsonObject file = null;
        while (Instant.now().isBefore(deadline)) {
            file = file(member, project, revision, path).orElseThrow();
            String now = file.getString("analysis", "NONE");
            if (now.equals(state)) {
                return file;
            }
            assertThat(now).as("analysis of " + path + ": " + file).isIn("PENDING", state);
            Thread.sleep(500);
        }
        throw new AssertionError("The analysis of " + path + " is not " + state + " after " + ANALYSIS_TIMEOUT + ": " + file);
    }

    private static JsonObject track(String path, double gainDb, double pan, boolean mute, long offsetMs) {
        return Json.createObjectBuilder().add("path", path).add("gainDb", gainDb).add("pan", pan).add("mute", mute)
                .add("solo", false).add("offsetMs", offsetMs).build();
    }

    private static JsonObject awaitMaster(Projects member, String project, String master) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        JsonObject status = member.getJson("/api/v1/projects/" + project + "/masters/" + master);
        while (!status.getBoolean("finished") && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            status = member.getJson("/api/v1/projects/" + project + "/masters/" + master);
        }
        return status;
    }

    private static JsonObject awaitMasterAnalysed(Projects member, String project, String hash) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            for (JsonValue value : member.getJson("/api/v1/projects/" + project + "/masters").getJsonArray("masters")) {
                JsonObject master = value.asJsonObject();
                if (hash.equals(master.getString("hash", null)) && master.containsKey("file")
                        && !"PENDING".equals(master.getJsonObject("file").getString("analysis", "PENDING"))) {
                    return master;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The master " + hash + " was not analysed in time");
            }
            Thread.sleep(250);
        }
    }

    private static WebClient.Page saveMix(Projects member, String project, int base, JsonObject... tracks) {
        var list = Json.createArrayBuilder();
        for (JsonObject track : tracks) {
            list.add(track);
        }
        return member.post("/api/v1/projects/" + project + "/mix", Json.createObjectBuilder().add("base", base)
                .add("tracks", list).add("message", "Balance").build());
    }

    @Test
    void aMixIsARevisionThatChangesOnlyTheMixFileAndRefusesSettingsOutOfRange() throws Exception {
        WebClient aliceBrowser = anonymous.stranger();
        String aliceNickname = Members.signUp(aliceBrowser, "mixer");
        Projects alice = new Projects(aliceBrowser);
        String project = alice.create("Mix Me", "PUBLIC");
        byte[] drums = tune("drums.wav", 2.0, "Drums");
        byte[] bass = tune("bass.wav", 2.5, "Bass");
        alice.push(project, 0, files("stems/drums.wav", drums, "stems/bass.wav", bass, "notes.txt",
                ("notes " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)), true, "Stems");

        JsonObject neutral = alice.getJson("/api/v1/projects/" + project + "/mix");
        assertThat(neutral.getBoolean("saved")).isFalse();
        JsonArray tracks = neutral.getJsonArray("tracks");
        assertThat(tracks).extracting(t -> t.asJsonObject().getString("path")).containsExactly("stems/bass.wav", "stems/drums.wav");
        assertThat(tracks.getJsonObject(0).getJsonNumber("gainDb").doubleValue()).isZero();

        // Out of range: each track named with what is wrong, and nothing saved.
        WebClient.Page refused = saveMix(alice, project, 1, track("stems/bass.wav", 12.5, 0, false, 0),
                track("stems/drums.wav", 0, 1.5, false, -20), track("notes.txt", 0, 0, false, 0));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(Projects.json(refused.body()).getJsonArray("files")).extracting(f -> f.asJsonObject().getString("path")
                + ": " + f.asJsonObject().getString("message")).containsExactly(
                "stems/bass.wav: Gain can be at most +12 dB.",
                "stems/drums.wav: Pan goes from -1 (left) to +1 (right).",
                "stems/drums.wav: An offset cannot be negative: a track starts with the mix or later.",
                "notes.txt: There is no audio file notes.txt in r1.");
        assertThat(alice.getJson("/api/v1/projects/" + project).getInt("head")).isEqualTo(1);
        Projects stranger = member("stranger");
        assertThat(saveMix(stranger, project, 1, track("stems/bass.wav", 0, 0, false, 0)).status()).isEqualTo(403);

        WebClient.Page saved = saveMix(alice, project, 1, track("stems/drums.wav", -3, -0.5, false, 0),
                track("stems/bass.wav", 6, 0.25, true, 1500));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(Projects.json(saved.body()).getInt("revision")).isEqualTo(2);
        JsonObject diff = alice.getJson("/api/v1/projects/" + project + "/diff?from=1&to=2");
        assertThat(diff.getJsonArray("added")).extracting(f -> f.asJsonObject().getString("path")).containsExactly("mix.soundhub.json");
        assertThat(diff.getJsonArray("changed")).isEmpty();
        assertThat(diff.getJsonArray("removed")).isEmpty();
        JsonObject mix = alice.getJson("/api/v1/projects/" + project + "/mix");
        assertThat(mix.getBoolean("saved")).isTrue();
        JsonObject savedBass = mix.getJsonArray("tracks").getJsonObject(0);
        assertThat(savedBass.getJsonNumber("gainDb").doubleValue()).isEqualTo(6.0);
        assertThat(savedBass.getJsonNumber("pan").doubleValue()).isEqualTo(0.25);
        assertThat(savedBass.getBoolean("mute")).isTrue();
        assertThat(savedBass.getJsonNumber("offsetMs").longValue()).isEqualTo(1500);
        assertThat(alice.getJson("/api/v1/projects/" + project + "/mix?revision=1").getBoolean("saved")).as("r1 as it was").isFalse();

        // The mixer page shows the tracks with the saved settings, to anyone who can see the project.
        WebClient.Page page = anonymous.get("/projects/" + project + "/mixer");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select(".mixer-track").eachAttr("data-path")).containsExactly("stems/bass.wav", "stems/drums.wav");
        assertThat(page.document().selectFirst(".mixer-track[data-path=stems/drums.wav] [data-gain]").val()).isEqualTo("-3.0");
        assertThat(page.document().selectFirst(".mixer-track[data-path=stems/bass.wav] [data-mute]").hasAttr("checked")).isTrue();
        assertThat(page.document().select("form[data-mixer-save]")).as("only producers save").isEmpty();

        // Bounced: every audible track mixed by the media job into one FLAC that streams like the project's audio.
        WebClient.Page allMuted = saveMix(alice, project, 2, track("stems/drums.wav", 0, 0, true, 0), track("stems/bass.wav", 0, 0, true, 0));
        assertThat(allMuted.status()).isEqualTo(201);
        WebClient.Page silent = alice.post("/api/v1/projects/" + project + "/masters", Json.createObjectBuilder().add("revision", 3).build());
        assertThat(silent.status()).isEqualTo(422);
        assertThat(Projects.json(silent.body()).getString("error")).contains("muted");
        assertThat(stranger.post("/api/v1/projects/" + project + "/masters", Json.createObjectBuilder().add("revision", 2).build()).status())
                .isEqualTo(403);
        WebClient.Page bounced = alice.post("/api/v1/projects/" + project + "/masters", Json.createObjectBuilder().add("revision", 2).build());
        assertThat(bounced.status()).as(bounced.body()).isEqualTo(202);
        String master = Projects.json(bounced.body()).getString("id");
        JsonObject done = awaitMaster(alice, project, master);
        assertThat(done.getString("state")).as(done.toString()).isEqualTo("DONE");
        // r2 has the drums (2 s, from the start) and the bass muted: the master lasts as long as the drums.
        assertThat(done.getInt("durationMs")).isBetween(1950, 2100);
        WebClient.Page file = anonymous.get("/projects/" + project + "/masters/" + master + "/file");
        assertThat(file.status()).isEqualTo(303);
        Path flac = folder.resolve("master.flac");
        Files.write(flac, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(file.headers().firstValue("Location").orElseThrow()))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body());
        assertThat(AudioFiles.decodedSeconds(flac)).isBetween(1.95, 2.1);
        assertThat(Files.readAllBytes(flac)).startsWith("fLaC".getBytes(StandardCharsets.US_ASCII));
        String masterHash = done.getString("hash");
        JsonObject listed = awaitMasterAnalysed(alice, project, masterHash);
        assertThat(listed.getJsonObject("file").getString("analysis")).isEqualTo("DONE");
        assertThat(anonymous.get("/projects/" + project + "/files/" + masterHash + "/playlist.m3u8").status()).isEqualTo(200);
        assertThat(anonymous.get("/projects/" + project + "/masters").document().select("[data-masters] [data-player]")).hasSize(1);

        // Published as a public recording: made in the project's revision, crediting its contributors, playing like any other.
        WebClient.Page untitled = alice.post("/api/v1/projects/" + project + "/masters/" + master + "/publish",
                Json.createObjectBuilder().add("title", " ").build());
        assertThat(untitled.status()).isEqualTo(422);
        WebClient.Page published = alice.post("/api/v1/projects/" + project + "/masters/" + master + "/publish",
                Json.createObjectBuilder().add("title", "Mix Me (radio edit)").add("description", "Drums forward").build());
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String recording = Projects.json(published.body()).getString("recording");
        assertThat(alice.post("/api/v1/projects/" + project + "/masters/" + master + "/publish",
                Json.createObjectBuilder().add("title", "Again").build()).status()).as("published once").isEqualTo(409);
        WebClient.Page recordingPage = anonymous.get("/recordings/" + recording);
        assertThat(recordingPage.status()).isEqualTo(200);
        assertThat(recordingPage.text("h1")).contains("Mix Me (radio edit)");
        assertThat(recordingPage.text("[data-made-in]")).contains("Made in Mix Me, r2");
        assertThat(recordingPage.document().selectFirst("[data-made-in] a").attr("href")).isEqualTo("/projects/" + project + "/revisions/2");
        assertThat(recordingPage.text("[data-credits]")).isEqualTo("Credits: " + aliceNickname);
        assertThat(anonymous.get("/recordings/" + recording + "/playlist.m3u8").status()).isEqualTo(200);
        assertThat(anonymous.get("/projects/" + project).document().select("[data-published-masters] a").eachAttr("href"))
                .containsExactly("/recordings/" + recording);
        assertThat(anonymous.get("/projects/" + project + "/lineage").document().select("[data-lineage-recordings] a").eachAttr("href"))
                .containsExactly("/recordings/" + recording);

        // A revision without audio has nothing to mix.
        String quiet = alice.create("No audio", "PRIVATE");
        alice.push(quiet, 0, files("lyrics.txt", ("words " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)), true, "Words");
        WebClient.Page nothing = saveMix(alice, quiet, 1);
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(Projects.json(nothing.body()).getString("error")).contains("holds no audio");
    }

    @Test
    void aMasterMadeInAForkCreditsTheAuthorsOfTheSourceToo() throws Exception {
        WebClient aliceBrowser = anonymous.stranger();
        String aliceNickname = Members.signUp(aliceBrowser, "source");
        Projects alice = new Projects(aliceBrowser);
        String source = alice.create("Harbour Sketch", "PUBLIC", "CC_BY");
        alice.push(source, 0, files("stems/drums.wav", tune("drums.wav", 2.0, "Drums")), true, "Drums");
        WebClient bobBrowser = anonymous.stranger();
        String bobNickname = Members.signUp(bobBrowser, "forker");
        Projects bob = new Projects(bobBrowser);
        WebClient.Page forked = bob.post("/api/v1/projects/" + source + "/forks",
                Json.createObjectBuilder().add("title", "Harbour Sketch, with keys").build());
        assertThat(forked.status()).as(forked.body()).isEqualTo(201);
        String fork = Projects.json(forked.body()).getString("id");
        bob.push(fork, 1, files("stems/keys.wav", tune("keys.wav", 1.5, "Keys")), false, "Keys");
        WebClient fan = anonymous.stranger();
        Members.signUp(fan, "fan");
        assertThat(fan.submit(fan.get("/members/" + bobNickname), "form[action=/members/" + bobNickname + "/follow]", Map.of()).status())
                .isEqualTo(303);

        WebClient.Page bounced = bob.post("/api/v1/projects/" + fork + "/masters", Json.createObjectBuilder().add("revision", 2).build());
        assertThat(bounced.status()).as(bounced.body()).isEqualTo(202);
        JsonObject done = awaitMaster(bob, fork, Projects.json(bounced.body()).getString("id"));
        assertThat(done.getString("state")).as(done.toString()).isEqualTo("DONE");
        awaitMasterAnalysed(bob, fork, done.getString("hash"));
        WebClient.Page published = bob.post("/api/v1/projects/" + fork + "/masters/" + done.getString("id") + "/publish",
                Json.createObjectBuilder().add("title", "Harbour Keys").build());
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        WebClient.Page recordingPage = anonymous.get("/recordings/" + Projects.json(published.body()).getString("recording"));
        assertThat(fan.get("/following").body()).as("the forker's followers find the published master in their feed")
                .contains(Projects.json(published.body()).getString("recording"));
        // The drums came from the source project untouched: their author is credited, first.
        assertThat(recordingPage.text("[data-credits]")).isEqualTo("Credits: " + aliceNickname + ", " + bobNickname);
        assertThat(anonymous.get("/projects/" + source + "/lineage").document().select("[data-lineage-recordings] a").eachAttr("href"))
                .as("the source's lineage lists what its forks published")
                .containsExactly("/recordings/" + Projects.json(published.body()).getString("recording"));
    }

    private static Optional<JsonObject> file(Projects member, String project, int revision, String path) {
        JsonObject json = member.getJson("/api/v1/projects/" + project + "/revisions/" + revision);
        for (JsonValue value : json.getJsonArray("files")) {
            if (value.asJsonObject().getString("path").equals(path)) {
                return Optional.of(value.asJsonObject());
            }
        }
        return Optional.empty();
    }

    private static int attempts(String hash) throws Exception {
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement("SELECT analysis_attempts FROM project_contents WHERE hash = ?")) {
            query.setString(1, hash);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("content " + hash).isTrue();
                return row.getInt(1);
            }
        }
    }

    /** Whether the content's analysis still waits in the job queue. */
    private static boolean queued(String hash) throws Exception {
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM scheduled_tasks t JOIN project_contents c "
                     + "ON t.task_instance = c.media_subject::text WHERE t.task_name = 'analyse-project-content' AND c.hash = ?")) {
            query.setString(1, hash);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
        }
    }

    /** The playlist without its signatures: which objects it names. */
    private static String unsigned(String playlist) {
        return playlist.replaceAll("\\?[^\"\\s]*", "");
    }
}
