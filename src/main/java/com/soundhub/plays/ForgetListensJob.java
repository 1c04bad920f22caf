package com.soundhub.plays;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.soundhub.jobs.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Every ten minutes: listens older than the half hour that makes a new play are forgotten. */
@ApplicationScoped
public class ForgetListensJob implements JobDefinition {

    @Inject
    Instance<PlayCounter> plays;

    @Override
    public Task<?> task() {
        return Tasks.recurring("forget-listens", FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> plays.get().forgetOldListens());
    }
}
