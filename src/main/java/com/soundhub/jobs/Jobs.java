package com.soundhub.jobs;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.TaskSummary;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.soundhub.platform.database.DataSources;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Schedules jobs. The client writes through the JTA data source, so a job scheduled inside a
 * service's transaction exists exactly when that transaction commits: no state change without its
 * job, no job for a change that was rolled back.
 */
@ApplicationScoped
public class Jobs {

    @Resource(lookup = DataSources.TRANSACTIONAL)
    DataSource dataSource;

    private SchedulerClient client;

    @PostConstruct
    void init() {
        client = SchedulerClient.Builder.create(dataSource)
                .serializer(new JobDataSerializer())
                .build();
    }

    /** Schedules the job unless one with the same instance id is already waiting or running. */
    public <T> boolean scheduleIfAbsent(TaskInstance<T> instance, Instant when) {
        return client.scheduleIfNotExists(instance, when);
    }

    /** Runs the job now, or moves it to now when it already waits. */
    public <T> void runNow(TaskInstance<T> instance) {
        if (!client.scheduleIfNotExists(instance, Instant.now())) {
            client.reschedule(instance, Instant.now());
        }
    }

    public void cancel(TaskInstanceId instance) {
        if (client.getScheduledExecution(instance).isPresent()) {
            client.cancel(instance);
        }
    }

    public boolean isScheduled(TaskInstanceId instance) {
        return client.getScheduledExecution(instance).isPresent();
    }

    /** Per kind of job: how many wait or run, for the back office and metrics. */
    public List<TaskSummary> summary() {
        return client.getScheduledExecutionsSummaryByTask();
    }
}
