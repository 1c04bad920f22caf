package com.soundhub.jobs;

import java.util.List;

import com.soundhub.platform.metrics.DatabaseGauges;
import com.soundhub.platform.metrics.DatabaseGauges.Gauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricUnits;

/** The job queue as operators watch it: what waits, what runs, how long the oldest has waited, what keeps failing. */
@ApplicationScoped
public class JobGauges {

    /** A job that has failed this many times in a row is as good as dead. */
    static final int DEAD_AFTER_FAILURES = 3;

    @Inject
    DatabaseGauges gauges;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauges.register("""
                SELECT
                  (SELECT count(*) FROM scheduled_tasks WHERE NOT picked AND execution_time <= now()) AS jobs_due,
                  (SELECT count(*) FROM scheduled_tasks WHERE picked) AS jobs_running,
                  (SELECT coalesce(extract(epoch FROM now() - min(execution_time)), 0)
                     FROM scheduled_tasks WHERE NOT picked AND execution_time <= now()) AS oldest_due_seconds,
                  (SELECT count(*) FROM scheduled_tasks WHERE consecutive_failures >= %d) AS jobs_failing
                """.formatted(DEAD_AFTER_FAILURES), List.of(
                new Gauge("soundhub.jobs.due", "Jobs whose time has come and that no instance has taken yet",
                        MetricUnits.NONE, "jobs_due"),
                new Gauge("soundhub.jobs.running", "Jobs an instance is running now", MetricUnits.NONE, "jobs_running"),
                new Gauge("soundhub.jobs.oldest.due", "How long the longest-waiting due job has waited",
                        MetricUnits.SECONDS, "oldest_due_seconds"),
                new Gauge("soundhub.jobs.failing", "Jobs that failed " + DEAD_AFTER_FAILURES + " or more times in a row",
                        MetricUnits.NONE, "jobs_failing")));
    }
}
