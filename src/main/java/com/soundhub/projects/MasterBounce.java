package com.soundhub.projects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.Task;
import com.soundhub.jobs.JobDefinition;
import com.soundhub.jobs.media.MediaJobs;
import com.soundhub.jobs.media.MediaRun;
import com.soundhub.jobs.media.MediaWork;
import com.soundhub.jobs.media.Outcome;
import com.soundhub.jobs.media.RetryPolicy;
import com.soundhub.media.ExternalProcess;
import com.soundhub.media.FfmpegProgress;
import com.soundhub.media.MediaTools;
import com.soundhub.projects.contents.ContentStore;
import com.soundhub.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bouncing a master as media work: ffmpeg reads each audible track's original straight from
 * storage and mixes them with the mix's settings ({@link MixdownCommand}) into a FLAC in the run's
 * folder, which is kept as a project content and analysed for listening like any pushed audio.
 * A failure of ffmpeg or storage is tried again; tracks that cannot be read end the master.
 */
@ApplicationScoped
public class MasterBounce implements MediaWork<MasterService.Work>, JobDefinition {

    /** The job's name in the queue; never changes. */
    public static final String NAME = "bounce-project-mix";
    static final String STATE = "MIXING";
    private static final Duration READ_LIFETIME = Duration.ofHours(3);

    @Inject
    MasterService masters;

    @Inject
    MediaJobs mediaJobs;

    @Inject
    ContentStore contents;

    @Inject
    ObjectStorage storage;

    @Inject
    MediaTools tools;

    @Override
    public Task<?> task() {
        return mediaJobs.task(this);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(3, Duration.ofSeconds(10), 4);
    }

    @Override
    public String topic(UUID subject) {
        return MasterService.topic(subject);
    }

    @Override
    public Optional<MasterService.Work> begin(UUID subject, int attempt) {
        return masters.begin(subject);
    }

    @Override
    public Outcome perform(MasterService.Work work, MediaRun run) throws Exception {
        if (work.tracks().isEmpty()) {
            return Outcome.rejected("No track of the mix can be heard: unmute one, or wait until its file is ready for listening.");
        }
        List<MixdownCommand.Input> inputs = work.tracks().stream().map(track -> new MixdownCommand.Input(
                storage.presignForServer(ContentStore.key(track.file().hash()), READ_LIFETIME).toString(), track.settings())).toList();
        double seconds = work.tracks().stream().mapToDouble(track -> track.settings().offsetMs() / 1000.0 + track.file().durationSeconds())
                .max().orElse(0);
        Path output = run.folder().resolve("master.flac");
        List<String> command = MixdownCommand.command(tools.ffmpeg(), inputs, output.toString());
        FfmpegProgress parser = new FfmpegProgress();
        int[] last = {-1};
        run.progress(STATE, 0);
        ExternalProcess.Result result = run.heavy(() -> ExternalProcess.run(command, tools.environment(),
                Duration.ofSeconds(Math.max(120, (long) (seconds * 2) + 60)), line -> parser.accept(line).ifPresent(done -> {
                    int percent = FfmpegProgress.percent(done, seconds);
                    if (percent != last[0]) {
                        last[0] = percent;
                        run.progress(STATE, percent);
                    }
                }), run.processes()));
        if (!result.succeeded() || !Files.exists(output) || Files.size(output) == 0) {
            throw new IOException("ffmpeg could not mix (exit " + result.exitCode() + "): "
                    + String.join(" ", result.stderrTail().subList(Math.max(0, result.stderrTail().size() - 3), result.stderrTail().size())));
        }
        String hash = contents.keepMadeAudio(output, work.owner());
        masters.done(work.id(), hash, (int) Math.round(parser.secondsWritten() * 1000));
        return Outcome.done();
    }

    @Override
    public void rejected(UUID subject, String reason) {
        masters.failed(subject, reason);
    }

    @Override
    public void retrying(UUID subject, int attempt, String reason, Instant nextAttempt) {
        masters.retrying(subject, "Mixing did not work on attempt " + attempt + "; trying again shortly.");
    }

    @Override
    public void gaveUp(UUID subject, int attempts, String reason) {
        masters.failed(subject, "SoundHub could not mix this revision. Try again later.");
    }
}
