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

    /** A job in the queue as the back office lists it. */
    public record QueuedJob(String kind, String instance, Instant due, boolean running, String runningOn, int failures,
                            Instant lastFailure, Instant lastSuccess) {

        /** Failed so many times in a row that it is as good as dead. */
        public boolean dead() {
            return failures >= JobGauges.DEAD_AFTER_FAILURES;
        }
    }

    /**
     * Jobs of {@code kind} (any when empty) in the given state ("dead", "running", "due", "waiting",
     * any when empty), the most failed first, then by when they are due.
     */
    public List<QueuedJob> list(String kind, String state, int limit) {
        String where = switch (state == null ? "" : state) {
            case "dead" -> "consecutive_failures >= " + JobGauges.DEAD_AFTER_FAILURES;
            case "running" -> "picked";
            case "due" -> "NOT picked AND execution_time <= now()";
            case "waiting" -> "NOT picked AND execution_time > now()";
            default -> "TRUE";
        };
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT task_name, task_instance, execution_time, picked, picked_by, "
                     + "consecutive_failures, last_failure, last_success FROM scheduled_tasks WHERE " + where
                     + " AND (? = '' OR task_name = ?) ORDER BY consecutive_failures DESC, execution_time LIMIT ?")) {
            String name = kind == null ? "" : kind;
            select.setString(1, name);
            select.setString(2, name);
            select.setInt(3, limit);
            List<QueuedJob> jobs = new java.util.ArrayList<>();
            try (java.sql.ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    jobs.add(new QueuedJob(rows.getString(1), rows.getString(2), instant(rows.getTimestamp(3)), rows.getBoolean(4),
                            rows.getString(5), rows.getInt(6), instant(rows.getTimestamp(7)), instant(rows.getTimestamp(8))));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the job queue", e);
        }
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
