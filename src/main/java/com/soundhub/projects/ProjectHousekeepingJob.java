package com.soundhub.projects;

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
 * Every few minutes: pushes abandoned past their expiry (or committed a while ago) lose what they
 * uploaded, and contents nothing has referred to for the grace period are deleted.
 */
@ApplicationScoped
public class ProjectHousekeepingJob implements JobDefinition {

    private static final Logger log = LoggerFactory.getLogger(ProjectHousekeepingJob.class);

    @Inject
    ProjectHousekeeping housekeeping;

    @Inject
    @ConfigProperty(name = "soundhub.projects.housekeeping-seconds", defaultValue = "300")
    int everySeconds;

    @Override
    public Task<?> task() {
        return Tasks.recurring("project-housekeeping", FixedDelay.of(Duration.ofSeconds(everySeconds)))
                .execute((instance, context) -> {
                    int pushes = housekeeping.clearFinishedPushes(200);
                    int contents = housekeeping.deleteUnreferencedContents(500);
                    if (pushes + contents > 0) {
                        log.info("Project housekeeping: {} finished pushes cleared, {} unreferenced contents deleted", pushes, contents);
                    }
                });
    }
}
