package com.soundhub.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        boolean scheduled = client.scheduleIfNotExists(instance, when);
        if (scheduled && !when.isAfter(Instant.now())) {
            wakeWorkersOnCommit();
        }
        return scheduled;
    }

    /** Runs the job now, or moves it to now when it already waits. */
    public <T> void runNow(TaskInstance<T> instance) {
        if (!client.scheduleIfNotExists(instance, Instant.now())) {
            client.reschedule(instance, Instant.now());
        }
        wakeWorkersOnCommit();
    }

    /**
     * Tells every instance, when the current transaction commits, that a job is due, so that one of
     * them starts it at once instead of at its next poll.
     */
    private void wakeWorkersOnCommit() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
            notify.setString(1, ProgressHub.JOBS_CHANNEL);
            notify.execute();
        } catch (SQLException e) {
            // The job still starts at the next poll.
        }
    }

    /** A job that waits moves to now. */
    public void moveToNow(TaskInstanceId instance) {
        client.reschedule(instance, Instant.now());
        wakeWorkersOnCommit();
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
