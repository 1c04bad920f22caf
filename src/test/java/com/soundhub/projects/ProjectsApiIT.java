package com.soundhub.projects;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.soundhub.projects.contents.ContentHash;
import com.soundhub.testing.Deployments;
import com.soundhub.testing.Members;
import com.soundhub.testing.Projects;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.WebClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.soundhub.testing.Projects.files;
import static org.assertj.core.api.Assertions.assertThat;

/** Co-production through its API: pushes that send only what changed, revisions, diffs, zips, and bad input. */
@ExtendWith(TestInfrastructure.class)
@ExtendWith(ArquillianExtension.class)
class ProjectsApiIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.soundhub();
    }

    @ArquillianResource
    URL deployed;

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

    /** Contents are shared by every project on the site: this run's bytes are its own, so none is stored already. */
    private static final long RUN = System.nanoTime();

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(RUN * 31 + seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aSecondPushSendsOnlyWhatChangedAndEveryRevisionStaysAsItWas() throws Exception {
        Projects alice = member("alice");
        String project = alice.create("Night Drive", "PUBLIC");
        byte[] drums = bytes(300_000, 1);
        byte[] bass = bytes(200_000, 2);
        byte[] lyrics = ("verse one " + RUN + "\n").getBytes(StandardCharsets.UTF_8);

        JsonObject first = alice.push(project, 0, files("stems/drums.wav", drums, "stems/bass.wav", bass, "lyrics.txt", lyrics),
                true, "First stems");
        assertThat(first.getInt("revision")).isEqualTo(1);
        long afterFirst = alice.uploadedBytes();
        assertThat(afterFirst).isEqualTo(drums.length + bass.length + lyrics.length);

        byte[] newBass = bytes(210_000, 3);
        byte[] keys = bytes(100_000, 4);
        WebClient.Page started = alice.start(project, 1, files("stems/drums.wav", drums, "stems/bass.wav", newBass,
                "stems/keys.wav", keys), true);
        assertThat(started.status()).isEqualTo(201);
        JsonObject push = Projects.json(started.body());
        assertThat(push.getJsonObject("changes").getJsonArray("added").getString(0)).isEqualTo("stems/keys.wav");
        assertThat(push.getJsonObject("changes").getJsonArray("changed").getString(0)).isEqualTo("stems/bass.wav");
        assertThat(push.getJsonObject("changes").getJsonArray("removed").getString(0)).isEqualTo("lyrics.txt");
        assertThat(push.getJsonArray("missing")).hasSize(2);
        alice.upload(project, push, files("stems/bass.wav", newBass, "stems/keys.wav", keys));
        JsonObject second = Projects.json(alice.commit(project, push.getString("id"), "New bass, keys, no lyrics").body());
        assertThat(second.getInt("revision")).isEqualTo(2);
        assertThat(second.getBoolean("rebased")).isFalse();
        assertThat(alice.uploadedBytes() - afterFirst).as("only the changed and the new file travelled")
                .isEqualTo(newBass.length + keys.length);

        JsonObject r1 = alice.getJson("/api/v1/projects/" + project + "/revisions/1");
        assertThat(r1.getJsonArray("files")).extracting(file -> file.asJsonObject().getString("path"))
                .containsExactly("lyrics.txt", "stems/bass.wav", "stems/drums.wav");
        JsonObject r2 = alice.getJson("/api/v1/projects/" + project + "/revisions/2");
        assertThat(r2.getString("message")).isEqualTo("New bass, keys, no lyrics");
        assertThat(r2.getJsonArray("files")).extracting(file -> file.asJsonObject().getString("path"))
                .containsExactly("stems/bass.wav", "stems/drums.wav", "stems/keys.wav");
        JsonObject drumsInR2 = r2.getJsonArray("files").getJsonObject(1);
        assertThat(drumsInR2.getInt("revision")).as("unchanged since r1").isEqualTo(1);

        JsonObject diff = alice.getJson("/api/v1/projects/" + project + "/diff?from=1&to=2");
        assertThat(diff.getJsonArray("added")).extracting(file -> file.asJsonObject().getString("path")).containsExactly("stems/keys.wav");
        assertThat(diff.getJsonArray("removed")).extracting(file -> file.asJsonObject().getString("path")).containsExactly("lyrics.txt");
        assertThat(diff.getJsonArray("changed").getJsonObject(0).getJsonObject("from").getInt("size")).isEqualTo(200_000);
        assertThat(diff.getJsonArray("changed").getJsonObject(0).getJsonObject("to").getInt("size")).isEqualTo(210_000);

        JsonObject history = alice.getJson("/api/v1/projects/" + project + "/revisions");
        assertThat(history.getJsonArray("revisions")).extracting(revision -> revision.asJsonObject().getInt("number"))
                .containsExactly(2, 1);

        // Revision 1 as it was, and only the changes since it.
        Map<String, byte[]> whole = alice.zip("/api/v1/projects/" + project + "/revisions/1/zip");
        assertThat(whole.keySet()).containsExactly("lyrics.txt", "stems/bass.wav", "stems/drums.wav");
        assertThat(whole.get("stems/bass.wav")).isEqualTo(bass);
        Map<String, byte[]> changes = alice.zip("/api/v1/projects/" + project + "/revisions/2/zip?since=1");
        assertThat(changes.keySet()).containsExactly(".soundhub-changes.json", "stems/bass.wav", "stems/keys.wav");
        assertThat(changes.get("stems/bass.wav")).isEqualTo(newBass);
        JsonObject manifest = Projects.json(new String(changes.get(".soundhub-changes.json"), StandardCharsets.UTF_8));
        assertThat(manifest.getJsonArray("removed")).containsExactly(Json.createValue("lyrics.txt"));
        assertThat(manifest.getInt("from")).isEqualTo(1);

        // Revert: a new revision holding r1's files.
        WebClient.Page reverted = alice.post("/api/v1/projects/" + project + "/revisions/1/revert", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(reverted.status()).isEqualTo(201);
        assertThat(Projects.json(reverted.body()).getInt("revision")).isEqualTo(3);
        assertThat(alice.zip("/api/v1/projects/" + project + "/revisions/3/zip").get("stems/bass.wav")).isEqualTo(bass);
        assertThat(alice.getJson("/api/v1/projects/" + project + "/revisions/3").getString("message")).isEqualTo("Revert to r1");
    }

    @Test
    void aStoredContentCannotBeOverwrittenThroughItsUploadUrl() throws Exception {
        Projects alice = member("keeper");
        String project = alice.create("Kept", "PRIVATE");
        byte[] take = bytes(50_000, 10);
        WebClient.Page started = alice.start(project, 0, files("take.wav", take), false);
        JsonObject push = Projects.json(started.body());
        String url = push.getJsonArray("missing").getJsonObject(0).getJsonObject("upload").getString("url");
        alice.upload(project, push, files("take.wav", take));
        alice.commit(project, push.getString("id"), "A take");

        byte[] forged = bytes(50_000, 11);
        assertThat(alice.put(url, forged, 0, forged.length)).as("the URL still takes bytes, but to the push's own place").isEqualTo(200);
        assertThat(alice.zip("/api/v1/projects/" + project + "/revisions/1/zip").get("take.wav")).isEqualTo(take);
        assertThat(TestInfrastructure.storage().readStart("projects/contents/" + ContentHash.of(take), 50_000)).isEqualTo(take);
    }

    @Test
    void pushesAtTheSameTimeAreReplayedOntoEachOtherAndTheLaterOneSaysWhatItReplaced() throws Exception {
        Projects alice = member("carla");
        String project = alice.create("Two at once", "PUBLIC");
        alice.push(project, 0, files("mix.wav", bytes(1000, 20), "notes.txt", bytes(10, 21)), true, "Start");

        WebClient.Page first = alice.start(project, 1, files("mix.wav", bytes(1000, 22), "notes.txt", bytes(10, 21)), true);
        WebClient.Page second = alice.start(project, 1, files("mix.wav", bytes(1000, 23), "notes.txt", bytes(10, 21),
                "extra.wav", bytes(500, 24)), true);
        JsonObject firstPush = Projects.json(first.body());
        JsonObject secondPush = Projects.json(second.body());
        alice.upload(project, firstPush, files("mix.wav", bytes(1000, 22)));
        alice.upload(project, secondPush, files("mix.wav", bytes(1000, 23), "extra.wav", bytes(500, 24)));
        JsonObject r2 = Projects.json(alice.commit(project, firstPush.getString("id"), "My mix").body());
        JsonObject r3 = Projects.json(alice.commit(project, secondPush.getString("id"), "Their mix").body());

        assertThat(r2.getInt("revision")).isEqualTo(2);
        assertThat(r3.getInt("revision")).isEqualTo(3);
        assertThat(r3.getBoolean("rebased")).isTrue();
        assertThat(r3.getJsonArray("replaced").getJsonObject(0).getString("path")).isEqualTo("mix.wav");
        assertThat(r3.getJsonArray("replaced").getJsonObject(0).getInt("revision")).isEqualTo(2);
        Map<String, byte[]> head = alice.zip("/api/v1/projects/" + project + "/revisions/3/zip");
        assertThat(head.get("mix.wav")).isEqualTo(bytes(1000, 23));
        assertThat(head.keySet()).containsExactly("extra.wav", "mix.wav", "notes.txt");
        assertThat(alice.getJson("/api/v1/projects/" + project + "/revisions/3").getJsonArray("replaced")).hasSize(1);
    }

    @Test
    void fiftyPushesAtOnceGiveFiftyRevisionsAndLoseNothing() throws Exception {
        Projects alice = member("busy");
        String project = alice.create("Fifty", "PUBLIC");
        alice.push(project, 0, files("start.txt", bytes(10, 30)), true, "Start");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<JsonObject>> pushes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            Callable<JsonObject> push = () -> alice.push(project, 1, files("start.txt", bytes(10, 30),
                    "takes/take-" + n + ".wav", bytes(2000, 100 + n)), false, "Take " + n);
            pushes.add(pool.submit(push));
        }
        List<Integer> revisions = new ArrayList<>();
        for (Future<JsonObject> push : pushes) {
            revisions.add(push.get().getInt("revision"));
        }
        pool.shutdown();
        assertThat(revisions).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(2, 51).boxed().toList());
        JsonObject head = alice.getJson("/api/v1/projects/" + project + "/revisions/51");
        assertThat(head.getJsonArray("files")).hasSize(51);
    }

    @Test
    void badPathsAreRefusedNamingEachFileAndNothingIsWritten() {
        Projects alice = member("paths");
        String project = alice.create("Paths", "PRIVATE");
        String longName = "a".repeat(256);
        Map<String, byte[]> bad = files("/etc/passwd", bytes(1, 1), "../up.wav", bytes(1, 2), "a\\b.wav", bytes(1, 3),
                "nul\u0000.wav", bytes(1, 4), "a//b.wav", bytes(1, 5), longName + ".wav", bytes(1, 6),
                "Drums.wav", bytes(1, 7), "drums.wav", bytes(1, 8), "Caf\u00e9.wav", bytes(1, 9), "Cafe\u0301.wav", bytes(1, 10),
                "x/".repeat(600) + "y", bytes(1, 11));
        WebClient.Page refused = alice.start(project, 0, bad, false);
        assertThat(refused.status()).isEqualTo(422);
        JsonObject body = Projects.json(refused.body());
        Map<String, String> problems = new LinkedHashMap<>();
        body.getJsonArray("files").forEach(file -> problems.put(file.asJsonObject().getString("path"), file.asJsonObject().getString("message")));
        assertThat(problems.get("/etc/passwd")).contains("relative");
        assertThat(problems.get("../up.wav")).contains("..");
        assertThat(problems.get("a\\b.wav")).contains("backslash");
        assertThat(problems.get("nul\u0000.wav")).contains("control character");
        assertThat(problems.get("a//b.wav")).contains("empty folder name");
        assertThat(problems.get(longName + ".wav")).contains("255 bytes");
        assertThat(problems.get("drums.wav")).contains("Drums.wav").contains("case");
        assertThat(problems.get("Cafe\u0301.wav")).contains("Caf\u00e9.wav");
        assertThat(problems.get("x/".repeat(600) + "y")).contains("1024 bytes");
        assertThat(alice.getJson("/api/v1/projects/" + project).getInt("head")).isZero();
        assertThat(alice.getJson("/api/v1/projects/" + project + "/revisions").getJsonArray("revisions")).isEmpty();
    }

    @Test
    void commitsOfContentsNeverUploadedOrNotAsAnnouncedAreRefusedNamingTheFile() {
        Projects alice = member("liar");
        String project = alice.create("Honest", "PRIVATE");
        byte[] real = bytes(40_000, 40);
        JsonObject push = Projects.json(alice.start(project, 0, files("vocals.wav", real, "pad.wav", bytes(100, 41)), false).body());

        WebClient.Page early = alice.commit(project, push.getString("id"), "Too early");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("vocals.wav").contains("pad.wav").contains("never uploaded");

        JsonObject vocals = null;
        for (JsonValue missing : push.getJsonArray("missing")) {
            if (missing.asJsonObject().getString("hash").equals(ContentHash.of(real))) {
                vocals = missing.asJsonObject();
            }
        }
        byte[] other = bytes(40_000, 42);
        alice.put(vocals.getJsonObject("upload").getString("url"), other, 0, other.length);
        WebClient.Page mismatch = alice.verify(project, push.getString("id"), vocals.getString("hash"));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(Projects.json(mismatch.body()).getJsonArray("files").getJsonObject(0).getString("path")).isEqualTo("vocals.wav");
        assertThat(mismatch.body()).contains("content hash");

        WebClient.Page notSent = alice.verify(project, push.getString("id"), ContentHash.of(bytes(100, 41)));
        assertThat(notSent.status()).isEqualTo(422);
        assertThat(notSent.body()).contains("pad.wav").contains("not been uploaded");

        // Sent again right, it goes through.
        alice.upload(project, push, files("vocals.wav", real, "pad.wav", bytes(100, 41)));
        assertThat(alice.commit(project, push.getString("id"), "Now").status()).isEqualTo(201);

        WebClient.Page nothing = alice.start(project, 1, files("vocals.wav", real, "pad.wav", bytes(100, 41)), true);
        JsonObject same = Projects.json(nothing.body());
        assertThat(same.getJsonArray("missing")).isEmpty();
        WebClient.Page empty = alice.commit(project, same.getString("id"), "Nothing");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("Nothing changed");

        WebClient.Page noBase = alice.start(project, 7, files("x.wav", bytes(5, 43)), false);
        assertThat(noBase.status()).isEqualTo(422);
        assertThat(noBase.body()).contains("no revision r7");
        assertThat(alice.get("/api/v1/projects/" + project + "/revisions/9/zip").status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/projects/" + project + "/revisions/1/zip?since=5").status()).isEqualTo(404);
    }

    @Test
    void privateProjectsDoNotExistForStrangersAndVisitorsCannotPush() {
        Projects alice = member("private");
        String project = alice.create("Secret", "PRIVATE");
        alice.push(project, 0, files("a.wav", bytes(100, 50)), true, "One");
        Projects stranger = member("stranger");
        Projects visitor = new Projects(anonymous.stranger());
        for (String path : List.of("", "/revisions", "/revisions/1", "/revisions/1/zip", "/diff?from=0&to=1", "/members")) {
            assertThat(stranger.get("/api/v1/projects/" + project + path).status()).as(path).isEqualTo(404);
            assertThat(visitor.get("/api/v1/projects/" + project + path).status()).as(path).isEqualTo(404);
        }
        assertThat(stranger.start(project, 1, files("b.wav", bytes(100, 51)), false).status()).isEqualTo(404);
        assertThat(visitor.start(project, 1, files("b.wav", bytes(100, 51)), false).status()).isEqualTo(401);

        String open = alice.create("Open", "PUBLIC");
        alice.push(open, 0, files("a.wav", bytes(100, 52)), true, "One");
        assertThat(visitor.get("/api/v1/projects/" + open + "/revisions/1").status()).isEqualTo(200);
        WebClient.Page refused = stranger.start(open, 1, files("b.wav", bytes(100, 53)), false);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("producers and owners");
    }

    @Test
    void aLargeFileGoesInPartsAndAFailedUploadResumesWithTheMissingParts() {
        Projects alice = member("large");
        String project = alice.create("Large", "PRIVATE");
        byte[] big = bytes(70 * 1024 * 1024, 60);
        JsonObject push = Projects.json(alice.start(project, 0, files("long-take.wav", big), false).body());
        JsonObject upload = push.getJsonArray("missing").getJsonObject(0).getJsonObject("upload");
        long partSize = upload.getJsonNumber("partSize").longValue();
        assertThat(upload.getJsonArray("parts")).hasSize((int) ((big.length + partSize - 1) / partSize));
        // Only the first two parts arrive before the connection drops.
        for (int number = 1; number <= 2; number++) {
            int from = (int) ((number - 1) * partSize);
            assertThat(alice.put(upload.getJsonArray("parts").getJsonObject(number - 1).getString("url"), big, from, (int) partSize))
                    .isEqualTo(200);
        }
        String hash = ContentHash.of(big);
        WebClient.Page early = alice.verify(project, push.getString("id"), hash);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("long-take.wav").contains("[3, 4, 5]");

        JsonObject status = alice.getJson("/api/v1/projects/" + project + "/pushes/" + push.getString("id") + "/contents/" + hash);
        long before = alice.uploadedBytes();
        for (JsonValue value : status.getJsonObject("upload").getJsonArray("parts")) {
            JsonObject part = value.asJsonObject();
            if (!part.getBoolean("uploaded")) {
                int from = (int) ((part.getInt("number") - 1) * partSize);
                alice.put(part.getString("url"), big, from, (int) Math.min(partSize, big.length - from));
            }
        }
        assertThat(alice.uploadedBytes() - before).as("only the missing parts").isEqualTo(big.length - 2 * partSize);
        assertThat(alice.verify(project, push.getString("id"), hash).status()).isEqualTo(200);
        assertThat(alice.commit(project, push.getString("id"), "Long take").status()).isEqualTo(201);
        assertThat(alice.zip("/api/v1/projects/" + project + "/revisions/1/zip").get("long-take.wav")).isEqualTo(big);
    }

    @Test
    void aPushOverTheStorageQuotaIsRefusedBeforeAnythingIsUploaded() {
        Projects alice = member("quota");
        String project = alice.create("Too big", "PRIVATE");
        // The test site allows 200 MB a member; the sizes a push declares are checked before any upload starts.
        WebClient.Page refused = alice.post("/api/v1/projects/" + project + "/pushes", Json.createObjectBuilder().add("base", 0)
                .add("files", Json.createArrayBuilder().add(Json.createObjectBuilder().add("path", "huge.wav")
                        .add("size", 250L * 1024 * 1024).add("hash", ContentHash.of(bytes(10, 70)))))
                .add("wholeProject", false).build());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(Projects.json(refused.body()).getString("error")).contains("250.0 MB").contains("of your 200.0 MB");
        assertThat(alice.uploadedBytes()).isZero();
    }

    @Test
    void abandonedPushesAndContentsNothingHoldsAreCleanedAway() throws Exception {
        Projects alice = member("tidy");
        String project = alice.create("Abandoned", "PRIVATE");
        byte[] sentOnly = bytes(20_000, 80);
        byte[] checkedOnly = bytes(20_000, 81);
        JsonObject push = Projects.json(alice.start(project, 0, files("sent.wav", sentOnly, "checked.wav", checkedOnly), false).body());
        for (JsonValue value : push.getJsonArray("missing")) {
            JsonObject missing = value.asJsonObject();
            byte[] content = missing.getString("hash").equals(ContentHash.of(sentOnly)) ? sentOnly : checkedOnly;
            alice.put(missing.getJsonObject("upload").getString("url"), content, 0, content.length);
        }
        assertThat(alice.verify(project, push.getString("id"), ContentHash.of(checkedOnly)).status()).isEqualTo(200);
        String incoming = "projects/incoming/" + push.getString("id") + "/" + ContentHash.of(sentOnly);
        String kept = "projects/contents/" + ContentHash.of(checkedOnly);
        assertThat(TestInfrastructure.storage().describe(incoming)).isPresent();
        assertThat(TestInfrastructure.storage().describe(kept)).isPresent();

        // The member walks away: the push runs out, and the checked content's grace period passes.
        try (var db = TestInfrastructure.jdbc(); var statement = db.createStatement()) {
            statement.executeUpdate("UPDATE project_pushes SET expires_at = now() - interval '1 minute' WHERE id = '"
                    + push.getString("id") + "'");
            statement.executeUpdate("UPDATE project_contents SET created_at = now() - interval '2 days' WHERE hash = '"
                    + ContentHash.of(checkedOnly) + "'");
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while ((TestInfrastructure.storage().describe(incoming).isPresent() || TestInfrastructure.storage().describe(kept).isPresent())
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(TestInfrastructure.storage().describe(incoming)).as("what the abandoned push uploaded").isEmpty();
        assertThat(TestInfrastructure.storage().describe(kept)).as("a content no revision holds").isEmpty();
        assertThat(alice.commit(project, push.getString("id"), "Too late").status()).isEqualTo(404);
    }

    @Test
    void deletingAProjectDeletesTheContentsNoOtherProjectHolds() throws Exception {
        Projects alice = member("leaver");
        byte[] shared = bytes(30_000, 90);
        byte[] own = bytes(30_000, 91);
        String gone = alice.create("Gone soon", "PRIVATE");
        String stays = alice.create("Stays", "PRIVATE");
        alice.push(gone, 0, files("shared.wav", shared, "own.wav", own), true, "Both");
        alice.push(stays, 0, files("shared.wav", shared), true, "Shared only");

        WebClient.Page settings = alice.client().get("/projects/" + gone + "/settings");
        WebClient.Page wrong = alice.client().submit(settings, "form.delete-form", Map.of("confirmation", "Gone later"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(alice.get("/api/v1/projects/" + gone).status()).isEqualTo(200);
        WebClient.Page deleted = alice.client().submit(alice.client().get("/projects/" + gone + "/settings"), "form.delete-form",
                Map.of("confirmation", "Gone soon"));
        assertThat(deleted.status()).isEqualTo(303);

        assertThat(alice.get("/api/v1/projects/" + gone).status()).isEqualTo(404);
        assertThat(TestInfrastructure.storage().describe("projects/contents/" + ContentHash.of(own))).isEmpty();
        assertThat(TestInfrastructure.storage().describe("projects/contents/" + ContentHash.of(shared))).isPresent();
        assertThat(alice.zip("/api/v1/projects/" + stays + "/revisions/1/zip").get("shared.wav")).isEqualTo(shared);
    }

    @Test
    void aPushOfMoreThanTenThousandFilesIsRefused() {
        Projects alice = member("many");
        String project = alice.create("Many", "PRIVATE");
        var listed = Json.createArrayBuilder();
        String hash = ContentHash.of(bytes(1, 95));
        for (int i = 0; i <= ProjectPaths.MAX_FILES; i++) {
            listed.add(Json.createObjectBuilder().add("path", "f/" + i + ".txt").add("size", 1).add("hash", hash));
        }
        WebClient.Page refused = alice.post("/api/v1/projects/" + project + "/pushes", Json.createObjectBuilder().add("base", 0)
                .add("files", listed).add("wholeProject", true).build());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("at most 10000 files").contains("10001");
    }

    @Test
    void theApiIsDescribedByTheOpenApiDocument() {
        WebClient.Page document = anonymous.get("/openapi");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("/api/v1/projects/{id}/pushes").contains("/api/v1/projects/{id}/pushes/{push}/commit")
                .contains("Start a push").contains("bearer");
    }

    @Test
    void anOwnerGivesTheProjectACoverPictureResizedLikeAvatars() throws Exception {
        Projects alice = member("cover");
        String project = alice.create("Pictured", "PRIVATE");
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(800, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", png);
        WebClient.Page saved = alice.client().send(java.net.http.HttpRequest.newBuilder(alice.client().base()
                        .resolve("/api/v1/projects/" + project + "/cover"))
                .header("Content-Type", "image/png").header("X-CSRF-Token", alice.client().cookie("soundhub_csrf").orElseThrow())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String url = Projects.json(saved.body()).getString("url");
        var cover = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(alice.client().sendBytes(url)));
        assertThat(cover.getWidth()).isEqualTo(600);
        assertThat(cover.getHeight()).isEqualTo(600);
        assertThat(alice.client().get("/projects/" + project).document().select("img.project-cover").attr("src")).isEqualTo(url);

        Projects stranger = member("peeker");
        assertThat(stranger.client().get(url).status()).isEqualTo(404);
        WebClient.Page refused = stranger.client().send(java.net.http.HttpRequest.newBuilder(stranger.client().base()
                        .resolve("/api/v1/projects/" + project + "/cover"))
                .header("Content-Type", "image/png").header("X-CSRF-Token", stranger.client().cookie("soundhub_csrf").orElseGet(() -> {
                    stranger.client().get("/");
                    return stranger.client().cookie("soundhub_csrf").orElseThrow();
                }))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())));
        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void aBigRevisionsPageShowsItsFilesTwoHundredAtATime() {
        Projects alice = member("pages");
        String project = alice.create("Many takes", "PRIVATE");
        Map<String, byte[]> takes = new LinkedHashMap<>();
        for (int i = 0; i < 201; i++) {
            takes.put(String.format("takes/take-%03d.txt", i), ("take " + i + " " + RUN).getBytes(StandardCharsets.UTF_8));
        }
        alice.push(project, 0, takes, true, "Many takes");
        WebClient.Page first = alice.client().get("/projects/" + project + "/revisions/1");
        assertThat(first.document().select("tr[data-path]")).hasSize(200);
        String next = first.document().selectFirst("a[data-more-files]").attr("href");
        WebClient.Page second = alice.client().get(next);
        assertThat(second.document().select("tr[data-path]")).extracting(row -> row.attr("data-path")).containsExactly("takes/take-200.txt");
        assertThat(second.document().select("a[data-more-files]")).isEmpty();
        assertThat(alice.client().get("/projects/" + project).document().select("tr[data-path]")).hasSize(200);
    }
}
