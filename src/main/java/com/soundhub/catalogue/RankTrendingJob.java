package com.soundhub.catalogue;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.soundhub.jobs.JobDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every five minutes (by default), on one instance: rank what is trending. */
@ApplicationScoped
public class RankTrendingJob implements JobDefinition {

    @Inject
    Instance<TrendingRanking> trending;

    @Inject
    @ConfigProperty(name = "soundhub.trending.refresh-seconds", defaultValue = "300")
    int everySeconds;

    @Override
    public Task<?> task() {
        return Tasks.recurring("rank-trending", FixedDelay.of(Duration.ofSeconds(everySeconds)))
                .execute((instance, context) -> trending.get().refresh());
    }
}
