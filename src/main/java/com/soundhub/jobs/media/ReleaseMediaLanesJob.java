package com.soundhub.jobs.media;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.soundhub.jobs.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 30 seconds, on one instance: parked media work whose owner has a free lane becomes due.
 * Normally the end of a member's job releases their next one at once; this catches the release an
 * instance that died at that moment never made.
 */
@ApplicationScoped
public class ReleaseMediaLanesJob implements JobDefinition {

    private static final Logger log = LoggerFactory.getLogger(ReleaseMediaLanesJob.class);

    @Inject
    MediaLanes lanes;

    @Override
    public Task<?> task() {
        return Tasks.recurring("release-media-lanes", FixedDelay.of(Duration.ofSeconds(30)))
                .execute((instance, context) -> {
                    int released = lanes.releaseAll();
                    if (released > 0) {
                        log.info("Released {} parked media jobs whose members had a free lane", released);
                    }
                });
    }
}
