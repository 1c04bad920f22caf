package com.soundhub.uploads;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.soundhub.jobs.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every minute: uploads whose file never arrived in time expire, and stray objects are deleted. */
@ApplicationScoped
public class ExpireUploadsJob implements JobDefinition {

    private static final Logger log = LoggerFactory.getLogger(ExpireUploadsJob.class);

    @Inject
    Instance<UploadService> uploads;

    private final Task<Void> task = Tasks.recurring("expire-uploads", FixedDelay.of(Duration.ofMinutes(1)))
            .execute((instance, context) -> {
                int expired = uploads.get().expireAbandoned(500);
                if (expired > 0) {
                    log.info("{} uploads expired without their file", expired);
                }
            });

    @Override
    public Task<?> task() {
        return task;
    }
}
