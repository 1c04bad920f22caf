package com.soundhub.uploads;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.soundhub.jobs.JobDefinition;
import com.soundhub.jobs.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable job that turns an uploaded file into a playable recording. Its instance id is the
 * upload's id, so an upload is never queued twice. If the instance running it dies, another one
 * takes it over after the missed heartbeats; a failure is retried with growing waits until the
 * upload runs out of attempts.
 */
@ApplicationScoped
public class ProcessUploadJob implements JobDefinition {

    static final String NAME = "process-upload";
    private static final Logger log = LoggerFactory.getLogger(ProcessUploadJob.class);

    @Inject
    Instance<UploadPipeline> pipeline;

    @Inject
    Instance<UploadService> uploads;

    @Inject
    Jobs jobs;

    private final OneTimeTask<String> task = Tasks.oneTime(NAME, String.class)
            .onFailure(this::onFailure)
            .execute((instance, context) -> {
                try {
                    pipeline.get().process(UUID.fromString(instance.getData()));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new ProcessingFailed(e);
                }
            });

    /** A checked failure of the pipeline, carried to the failure handler. */
    static final class ProcessingFailed extends RuntimeException {
        ProcessingFailed(Throwable cause) {
            super(cause);
        }
    }

    @Override
    public Task<?> task() {
        return task;
    }

    /** Queues processing within the caller's transaction. */
    void scheduleNow(UUID uploadId) {
        jobs.runNow(task.instance(uploadId.toString(), uploadId.toString()));
    }

    private void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
        String data = (String) complete.getExecution().taskInstance.getData();
        String reason = complete.getCause().map(ProcessUploadJob::describe).orElse("unknown failure");
        log.warn("Processing upload {} failed: {}", data, reason, complete.getCause().orElse(null));
        Optional<Instant> retryAt = uploads.get().failed(UUID.fromString(data), reason);
        if (retryAt.isPresent()) {
            operations.reschedule(complete, retryAt.get());
        } else {
            operations.stop();
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
