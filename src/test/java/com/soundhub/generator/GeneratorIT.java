package com.soundhub.generator;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.soundhub.projects.contents.ContentHash;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.Projects;
import com.soundhub.testing.Members;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.Uploads;
import com.soundhub.testing.WebClient;
import com.soundhub.testing.WebClient.Page;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator through its pages: a piece from a form, its files, publishing, and bad requests. */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class GeneratorIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @ArquillianResource
    URL deployed;

    WebClient member;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void signUp() {
        member = new WebClient(Deployments.base(deployed));
        Members.signUp(member, "composer");
    }

    private Page generate(Map<String, String> values) {
        return member.submit(member.get("/generate"), "form[action=/generate]", values);
    }

    private static Map<String, String> piece(String genre, String mood, String tempo, String length, String seed) {
        Map<String, String> values = new HashMap<>();
        values.put("genre", genre);
        values.put("mood", mood);
        values.put("tempo", tempo);
        values.put("length", length);
        values.put("seed", seed);
        return values;
    }

    private JsonObject awaitFinished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject status = Uploads.json(member.get("/api/generations/" + id).body());
            if (status.getBoolean("finished")) {
                return status;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("Generation " + id + " did not finish");
    }

    private byte[] download(String path) throws Exception {
        Page redirect = member.get(path);
        assertThat(redirect.status()).as(path).isEqualTo(303);
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(redirect.header("Location"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).as(path).isEqualTo(200);
        return file.body();
    }

    @Test
    void aPieceIsComposedRenderedAndStreamedThenPublished() throws Exception {
        Page started = generate(piece("bossa-nova", "happy", "126", "45", "31337"));
        assertThat(started.status()).isEqualTo(303);
        String page = started.location();
        String id = page.substring(page.lastIndexOf('/') + 1);

        JsonObject status = awaitFinished(id);
        assertThat(status.getString("state")).as(status.toString()).isEqualTo("READY");

        Page piece = member.get(page);
        assertThat(piece.text("h1")).startsWith("Bossa nova in");
        assertThat(piece.text(".facts")).contains("126 BPM").contains("31337");
        assertThat(piece.text(".metrics")).contains("Scale consistency").contains("Groove consistency")
                .contains("Empty-beat rate").contains("Pitch range");
        assertThat(piece.document().select("[data-player]")).hasSize(1);
        assertThat(piece.document().select("[data-player]").attr("data-peaks").split(",")).hasSize(1000);

        Page roll = member.get(page + "/piano-roll.svg");
        assertThat(roll.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(roll.body()).startsWith("<svg").contains("<rect");

        byte[] midi = download(page + "/download/midi");
        assertThat(new String(midi, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MThd");
        byte[] mix = download(page + "/download/mix");
        assertThat(new String(mix, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        List<String> stems = new ArrayList<>();
        Page stemsZip = member.get(page + "/download/stems");
        assertThat(stemsZip.status()).isEqualTo(200);
        assertThat(stemsZip.header("Content-Disposition")).startsWith("attachment;").contains("stems.zip");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(member.sendBytes(page + "/download/stems")))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                stems.add(entry.getName());
                assertThat(zip.readAllBytes().length).as(entry.getName()).isGreaterThan(44);
            }
        }
        assertThat(stems).containsExactlyInAnyOrder("drums.wav", "bass.wav", "harmony.wav", "melody.wav");

        String recording = status.getString("recording");
        WebClient stranger = new WebClient(member.base());
        assertThat(member.get(recording + "/playlist.m3u8").status()).isEqualTo(200);
        assertThat(stranger.get(recording).status()).as("private until published").isEqualTo(404);
        assertThat(stranger.get(page).status()).as("the piece page is the owner's").isEqualTo(303);

        Page published = member.submit(piece, "form[action$=/publish]", Map.of());
        assertThat(published.status()).isEqualTo(303);
        assertThat(published.location()).isEqualTo(recording);
        Page publicPage = stranger.get(recording);
        assertThat(publicPage.status()).isEqualTo(200);
        assertThat(publicPage.text(".badge")).contains("Generated");
        assertThat(stranger.get(recording + "/playlist.m3u8").status()).isEqualTo(200);
    }

    @Test
    void aPieceOpensAsAProjectWhoseFirstRevisionHoldsItsStemsAndMidiWithoutCopyingThem() throws Exception {
        String page = generate(piece("house", "energetic", "124", "30", "2024")).location();
        String id = page.substring(page.lastIndexOf('/') + 1);
        JsonObject finished = awaitFinished(id);
        assertThat(finished.getString("state")).isEqualTo("READY");
        WebClient other = new WebClient(member.base());
        Members.signUp(other, "taker");
        assertThat(other.post(page + "/project", Map.of("_csrf", other.get("/").csrfToken())).status())
                .as("someone else's piece").isEqualTo(404);

        long contentsBefore = count("SELECT count(*) FROM project_contents");
        Page opened = member.submit(member.get(page), "form[data-open-as-project]", Map.of());
        assertThat(opened.status()).isEqualTo(303);
        String project = opened.location().substring("/projects/".length());
        assertThat(count("SELECT count(*) FROM project_contents")).as("no content stored again").isEqualTo(contentsBefore);

        JsonObject r1 = Uploads.json(member.get("/api/v1/projects/" + project + "/revisions/1").body());
        Map<String, String> hashes = new HashMap<>();
        r1.getJsonArray("files").forEach(file -> hashes.put(file.asJsonObject().getString("path"), file.asJsonObject().getString("hash")));
        assertThat(hashes).containsOnlyKeys("stems/drums.wav", "stems/bass.wav", "stems/harmony.wav", "stems/melody.wav", "piece.mid");
        // The same bytes the piece offers: the stems in its zip and its MIDI file.
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(member.sendBytes(page + "/download/stems")))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertThat(ContentHash.of(zip.readAllBytes())).as(entry.getName()).isEqualTo(hashes.get("stems/" + entry.getName()));
            }
        }
        assertThat(ContentHash.of(download(page + "/download/midi"))).isEqualTo(hashes.get("piece.mid"));

        Page projectPage = member.get("/projects/" + project);
        assertThat(projectPage.status()).isEqualTo(200);
        assertThat(projectPage.text("h1")).startsWith("House");
        assertThat(new WebClient(member.base()).get("/projects/" + project).status()).as("private to its owner").isEqualTo(404);
        assertThat(Uploads.json(member.get("/api/v1/projects/" + project).body()).getString("role")).isEqualTo("OWNER");

        // Deleting the piece lets go of what it held; the project keeps its files.
        Page deleted = member.post(finished.getString("recording") + "/delete", Map.of("_csrf", member.get("/").csrfToken()));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM project_content_holds WHERE holder = '" + id + "'::uuid")).isZero();
        Map<String, byte[]> checkout = Projects.entries(member.sendBytes("/api/v1/projects/" + project + "/revisions/1/zip"));
        assertThat(checkout).containsOnlyKeys(hashes.keySet());
        assertThat(ContentHash.of(checkout.get("piece.mid"))).isEqualTo(hashes.get("piece.mid"));
    }

    private static long count(String sql) throws Exception {
        try (Connection db = TestInfrastructure.jdbc(); Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void theSameChoicesAndSeedGiveTheSameMidiAndAnotherSeedAnotherPiece() throws Exception {
        String first = generate(piece("jazz", "dreamy", "100", "30", "424242")).location();
        String second = generate(piece("jazz", "dreamy", "100", "30", "424242")).location();
        awaitFinished(first.substring(first.lastIndexOf('/') + 1));
        awaitFinished(second.substring(second.lastIndexOf('/') + 1));

        byte[] a = download(first + "/download/midi");
        byte[] b = download(second + "/download/midi");
        assertThat(a).isEqualTo(b);

        Page again = member.submit(member.get(first), "form[action$=/again]", Map.of());
        assertThat(again.status()).isEqualTo(303);
        String third = again.location();
        awaitFinished(third.substring(third.lastIndexOf('/') + 1));
        assertThat(member.get(third).text(".facts")).doesNotContain("424242");
        assertThat(download(third + "/download/midi")).isNotEqualTo(a);
    }

    @Test
    void surpriseMeMakesAPiece() throws Exception {
        Page surprise = member.submit(member.get("/generate"), "form[action=/generate/surprise]", Map.of());
        assertThat(surprise.status()).isEqualTo(303);
        String id = surprise.location().substring(surprise.location().lastIndexOf('/') + 1);
        assertThat(awaitFinished(id).getString("state")).isEqualTo("READY");
    }

    @Test
    void badChoicesAreExplainedNextToTheirFieldsAndKept() {
        Page tempoZero = generate(piece("pop", "happy", "0", "60", ""));
        assertThat(tempoZero.status()).isEqualTo(422);
        assertThat(tempoZero.text("#tempo-help")).contains("between 60 and 180");
        assertThat(tempoZero.document().selectFirst("#tempo").val()).isEqualTo("0");

        Page tempoHuge = generate(piece("pop", "happy", "1000", "60", ""));
        assertThat(tempoHuge.text("#tempo-help")).contains("between 60 and 180");

        Page unknownGenre = generate(piece("polka", "happy", "120", "60", ""));
        assertThat(unknownGenre.status()).isEqualTo(422);
        assertThat(unknownGenre.text("#genre-help")).contains("Choose a genre");

        Page tooShort = generate(piece("pop", "happy", "120", "10", ""));
        assertThat(tooShort.text("#length-help")).contains("between 30 and 240");
        Page tooLong = generate(piece("pop", "happy", "120", "600", ""));
        assertThat(tooLong.text("#length-help")).contains("between 30 and 240");

        Page wordSeed = generate(piece("pop", "happy", "120", "60", "banana"));
        assertThat(wordSeed.status()).isEqualTo(422);
        assertThat(wordSeed.text("#seed-help")).contains("whole number");
        assertThat(wordSeed.document().selectFirst("#seed").val()).isEqualTo("banana");
    }

    @Test
    void everyInvalidFieldShowsItsErrorAtOnceWithWhatWasTyped() {
        Page all = generate(piece("polka", "happy", "300", "abc", "banana"));
        assertThat(all.status()).isEqualTo(422);
        assertThat(all.text("#tempo-help")).contains("between 60 and 180");
        assertThat(all.text("#length-help")).contains("whole number of seconds");
        assertThat(all.text("#genre-help")).contains("Choose a genre");
        assertThat(all.text("#seed-help")).contains("whole number");
        assertThat(all.text(".form-errors")).contains("fields");
        assertThat(all.document().selectFirst("#tempo").val()).isEqualTo("300");
        assertThat(all.document().selectFirst("#length").val()).isEqualTo("abc");
        assertThat(all.document().selectFirst("#seed").val()).isEqualTo("banana");

        Page both = generate(piece("pop", "happy", "300", "10", ""));
        assertThat(both.text("#tempo-help")).contains("between 60 and 180");
        assertThat(both.text("#length-help")).contains("between 30 and 240");
        assertThat(both.text("#genre-help")).isNull();
    }

    @Test
    void aFloodOfRequestsIsHeldBack() {
        List<Integer> statuses = new ArrayList<>();
        Page refused = null;
        for (int i = 0; i < 5; i++) {
            Page answer = generate(piece("ballad", "sad", "70", "240", String.valueOf(1000 + i)));
            statuses.add(answer.status());
            if (answer.status() == 429) {
                refused = answer;
            }
        }
        assertThat(statuses.subList(0, 3)).containsOnly(303);
        assertThat(statuses).contains(429);
        assertThat(refused.text(".form-errors")).contains("pieces in the making");
        assertThat(refused.document().selectFirst("#tempo").val()).isEqualTo("70");
    }

    @Test
    void anotherMembersPieceIsNotFound() throws Exception {
        String page = generate(piece("house", "energetic", "124", "30", "99")).location();
        String id = page.substring(page.lastIndexOf('/') + 1);
        awaitFinished(id);
        WebClient other = new WebClient(member.base());
        Members.signUp(other, "peeker");

        assertThat(other.get(page).status()).isEqualTo(404);
        assertThat(other.get("/api/generations/" + id).status()).isEqualTo(404);
        assertThat(other.get(page + "/download/midi").status()).isEqualTo(404);
        assertThat(other.get(page + "/piano-roll.svg").status()).isEqualTo(404);
        assertThat(other.post(page + "/publish", Map.of("_csrf", other.cookie("soundhub_csrf").orElseThrow()))
                .status()).isEqualTo(404);
        assertThat(other.get("/generate/not-a-uuid").status()).isEqualTo(404);
    }
}
