package com.soundhub.uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.soundhub.devserver.PayaraProcess;
import com.soundhub.testing.AudioFiles;
import com.soundhub.testing.ExtraInstance;
import com.soundhub.testing.Members;
import com.soundhub.testing.Processes;
import com.soundhub.testing.TestInfrastructure;
import com.soundhub.testing.Uploads;
import com.soundhub.testing.WebClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline when things go wrong, with SoundHub instances this test starts and stops itself:
 * processing that keeps failing ends DEAD and comes back with the retry button; an instance killed
 * in the middle of a transcode loses nothing, because another one takes the job over once the dead
 * one's heartbeats stop, and leaves nothing behind: its ffmpeg dies with it and its scratch
 * folder goes; and a progress page on one instance follows work done on another.
 */
@ExtendWith(TestInfrastructure.class)
class PipelineRecoveryIT {

    /** Scratch folders of every instance of this test, as instances sharing a host share them. */
    static final Path WORK_DIR = Path.of(System.getProperty("soundhub.it.work", "target/it-work"))
            .resolve("media-work").toAbsolutePath();

    static final Map<String, String> FAST_RECOVERY = Map.of(
            "SOUNDHUB_JOBS_HEARTBEAT_SECONDS", "1",
            "SOUNDHUB_JOBS_MISSED_HEARTBEATS", "4",
            "SOUNDHUB_UPLOADS_MAX_ATTEMPTS", "2",
            "SOUNDHUB_UPLOADS_RETRY_SECONDS", "1",
            "SOUNDHUB_JOBS_WORK_DIR", WORK_DIR.toString());

    @TempDir
    Path audio;

    @Test
    void failuresEndDeadThenRetryAndAKilledInstanceLosesNothing() throws Exception {
        Path shortTune = AudioFiles.tune(audio.resolve("short.flac"), 5);
        // Long enough that the transcode is still running when its instance is killed.
        Path longTune = AudioFiles.tune(audio.resolve("long.mp3"), 19 * 60);

        // 1. An instance whose ffmpeg is broken: every attempt fails, the upload ends DEAD with a reason.
        String deadUpload;
        WebClient member;
        Path brokenFolder;
        try (PayaraProcess broken = ExtraInstance.start("broken-ffmpeg", env -> {
            env.putAll(FAST_RECOVERY);
            env.put("SOUNDHUB_MEDIA_FFMPEG", "/bin/false");
        })) {
            broken.awaitReady(Duration.ofMinutes(4));
            member = new WebClient(broken.baseUri());
            Members.signUp(member, "unlucky");
            deadUpload = Uploads.upload(member, shortTune, Uploads.details("Unlucky")).getString("id");
            JsonObject dead = Uploads.awaitFinished(member, deadUpload, Duration.ofMinutes(2));
            assertThat(dead.getString("state")).isEqualTo("DEAD");
            assertThat(dead.getString("reason")).contains("failed 2 times").contains("retry");
            assertThat(dead.toString()).contains("FAILED_RETRYING");
            assertThat(member.get("/uploads").document().select("form[action$=/retry] button")).hasSize(1);
            brokenFolder = instanceFolderOf(broken.pid());
        }

        // 2. A healthy instance: the retry button brings it to READY.
        PayaraProcess first = ExtraInstance.start("first", env -> env.putAll(FAST_RECOVERY));
        PayaraProcess second = null;
        try {
            first.awaitReady(Duration.ofMinutes(4));
            assertThat(brokenFolder).as("a stopped instance's scratch folder goes when the next one starts").doesNotExist();
            WebClient onFirst = member.sameBrowserAt(first.baseUri());
            WebClient.Page retried = onFirst.submit(onFirst.get("/uploads"), "form[action$=/retry]", Map.of());
            assertThat(retried.status()).isEqualTo(303);
            assertThat(Uploads.awaitFinished(onFirst, deadUpload, Duration.ofMinutes(2)).getString("state")).isEqualTo("READY");

            // 3. Two instances; a long transcode starts on one of them.
            second = ExtraInstance.start("second", env -> env.putAll(FAST_RECOVERY));
            second.awaitReady(Duration.ofMinutes(4));
            String upload = Uploads.upload(onFirst, longTune, Uploads.details("Long night")).getString("id");
            String workerName = awaitWorker(upload, Duration.ofMinutes(1));
            PayaraProcess worker = workerName.endsWith("#" + first.pid()) ? first : second;
            PayaraProcess survivor = worker == first ? second : first;
            WebClient onSurvivor = member.sameBrowserAt(survivor.baseUri());

            // 4. The survivor's progress stream shows the work the other instance is doing ...
            CompletableFuture<List<JsonObject>> stream = CompletableFuture.supplyAsync(() -> {
                try {
                    return Uploads.follow(onSurvivor, upload, member.cookieHeader(), Duration.ofMinutes(4));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitPercent(onSurvivor, upload, 5, Duration.ofMinutes(1));

            // 5. ... until that instance is killed mid-transcode (SIGKILL: no Java code runs after it) ...
            List<ProcessHandle> ffmpegs = ProcessHandle.of(worker.pid()).orElseThrow().descendants()
                    .filter(process -> process.info().command().orElse("").endsWith("/ffmpeg")).toList();
            assertThat(ffmpegs).as("the worker's ffmpeg transcodes").isNotEmpty();
            Path workerFolder = instanceFolderOf(worker.pid());
            List<Path> runFolders;
            try (var listing = Files.list(workerFolder)) {
                // other queued work (a piece of generated music from an earlier test) may run beside it
                runFolders = listing.filter(folder -> folder.getFileName().toString().contains(upload)).toList();
            }
            assertThat(runFolders).as("the transcode's scratch folder").hasSize(1);
            worker.kill();
            long killedAt = System.nanoTime();

            // ... its ffmpeg dies with it, and the ffmpeg's watchdog removes the scratch folder ...
            assertThat(Processes.awaitGone(ffmpegs.stream().map(ProcessHandle::pid).toList(), Duration.ofSeconds(5)))
                    .as("ffmpeg of the killed instance still running").isEmpty();
            long ffmpegGoneMillis = (System.nanoTime() - killedAt) / 1_000_000;
            awaitGone(runFolders.get(0), Duration.ofSeconds(5));
            // The watchdog itself ends once it has removed the folder, a few milliseconds later.
            List<Long> leftOver = Processes.awaitGone(ProcessHandle.allProcesses()
                    .filter(process -> Processes.isRunning(process.pid()))
                    .filter(process -> Processes.commandLine(process).contains(workerFolder.toString()))
                    .map(ProcessHandle::pid).toList(), Duration.ofSeconds(5));
            assertThat(leftOver).as("no program of the killed instance runs on").isEmpty();
            System.out.printf("ffmpeg gone %d ms, its scratch folder %d ms after its instance was killed%n",
                    ffmpegGoneMillis, (System.nanoTime() - killedAt) / 1_000_000);

            // ... and the survivor takes the job over.
            List<JsonObject> events = stream.get();
            JsonObject last = events.get(events.size() - 1);
            assertThat(last.getString("state")).as(events.toString()).isEqualTo("READY");
            List<String> states = new ArrayList<>();
            events.forEach(event -> states.add(event.getString("state")));
            assertThat(states).as("progress from the worker, then the restart").contains("TRANSCODING", "PROBING");
            assertThat(Uploads.status(onSurvivor, upload).toString()).contains("Started over after an interruption");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (workerOf(upload).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(workerOf(upload)).as("the job is done and gone from the queue").isEmpty();
            assertThat(workerFolder).as("the survivor cleared the killed instance's folder away").doesNotExist();
            Path survivorFolder = instanceFolderOf(survivor.pid());
            assertThat(survivorFolder).as("the survivor's own folder stays").isDirectory();
            try (var listing = Files.list(survivorFolder)) {
                // Other queued work (a piece of generated music from an earlier test) may still be running there.
                assertThat(listing.map(folder -> folder.getFileName().toString()).filter(name -> name.contains(upload)))
                        .as("the finished transcode left nothing behind").isEmpty();
            }
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    /** The scratch folder of the instance with process id {@code pid}: {@code <pid>-<start time>}. */
    private static Path instanceFolderOf(long pid) throws Exception {
        try (var folders = Files.list(WORK_DIR)) {
            return folders.filter(folder -> folder.getFileName().toString().startsWith(pid + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("No scratch folder of instance " + pid + " in " + WORK_DIR));
        }
    }

    private static void awaitGone(Path folder, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.exists(folder) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(folder).doesNotExist();
    }

    /** The scheduler name (host#pid) of the instance that picked the upload's job. */
    private static String awaitWorker(String upload, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> worker = workerOf(upload);
            if (worker.isPresent()) {
                return worker.get();
            }
            Thread.sleep(100);
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

    private static void awaitPercent(WebClient client, String upload, int percent, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject status = Uploads.status(client, upload);
            if (status.getString("state").equals("TRANSCODING") && status.getInt("percent") >= percent) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Upload " + upload + " never reached " + percent + "%");
    }
}
