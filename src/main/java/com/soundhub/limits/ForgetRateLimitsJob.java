package com.soundhub.limits;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.soundhub.jobs.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Hourly: rate-limit windows older than a day are deleted. */
@ApplicationScoped
public class ForgetRateLimitsJob implements JobDefinition {

    @Inject
    Instance<RateLimiter> limiter;

    @Override
    public Task<?> task() {
        return Tasks.recurring("forget-rate-limits", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> limiter.get().forgetOldWindows());
    }
}
