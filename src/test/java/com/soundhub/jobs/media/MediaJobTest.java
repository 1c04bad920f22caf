package com.soundhub.jobs.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.soundhub.jobs.MediaWorkers;
import com.soundhub.media.ExternalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What happens to a subject of media work, attempt after attempt: the moves the job tells the
 * feature about, the waits in between, and the run's folder and programs, which never outlive it.
 */
class MediaJobTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final UUID SUBJECT = UUID.fromString("6a1c8f0e-0000-4000-8000-000000000001");

    @TempDir
    Path root;

    final List<Record> events = new CopyOnWriteArrayList<>();
    final List<Path> runFolders = new ArrayList<>();

    /** A feature's work whose perform step the test chooses; it writes down every move it is told. */
    static final class FakeWork implements MediaWork<String> {
        final List<String> moves = new ArrayList<>();
        final RetryPolicy policy;
        boolean finished;
        Step step = run -> Outcome.done();

        interface Step {
            Outcome perform(MediaRun run) throws Exception;
        }

        FakeWork(RetryPolicy policy) {
            this.policy = policy;
        }

        @Override
        public String name() {
            return "fake-work";
        }

        @Override
        public RetryPolicy retryPolicy() {
            return policy;
        }

        @Override
        public String topic(UUID subject) {
            return "fake:" + subject;
        }

        @Override
        public Optional<String> begin(UUID subject, int attempt) {
            if (finished) {
                return Optional.empty();
            }
            moves.add("begin " + attempt);
            return Optional.of("input of " + subject);
        }

        @Override
        public Outcome perform(String work, MediaRun run) throws Exception {
            moves.add("perform");
            return step.perform(run);
        }

        @Override
        public void rejected(UUID subject, String reason) {
            moves.add("rejected: " + reason);
        }

        @Override
        public void retrying(UUID subject, int attempt, String reason, Instant nextAttempt) {
            moves.add("retrying after " + attempt + " at " + nextAttempt + ": " + reason);
        }

        @Override
        public void gaveUp(UUID subject, int attempts, String reason) {
            moves.add("gave up after " + attempts + ": " + reason);
        }
    }

    final FakeWork work = new FakeWork(new RetryPolicy(3, Duration.ofSeconds(10), 4));

    MediaJob<String> job(FakeWork fake) {
        WorkFolders folders = new WorkFolders(root);
        MediaWorkers workers = new MediaWorkers(1);
        return new MediaJob<>(fake, (kind, subject, attempt, takenOver) -> {
            Path folder = folders.newRunFolder(kind.name() + "-" + subject + "-" + attempt);
            runFolders.add(folder);
            return new MediaRun(subject, attempt, folder, events::add, workers);
        }, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aSuccessfulAttemptBeginsPerformsAndLeavesNoFolder() throws Exception {
        work.step = run -> {
            Files.writeString(run.folder().resolve("mix.wav"), "RIFF");
            run.progress("TRANSCODING", 40);
            return run.heavy(Outcome::done);
        };

        job(work).attempt(SUBJECT, 1, () -> false);

        assertThat(work.moves).containsExactly("begin 1", "perform");
        assertThat(events).containsExactly(new Progress("TRANSCODING", 40));
        assertThat(runFolders).hasSize(1);
        assertThat(runFolders.get(0)).doesNotExist();
    }

    @Test
    void aRejectedInputEndsItsWorkWithoutRetry() throws Exception {
        work.step = run -> Outcome.rejected("The file is empty.");

        job(work).attempt(SUBJECT, 1, () -> false);

        assertThat(work.moves).containsExactly("begin 1", "perform", "rejected: The file is empty.");
        assertThat(runFolders.get(0)).doesNotExist();
    }

    @Test
    void aSubjectWithNothingLeftToDoGetsNoRun() throws Exception {
        work.finished = true;

        job(work).attempt(SUBJECT, 2, () -> false);

        assertThat(work.moves).isEmpty();
        assertThat(runFolders).isEmpty();
    }

    @Test
    void failuresAreRetriedWithGrowingWaitsThenGivenUpSayingWhy() throws Exception {
        MediaJob<String> job = job(work);
        work.step = run -> {
            Files.writeString(run.folder().resolve("partial.m4s"), "half");
            throw new IOException("ffmpeg failed (exit 1): Connection reset by peer");
        };
        List<MediaJob.AfterFailure> decisions = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            int current = attempt;
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> job.attempt(SUBJECT, current, () -> false));
            decisions.add(job.afterFailure(SUBJECT, attempt, new MediaJob.AttemptFailed(failure)));
        }

        assertThat(decisions).containsExactly(new MediaJob.RetryAt(NOW.plusSeconds(10)),
                new MediaJob.RetryAt(NOW.plusSeconds(40)), new MediaJob.GiveUp());
        assertThat(work.moves).containsExactly(
                "begin 1", "perform", "retrying after 1 at " + NOW.plusSeconds(10) + ": IOException: ffmpeg failed (exit 1): Connection reset by peer",
                "begin 2", "perform", "retrying after 2 at " + NOW.plusSeconds(40) + ": IOException: ffmpeg failed (exit 1): Connection reset by peer",
                "begin 3", "perform", "gave up after 3: IOException: ffmpeg failed (exit 1): Connection reset by peer");
        assertThat(runFolders).hasSize(3).allSatisfy(folder -> assertThat(folder).doesNotExist());
    }

    @Test
    void anAttemptWhoseInstanceDiedStartsOverAtOnceWhileAttemptsRemain() {
        MediaJob<String> job = job(work);

        assertThat(job.afterDeath(SUBJECT, 1)).isEqualTo(new MediaJob.RetryAt(NOW));
        assertThat(job.afterDeath(SUBJECT, 2)).isEqualTo(new MediaJob.RetryAt(NOW));
        assertThat(work.moves).as("the subject keeps its state; the next begin sees the interruption").isEmpty();

        assertThat(job.afterDeath(SUBJECT, 3)).as("work that kills its instance every time stops").isEqualTo(new MediaJob.GiveUp());
        assertThat(work.moves).containsExactly("gave up after 3: the server working on it stopped during attempt 3");
    }

    @Test
    void attemptsCountTheQueuesFailuresDeadExecutionsIncluded() {
        Execution fresh = new Execution(NOW, new TaskInstance<>("fake-work", SUBJECT.toString(), SUBJECT.toString()),
                true, "host#1", null, null, 0, NOW, 1);
        Execution thirdTry = new Execution(NOW, new TaskInstance<>("fake-work", SUBJECT.toString(), SUBJECT.toString()),
                true, "host#1", null, NOW, 2, NOW, 3);

        assertThat(MediaJob.attemptOf(fresh)).isEqualTo(1);
        assertThat(MediaJob.attemptOf(thirdTry)).isEqualTo(3);
        assertThat(job(work).task().getName()).isEqualTo("fake-work");
    }

    @Test
    void anAttemptTakenOverByAnotherInstanceIsAbandonedItsProgramKilledAndItsStateLeftAlone() throws Exception {
        List<MediaRun> runs = new ArrayList<>();
        WorkFolders folders = new WorkFolders(root);
        MediaJob<String> job = new MediaJob<>(work, (kind, subject, attempt, takenOver) -> {
            MediaRun run = new MediaRun(subject, attempt, folders.newRunFolder("run"), events::add, new MediaWorkers(1));
            runs.add(run);
            watch(run, takenOver);
            return run;
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        long[] takenOverAt = {Long.MAX_VALUE};
        work.step = run -> {
            takenOverAt[0] = System.nanoTime() + 300_000_000L;
            ExternalProcess.Result result = ExternalProcess.run(List.of("sleep", "300"), Map.of(), Duration.ofMinutes(10),
                    line -> { }, run.processes());
            throw new IOException("sleep ended with " + result.exitCode());
        };
        long started = System.nanoTime();

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> job.attempt(SUBJECT, 1, () -> System.nanoTime() > takenOverAt[0]));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the program did not run on").isLessThan(Duration.ofSeconds(10));
        assertThat(failure).isInstanceOf(MediaJob.Abandoned.class);
        assertThat(job.afterFailure(SUBJECT, 1, failure)).isEqualTo(new MediaJob.LeaveAlone());
        assertThat(work.moves).containsExactly("begin 1", "perform");
        assertThat(runs.get(0).folder()).doesNotExist();
        assertThat(runs.get(0).processes().running()).isZero();
    }

    @Test
    void theReasonIsTheRootCause() {
        assertThat(MediaJob.reasonOf(new MediaJob.AttemptFailed(new IllegalStateException(new IOException("disk full")))))
                .isEqualTo("IOException: disk full");
        assertThat(MediaJob.reasonOf(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(MediaJob.reasonOf(null)).isEqualTo("unknown failure");
    }

    @Test
    void aRunsFolderGoesEvenWhenItsContentsAreBusy() throws Exception {
        WorkFolders folders = new WorkFolders(root);
        MediaRun run = new MediaRun(SUBJECT, 1, folders.newRunFolder("run"), events::add, new MediaWorkers(1));
        Files.createDirectories(run.folder().resolve("out/hls"));
        try (var open = Files.newOutputStream(run.folder().resolve("out/hls/segment_00000.m4s"))) {
            open.write(1);
            run.close();
        }
        assertThat(run.folder()).doesNotExist();
        assertThatThrownBy(() -> ExternalProcess.run(List.of("true"), Map.of(), Duration.ofSeconds(5), line -> { },
                run.processes())).as("a closed run starts nothing").isInstanceOf(IOException.class);
    }

    /** What {@code MediaJobs} does every few seconds, sped up. */
    private static void watch(MediaRun run, BooleanSupplier takenOver) {
        Thread watcher = new Thread(() -> {
            while (!run.isClosed()) {
                if (takenOver.getAsBoolean()) {
                    run.abandon("another instance took the job over");
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
    }
}
