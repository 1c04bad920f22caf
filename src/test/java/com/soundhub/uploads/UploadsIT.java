package com.soundhub.uploads;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.soundhub.storage.S3ObjectStorage;
import com.soundhub.testing.AudioFiles;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.Members;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.Uploads;
import com.soundhub.testing.WebClient;
import com.soundhub.testing.WebClient.Page;
import jakarta.json.JsonObject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Uploads through the real pipeline: presigned PUT to S3Proxy, the job, ffmpeg, HLS playback. */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class UploadsIT {

    static final Duration PROCESSING = Duration.ofMinutes(2);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @TempDir
    static Path audio;

    static Path tune;

    @ArquillianResource
    URL deployed;

    WebClient member;
    String nickname;

    @BeforeAll
    static void makeAudio() throws Exception {
        tune = AudioFiles.tune(audio.resolve("Morning tune.flac"), 20);
    }

    @BeforeEach
    void signUp() {
        member = new WebClient(Deployments.base(deployed));
        nickname = Members.signUp(member, "uploader");
    }

    @Test
    void anUploadBecomesAStreamableRecordingFollowedLive() throws Exception {
        JsonObject slot = Uploads.upload(member, tune, Uploads.details("Morning tune"));
        String id = slot.getString("id");

        List<JsonObject> events = Uploads.follow(member, id, member.cookieHeader(), PROCESSING);

        JsonObject last = events.get(events.size() - 1);
        assertThat(last.getString("state")).as(events.toString()).isEqualTo("READY");
        assertThat(last.getBoolean("finished")).isTrue();
        assertThat(events).extracting(event -> event.getString("state"))
                .as("the stream shows the work as it happens").contains("TRANSCODING");
        assertThat(events.stream().filter(event -> event.getString("state").equals("TRANSCODING"))
                .mapToInt(event -> event.getInt("percent")).max().orElse(0)).isGreaterThan(0);

        String recording = slot.getString("recording");
        Page page = member.get(recording);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("h1")).isEqualTo("Morning tune");
        assertThat(page.text(".artist")).contains(nickname);
        assertThat(page.document().selectFirst("[data-player]").attr("data-peaks").split(",")).hasSize(1000);
        assertThat(page.text(".facts")).contains("0:20").contains("LUFS").contains("CC BY 4.0");

        Page playlist = new WebClient(member.base()).get(recording + "/playlist.m3u8");
        assertThat(playlist.status()).isEqualTo(200);
        assertThat(playlist.header("Content-Type")).startsWith("application/vnd.apple.mpegurl");
        assertThat(playlist.header("Cache-Control")).contains("no-store");
        List<String> urls = playlist.body().lines()
                .map(line -> line.startsWith("#EXT-X-MAP:URI=\"") ? line.substring(16, line.length() - 1) : line)
                .filter(line -> line.startsWith("http")).toList();
        assertThat(urls).hasSizeGreaterThanOrEqualTo(4).allSatisfy(url -> assertThat(url).contains("X-Amz-Expires=1800"));

        Path joined = audio.resolve(id + ".mp4");
        HttpClient http = HttpClient.newHttpClient();
        try (var out = Files.newOutputStream(joined)) {
            for (String url : urls) {
                HttpResponse<byte[]> segment = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(segment.statusCode()).as(url).isEqualTo(200);
                out.write(segment.body());
            }
        }
        assertThat(AudioFiles.decodedSeconds(joined)).as("the stream plays the whole recording").isCloseTo(20, within(0.25));

        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(urls.get(1).substring(0, urls.get(1).indexOf('?'))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).as("segments are not public").isEqualTo(403);
    }

    @Test
    void everyAcceptedFormatIsProcessed() throws Exception {
        for (String name : List.of("phone memo.m4a", "demo.mp3", "voice.opus", "take.wav")) {
            Path file = AudioFiles.tune(audio.resolve(name), 3);
            JsonObject slot = Uploads.upload(member, file, Uploads.details(name));
            JsonObject status = Uploads.awaitFinished(member, slot.getString("id"), PROCESSING);
            assertThat(status.getString("state")).as(name + ": " + status).isEqualTo("READY");
        }
    }

    @Test
    void aTextFileNamedMp3IsRejectedWithAReason() throws Exception {
        Path text = Files.writeString(audio.resolve("not really.mp3"), "Dear diary, today I recorded nothing.\n".repeat(300));
        JsonObject slot = Uploads.upload(member, text, Uploads.details("Not audio"));

        JsonObject status = Uploads.awaitFinished(member, slot.getString("id"), PROCESSING);

        assertThat(status.getString("state")).isEqualTo("REJECTED");
        assertThat(status.getString("reason")).contains("not an audio file");
        assertThat(TestInfrastructure.storage().describe(originalKey(slot))).as("a rejected file is not kept").isEmpty();
        assertThat(TestInfrastructure.storage().describe("incoming/" + slot.getString("id"))).isEmpty();
        Page mine = member.get("/uploads");
        assertThat(mine.text(".upload-list")).contains("Not audio").contains("Rejected").contains("not an audio file");
        assertThat(member.get(slot.getString("recording")).text(".processing-note")).contains("could not be used");
        assertThat(new WebClient(member.base()).get(slot.getString("recording")).status())
                .as("a failed recording is not shown to others").isEqualTo(404);
    }

    @Test
    void longerThanTwentyMinutesIsRejected() throws Exception {
        Path longOne = AudioFiles.tune(audio.resolve("epic.mp3"), 21 * 60);
        JsonObject status = Uploads.awaitFinished(member,
                Uploads.upload(member, longOne, Uploads.details("Epic")).getString("id"), PROCESSING);
        assertThat(status.getString("state")).isEqualTo("REJECTED");
        assertThat(status.getString("reason")).contains("longer than 20 minutes").contains("21:00");
    }

    @Test
    void damagedFilesAreRejected() throws Exception {
        Path cut = AudioFiles.truncatedWav(audio.resolve("cut.wav"), 12, 0.5);
        Path corrupted = AudioFiles.corruptedMp3(audio.resolve("scrambled.mp3"), 30);

        JsonObject cutStatus = Uploads.awaitFinished(member,
                Uploads.upload(member, cut, Uploads.details("Cut")).getString("id"), PROCESSING);
        JsonObject corruptStatus = Uploads.awaitFinished(member,
                Uploads.upload(member, corrupted, Uploads.details("Scrambled")).getString("id"), PROCESSING);

        assertThat(cutStatus.getString("state")).isEqualTo("REJECTED");
        assertThat(cutStatus.getString("reason")).contains("damaged").contains("end is missing");
        assertThat(corruptStatus.getString("state")).isEqualTo("REJECTED");
        assertThat(corruptStatus.getString("reason")).contains("damaged");
    }

    @Test
    void emptyHugeAndNonAudioFilesAreRefusedBeforeAnyUpload() {
        Page empty = Uploads.requestSlot(member, Uploads.details("Empty"), "silence.wav", 0);
        Page huge = Uploads.requestSlot(member, Uploads.details("Huge"), "huge.wav", 300L * 1024 * 1024);
        Page text = Uploads.requestSlot(member, Uploads.details("Text"), "lyrics.txt", 1200);

        assertThat(empty.status()).isEqualTo(422);
        assertThat(Uploads.json(empty.body()).getJsonObject("fields").toString()).contains("The file is empty");
        assertThat(huge.status()).isEqualTo(422);
        assertThat(Uploads.json(huge.body()).getJsonObject("fields").getJsonArray("file").getString(0))
                .contains("larger than 200 MB");
        assertThat(text.status()).isEqualTo(422);
        assertThat(Uploads.json(text.body()).getJsonObject("fields").getJsonArray("file").getString(0))
                .contains("doesn't look like an audio file");
    }

    @Test
    void eachInvalidDetailIsReportedForItsField() {
        Map<String, String> details = Uploads.details("x".repeat(10_000));
        details.put("bpm", "fast");
        details.put("tags", "<script>alert(1)</script>");
        details.put("license", "");

        Page answer = Uploads.requestSlot(member, details, "song.mp3", 1000);

        assertThat(answer.status()).isEqualTo(422);
        JsonObject fields = Uploads.json(answer.body()).getJsonObject("fields");
        assertThat(fields.getJsonArray("title").getString(0)).contains("at most 200 characters");
        assertThat(fields.getJsonArray("bpm").getString(0)).contains("whole number");
        assertThat(fields.getJsonArray("license").getString(0)).contains("licence");
    }

    @Test
    void confirmingBeforeUploadingIsRefusedAndConfirmingTwiceChangesNothing() throws Exception {
        Page slotAnswer = Uploads.requestSlot(member, Uploads.details("Twice"), "twice.flac", Files.size(tune));
        JsonObject slot = Uploads.json(slotAnswer.body());

        Page early = Uploads.confirm(member, slot);
        assertThat(early.status()).isEqualTo(409);
        assertThat(Uploads.json(early.body()).getString("error")).contains("haven't received the file");
        assertThat(Uploads.status(member, slot.getString("id")).getString("state")).isEqualTo("AWAITING_UPLOAD");

        assertThat(Uploads.put(slot, tune)).isEqualTo(200);
        Page first = Uploads.confirm(member, slot);
        Page second = Uploads.confirm(member, slot);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(Uploads.awaitFinished(member, slot.getString("id"), PROCESSING).getString("state")).isEqualTo("READY");
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement(
                     "SELECT count(*) FILTER (WHERE to_state = 'UPLOADED'), count(*) FILTER (WHERE to_state = 'PROBING') "
                             + "FROM upload_transitions WHERE upload_id = ?::uuid")) {
            query.setString(1, slot.getString("id"));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).as("received once").isEqualTo(1);
                assertThat(row.getInt(2)).as("processed once").isEqualTo(1);
            }
        }
    }

    @Test
    void anUploadNeverConfirmedInTimeExpiresAndItsFileIsDeleted() throws Exception {
        Page answer = Uploads.requestSlot(member, Uploads.details("Forgotten"), "forgotten.flac", Files.size(tune));
        JsonObject slot = Uploads.json(answer.body());
        assertThat(Uploads.put(slot, tune)).isEqualTo(200);
        String key = "incoming/" + slot.getString("id");
        assertThat(TestInfrastructure.storage().describe(key)).as("where the presigned PUT puts it").isPresent();

        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement late = db.prepareStatement(
                     "UPDATE uploads SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid")) {
            late.setString(1, slot.getString("id"));
            assertThat(late.executeUpdate()).isEqualTo(1);
        }
        JsonObject status = Uploads.awaitFinished(member, slot.getString("id"), Duration.ofSeconds(30));

        assertThat(status.getString("state")).isEqualTo("EXPIRED");
        assertThat(status.getString("reason")).contains("never arrived");
        assertThat(TestInfrastructure.storage().describe(key)).as("the stray file is deleted").isEmpty();
        assertThat(Uploads.confirm(member, slot).status()).as("too late to confirm").isEqualTo(200);
        assertThat(Uploads.status(member, slot.getString("id")).getString("state")).isEqualTo("EXPIRED");
    }

    @Test
    void anotherMembersUploadIsNotFound() throws Exception {
        JsonObject slot = Uploads.upload(member, tune, Uploads.details("Mine"));
        WebClient other = new WebClient(member.base());
        Members.signUp(other, "nosy");
        String id = slot.getString("id");

        assertThat(other.get("/api/uploads/" + id).status()).isEqualTo(404);
        assertThat(Uploads.confirm(other, slot).status()).isEqualTo(404);
        assertThat(other.get("/uploads/" + id).status()).isEqualTo(404);
        assertThat(other.send(HttpRequest.newBuilder(other.base().resolve("/api/uploads/" + id + "/events"))
                .header("Accept", "text/event-stream")).status()).isEqualTo(404);
        assertThat(other.get("/api/uploads/not-a-uuid").status()).isEqualTo(404);
        assertThat(new WebClient(member.base()).get("/api/uploads/" + id).status()).as("anonymous").isEqualTo(401);
    }

    @Test
    void privateRecordingsAreNotFoundByOthersAndUnlistedOnesPlayByLinkOnly() throws Exception {
        Map<String, String> privateDetails = Uploads.details("Diary");
        privateDetails.put("visibility", "PRIVATE");
        Map<String, String> unlistedDetails = Uploads.details("Preview for friends");
        unlistedDetails.put("visibility", "UNLISTED");
        JsonObject privateSlot = Uploads.upload(member, tune, privateDetails);
        JsonObject unlistedSlot = Uploads.upload(member, tune, unlistedDetails);
        JsonObject publicSlot = Uploads.upload(member, tune, Uploads.details("For everyone"));
        for (JsonObject slot : List.of(privateSlot, unlistedSlot, publicSlot)) {
            assertThat(Uploads.awaitFinished(member, slot.getString("id"), PROCESSING).getString("state")).isEqualTo("READY");
        }
        WebClient stranger = new WebClient(member.base());
        String privatePage = privateSlot.getString("recording");
        String unlistedPage = unlistedSlot.getString("recording");

        assertThat(member.get(privatePage).status()).isEqualTo(200);
        assertThat(member.get(privatePage + "/playlist.m3u8").status()).isEqualTo(200);
        assertThat(stranger.get(privatePage).status()).isEqualTo(404);
        assertThat(stranger.get(privatePage + "/playlist.m3u8").status()).isEqualTo(404);
        assertThat(stranger.get(privatePage + "/artwork.svg").status()).isEqualTo(404);

        assertThat(stranger.get(unlistedPage).status()).isEqualTo(200);
        assertThat(stranger.get(unlistedPage + "/playlist.m3u8").status()).isEqualTo(200);

        Page profile = stranger.get("/members/" + nickname);
        assertThat(profile.text(".member-recordings")).contains("For everyone")
                .doesNotContain("Preview for friends").doesNotContain("Diary");
    }

    @Test
    void markupInEveryTextFieldIsShownAsText() throws Exception {
        Map<String, String> details = Uploads.details("<img src=x onerror=alert(1)>Title");
        details.put("description", "<script>alert('description')</script><b>bold?</b>");
        details.put("tags", "rock & roll, it's fine");
        JsonObject slot = Uploads.upload(member, tune, details);
        Uploads.awaitFinished(member, slot.getString("id"), PROCESSING);

        for (String path : List.of(slot.getString("recording"), "/uploads", "/uploads/" + slot.getString("id"),
                "/members/" + nickname)) {
            Page page = member.get(path);
            assertThat(page.body()).as(path).doesNotContain("<img src=x").doesNotContain("<script>alert");
            assertThat(page.document().select("main img[onerror], main script:not([src])")).as(path).isEmpty();
        }
        Page recording = member.get(slot.getString("recording"));
        assertThat(recording.text("h1")).isEqualTo("<img src=x onerror=alert(1)>Title");
        assertThat(recording.text(".description")).isEqualTo("<script>alert('description')</script><b>bold?</b>");
        assertThat(recording.text(".tags")).contains("#rock & roll").contains("#it's fine");
        String artwork = member.get(slot.getString("recording") + "/artwork.svg").body();
        assertThat(artwork).doesNotContain("<img");
    }

    @Test
    void theOwnerEditsAndDeletesAndNobodyElseCan() throws Exception {
        JsonObject slot = Uploads.upload(member, tune, Uploads.details("First title"));
        Uploads.awaitFinished(member, slot.getString("id"), PROCESSING);
        String recording = slot.getString("recording");
        String publicId = recording.substring(recording.lastIndexOf('/') + 1);
        WebClient other = new WebClient(member.base());
        Members.signUp(other, "vandal");

        assertThat(other.get(recording + "/edit").status()).isEqualTo(404);
        assertThat(other.post(recording + "/edit", Map.of("_csrf", other.cookie("soundhub_csrf").orElseThrow(),
                "title", "Hacked", "license", "CC0", "visibility", "PUBLIC")).status()).isEqualTo(404);
        assertThat(other.post(recording + "/delete", Map.of("_csrf", other.cookie("soundhub_csrf").orElseThrow()))
                .status()).isEqualTo(404);

        Page edit = member.get(recording + "/edit");
        Page tooLong = member.submit(edit, "form[action$=/edit]", Map.of("title", "y".repeat(300)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.text("#title-help")).contains("at most 200");
        // What was typed comes back, but no more than the field may hold.
        assertThat(tooLong.document().selectFirst("#title").val()).isEqualTo("y".repeat(200));

        Page saved = member.submit(edit, "form[action$=/edit]", Map.of("title", "Better title", "bpm", "101"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(member.get(recording).text("h1")).isEqualTo("Better title");
        assertThat(member.get(recording).text(".facts")).contains("101 BPM");

        S3ObjectStorage storage = TestInfrastructure.storage();
        String originalKey = "recordings/" + publicId + "/original";
        assertThat(storage.describe(originalKey)).isPresent();
        Page deleted = member.submit(member.get(recording + "/edit"), "form[action$=/delete]", Map.of());
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(member.get(recording).status()).isEqualTo(404);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (storage.describe(originalKey).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(storage.describe(originalKey)).as("the audio is deleted too").isEmpty();
        assertThat(storage.describe("recordings/" + publicId + "/hls/playlist.m3u8")).isEmpty();
    }

    @Test
    void aSilentFileIsReadyAndItsOwnerIsToldItIsSilent() throws Exception {
        Path silent = AudioFiles.silence(audio.resolve("nothing at all.flac"), 5);
        JsonObject slot = Uploads.upload(member, silent, Uploads.details("Quiet please"));
        JsonObject status = Uploads.awaitFinished(member, slot.getString("id"), PROCESSING);
        assertThat(status.getString("state")).isEqualTo("READY");

        Element item = member.get("/uploads").document().select(".upload-item").stream()
                .filter(li -> li.text().contains("Quiet please")).findFirst().orElseThrow();
        assertThat(item.select("[data-silent]").text()).contains("silent");
        assertThat(item.select(".badge-silent").text()).isEqualTo("Silent");
        assertThat(member.get(slot.getString("recording") + "/edit").text("[data-silent]")).contains("silent");

        JsonObject audible = Uploads.upload(member, AudioFiles.tune(audio.resolve("audible.mp3"), 3), Uploads.details("Audible"));
        Uploads.awaitFinished(member, audible.getString("id"), PROCESSING);
        Element audibleItem = member.get("/uploads").document().select(".upload-item").stream()
                .filter(li -> li.text().contains("Audible")).findFirst().orElseThrow();
        assertThat(audibleItem.select("[data-silent], .badge-silent")).isEmpty();
        assertThat(member.get(audible.getString("recording") + "/edit").document().select("[data-silent]")).isEmpty();
    }

    @Test
    void anEmptyTitleIsTakenFromTheFilesTagsOrElseItsName() throws Exception {
        JsonObject tagged = Uploads.upload(member, AudioFiles.tune(audio.resolve("track_01.mp3"), 3, "Quiet tune"),
                Uploads.details(""));
        JsonObject named = Uploads.upload(member, AudioFiles.tune(audio.resolve("rainy_day  demo.flac"), 3),
                Uploads.details("  "));
        JsonObject typed = Uploads.upload(member, AudioFiles.tune(audio.resolve("other.mp3"), 3, "The tag's title"),
                Uploads.details("What I typed"));
        for (JsonObject slot : List.of(tagged, named, typed)) {
            assertThat(Uploads.awaitFinished(member, slot.getString("id"), PROCESSING).getString("state")).isEqualTo("READY");
        }
        assertThat(member.get(tagged.getString("recording")).text("h1")).isEqualTo("Quiet tune");
        assertThat(member.get(named.getString("recording")).text("h1")).isEqualTo("rainy day demo");
        assertThat(member.get(typed.getString("recording")).text("h1")).isEqualTo("What I typed");

        // Without a file there is nothing to take a title from.
        Page noFile = Uploads.requestSlot(member, Uploads.details(""), "", 1000);
        assertThat(noFile.status()).isEqualTo(422);
        assertThat(Uploads.json(noFile.body()).getJsonObject("fields").getJsonArray("title").getString(0)).contains("title");
    }

    @Test
    void theUploadPageOffersACoverAndSaysWhereAnEmptyTitleComesFrom() {
        Document form = member.get("/uploads/new").document();
        assertThat(form.select("#cover[type=file][accept*=image/jpeg]")).hasSize(1);
        assertThat(form.text()).contains("Leave it empty to use the title in the file's tags");
    }

    @Test
    void aPutWithTheOldUrlAfterConfirmingChangesNothingTheRecordingPlaysOrKeeps() throws Exception {
        JsonObject slot = Uploads.upload(member, tune, Uploads.details("Kept as sent"));
        assertThat(Uploads.awaitFinished(member, slot.getString("id"), PROCESSING).getString("state")).isEqualTo("READY");
        S3ObjectStorage storage = TestInfrastructure.storage();
        byte[] original = read(storage, originalKey(slot));
        assertThat(original).isEqualTo(Files.readAllBytes(tune));
        String playlist = member.get(slot.getString("recording") + "/playlist.m3u8").body();
        String segment = playlist.lines().filter(line -> line.startsWith("http")).findFirst().orElseThrow();

        // Another file of the very size and type the URL was signed for, sent while the slot still works.
        byte[] other = new byte[original.length];
        new java.util.Random(7).nextBytes(other);
        Path swapped = Files.write(audio.resolve("swapped.flac"), other);
        assertThat(Uploads.put(slot, swapped)).as("storage still takes the PUT until the slot expires").isEqualTo(200);

        assertThat(read(storage, originalKey(slot))).as("the original the recording keeps").isEqualTo(original);
        assertThat(member.get(slot.getString("recording") + "/playlist.m3u8").status()).isEqualTo(200);
        HttpResponse<byte[]> played = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(segment)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(played.statusCode()).isEqualTo(200);
        assertThat(Uploads.confirm(member, slot).status()).isEqualTo(200);
        assertThat(Uploads.status(member, slot.getString("id")).getString("state")).as("not processed again").isEqualTo("READY");
        assertThat(read(storage, originalKey(slot))).isEqualTo(original);

        // Once the slot has expired, what the late PUT left is deleted, and nothing can be put there again.
        String incoming = "incoming/" + slot.getString("id");
        assertThat(storage.describe(incoming)).isPresent();
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement late = db.prepareStatement(
                     "UPDATE uploads SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid")) {
            late.setString(1, slot.getString("id"));
            assertThat(late.executeUpdate()).isEqualTo(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (storage.describe(incoming).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(storage.describe(incoming)).isEmpty();
        assertThat(read(storage, originalKey(slot))).isEqualTo(original);
    }

    @Test
    void aMemberGetsOnlyAFewSlotsAtOnceEvenAskingForFortyInTheSameInstant() throws Exception {
        java.util.concurrent.ExecutorService burst = java.util.concurrent.Executors.newFixedThreadPool(20);
        List<java.util.concurrent.Future<Page>> answers = new java.util.ArrayList<>();
        Uploads.requestSlot(member, Uploads.details("Warm-up"), "warm-up.wav", 1000);
        for (int i = 0; i < 40; i++) {
            int n = i;
            answers.add(burst.submit(() -> Uploads.requestSlot(member, Uploads.details("Burst " + n), "burst-" + n + ".wav",
                    200L * 1024 * 1024)));
        }
        int granted = 0;
        for (java.util.concurrent.Future<Page> answer : answers) {
            Page page = answer.get();
            if (page.status() == 201) {
                granted++;
            } else {
                assertThat(page.status()).isEqualTo(422);
                assertThat(Uploads.json(page.body()).getJsonObject("fields").getJsonArray("file").getString(0))
                        .contains("You already have 5 uploads waiting for their files");
            }
        }
        burst.shutdown();
        assertThat(granted).as("slots beside the warm-up one, the limit being 5").isEqualTo(4);
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement query = db.prepareStatement(
                     "SELECT count(*) FROM uploads u JOIN members m ON m.id = u.owner_id WHERE m.nickname = ?")) {
            query.setString(1, nickname);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(5);
            }
        }
    }

    @Test
    void theDailyAllowanceAndTheSpaceOfAMemberAreKeptWithTheirReasons() throws Exception {
        JsonObject slot = Uploads.upload(member, tune, Uploads.details("Nearly a day's worth"));
        Uploads.awaitFinished(member, slot.getString("id"), PROCESSING);
        setDeclaredSize(slot, "2047::bigint * 1024 * 1024", "now()");

        Page overDay = Uploads.requestSlot(member, Uploads.details("One more"), "more.flac", 2L * 1024 * 1024);
        assertThat(overDay.status()).isEqualTo(422);
        assertThat(Uploads.json(overDay.body()).getJsonObject("fields").getJsonArray("file").getString(0))
                .contains("up to 2,048 MB a day").contains("2,047 MB in the last 24 hours");
        assertThat(Uploads.requestSlot(member, Uploads.details("Small"), "small.flac", 512L * 1024).status())
                .as("what still fits").isEqualTo(201);

        setDeclaredSize(slot, "10239::bigint * 1024 * 1024", "now() - interval '2 days'");
        Page overSpace = Uploads.requestSlot(member, Uploads.details("No room"), "room.flac", 2L * 1024 * 1024);
        assertThat(overSpace.status()).isEqualTo(422);
        assertThat(Uploads.json(overSpace.body()).getJsonObject("fields").getJsonArray("file").getString(0))
                .contains("may take up to 10,240 MB").contains("Delete recordings");
    }

    private void setDeclaredSize(JsonObject slot, String size, String createdAt) throws Exception {
        try (Connection db = TestInfrastructure.jdbc();
             PreparedStatement update = db.prepareStatement(
                     "UPDATE uploads SET declared_size = " + size + ", created_at = " + createdAt + " WHERE id = ?::uuid")) {
            update.setString(1, slot.getString("id"));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    static String originalKey(JsonObject slot) {
        String recording = slot.getString("recording");
        return "recordings/" + recording.substring(recording.lastIndexOf('/') + 1) + "/original";
    }

    private static byte[] read(S3ObjectStorage storage, String key) throws java.io.IOException {
        try (java.io.InputStream in = storage.open(key)) {
            return in.readAllBytes();
        }
    }

    /**
     * Six long uploads of one member, then a short one of another: the short one is processed at
     * once on a worker the first member's backlog does not hold, rather than after it. Prints the
     * time it took; with {@code SOUNDHUB_JOBS_MEDIA_PER_MEMBER=0} (no lanes) the same run shows the
     * wait it had before.
     */
    @Test
    void sixLongUploadsOfOneMemberDoNotHoldUpAnothersShortOne() throws Exception {
        Path longTune = AudioFiles.tune(audio.resolve("long evening.mp3"), 15 * 60);
        Path shortTune = AudioFiles.tune(audio.resolve("short morning.mp3"), 30);
        List<String> backlog = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            backlog.add(Uploads.upload(member, longTune, Uploads.details("Long evening " + i)).getString("id"));
        }
        WebClient other = new WebClient(member.base());
        Members.signUp(other, "patient");

        JsonObject slot = Uploads.upload(other, shortTune, Uploads.details("Short morning"));
        long confirmed = System.nanoTime();
        JsonObject status = Uploads.awaitFinished(other, slot.getString("id"), Duration.ofMinutes(4));
        double seconds = (System.nanoTime() - confirmed) / 1e9;
        long backlogLeft = backlog.stream().filter(id -> !Uploads.status(member, id).getBoolean("finished")).count();
        System.out.printf(java.util.Locale.ROOT, "[fairness] a 30-second upload was READY %.1f s after its confirmation, "
                + "with %d of another member's six 15-minute uploads not yet finished%n", seconds, backlogLeft);

        assertThat(status.getString("state")).isEqualTo("READY");
        assertThat(backlogLeft).as("the backlog was still there while the short upload went through").isGreaterThanOrEqualTo(3);
        assertThat(seconds).as("seconds from confirmation to READY").isLessThan(12);
    }

    @Test
    void theUploadPagesNeedASignedInMember() {
        WebClient anonymous = new WebClient(member.base());
        Page form = anonymous.get("/uploads/new");
        assertThat(form.status()).isEqualTo(303);
        assertThat(form.location()).startsWith("/signin");
        assertThat(member.get("/uploads/new").status()).isEqualTo(200);
        assertThat(member.get("/uploads/new").document().select("#file[type=file]")).hasSize(1);
    }
}
