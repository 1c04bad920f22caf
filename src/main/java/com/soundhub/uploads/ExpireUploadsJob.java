package com.soundhub.uploads;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.soundhub.jobs.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute (by default): uploads whose file never arrived in time expire, and whatever did
 * arrive is deleted; confirmed uploads whose slot has run out lose what a late PUT may have left
 * under their incoming key. The bucket's lifecycle rules are the second line of defence.
 */
@ApplicationScoped
public class ExpireUploadsJob implements JobDefinition {

    private static final Logger log = LoggerFactory.getLogger(ExpireUploadsJob.class);

    @Inject
    UploadService uploads;

    @Inject
    @ConfigProperty(name = "soundhub.uploads.expiry-check-seconds", defaultValue = "60")
    int everySeconds;

    @Override
    public Task<?> task() {
        return Tasks.recurring("expire-uploads", FixedDelay.of(Duration.ofSeconds(everySeconds)))
                .execute((instance, context) -> {
                    int expired = uploads.expireAbandoned(500);
                    if (expired > 0) {
                        log.info("{} uploads expired without their file", expired);
                    }
                    uploads.clearIncomingOfExpiredSlots(500);
                });
    }
}
