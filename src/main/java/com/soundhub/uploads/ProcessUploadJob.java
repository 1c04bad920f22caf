package com.soundhub.uploads;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.Task;
import com.soundhub.jobs.JobDefinition;
import com.soundhub.jobs.media.MediaJobs;
import com.soundhub.jobs.media.MediaRun;
import com.soundhub.jobs.media.MediaWork;
import com.soundhub.jobs.media.Outcome;
import com.soundhub.jobs.media.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Processing an upload as media work: each attempt runs the {@link UploadPipeline}; the upload's
 * state follows what the media job decides. A failure is retried with growing waits
 * ({@code soundhub.uploads.retry-seconds}, then four times longer each time) until
 * {@code soundhub.uploads.max-attempts} attempts have failed; then the upload is dead.
 */
@ApplicationScoped
public class ProcessUploadJob implements MediaWork<UploadService.Work>, JobDefinition {

    @Inject
    UploadService uploads;

    @Inject
    UploadPipeline pipeline;

    @Inject
    UploadSettings settings;

    @Inject
    MediaJobs mediaJobs;

    @Override
    public Task<?> task() {
        return mediaJobs.task(this);
    }

    @Override
    public String name() {
        return UploadService.PROCESSING;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return settings.retryPolicy();
    }

    @Override
    public String topic(UUID upload) {
        return UploadService.topic(upload);
    }

    @Override
    public Optional<UploadService.Work> begin(UUID upload, int attempt) {
        return uploads.beginProcessing(upload, attempt);
    }

    @Override
    public Outcome perform(UploadService.Work work, MediaRun run) throws Exception {
        return pipeline.process(work, run);
    }

    @Override
    public void rejected(UUID upload, String reason) {
        uploads.rejected(upload, reason);
    }

    @Override
    public void retrying(UUID upload, int attempt, String reason, Instant nextAttempt) {
        uploads.retrying(upload, reason, nextAttempt);
    }

    @Override
    public void gaveUp(UUID upload, int attempts, String reason) {
        uploads.gaveUp(upload, attempts, reason);
    }
}
