package com.soundhub.storage;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.soundhub.jobs.JobDefinition;
import com.soundhub.jobs.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes every stored object under a prefix, as a job: scheduled in the same transaction that
 * deletes the row owning them, retried until S3 agrees, so no object outlives its owner.
 */
@ApplicationScoped
public class PurgeObjectsJob implements JobDefinition {

    static final String NAME = "purge-objects";
    private static final Logger log = LoggerFactory.getLogger(PurgeObjectsJob.class);

    @Inject
    ObjectStorage storage;

    @Inject
    Jobs jobs;

    private final Task<String> task = Tasks.oneTime(NAME, String.class)
            .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30), 2.0))
            .execute((instance, context) -> {
                int deleted = storage.deleteAllUnder(instance.getData());
                log.info("Deleted {} stored objects under {}", deleted, instance.getData());
            });

    @Override
    public Task<?> task() {
        return task;
    }

    /** Schedules the deletion of everything under {@code prefix}, within the caller's transaction. */
    public void purge(String prefix) {
        if (prefix == null || prefix.isBlank() || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("A purge needs a folder-like prefix, not '" + prefix + "'");
        }
        jobs.scheduleIfAbsent(task.instance(prefix, prefix), Instant.now());
    }
}
