package com.soundhub.platform.metrics;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.ToDoubleFunction;

import javax.sql.DataSource;

import com.soundhub.platform.database.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the work queue and the pipeline, read from PostgreSQL, so every instance reports the
 * same numbers whichever of them runs the work. One query serves all of them and its answer is
 * kept a few seconds, so frequent scrapes of several instances cost the database next to nothing.
 */
@ApplicationScoped
public class OperationsMetrics {

    private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

    /** Uploads in a processing state that have not changed for this long are stuck. */
    static final int STUCK_AFTER_MINUTES = 15;
    /** A job that has failed this many times in a row is as good as dead. */
    static final int DEAD_AFTER_FAILURES = 3;
    private static final long KEEP_NANOS = 5_000_000_000L;

    private static final String QUERY = """
            SELECT
              (SELECT count(*) FROM scheduled_tasks WHERE NOT picked AND execution_time <= now()) AS jobs_due,
              (SELECT count(*) FROM scheduled_tasks WHERE picked) AS jobs_running,
              (SELECT coalesce(extract(epoch FROM now() - min(execution_time)), 0)
                 FROM scheduled_tasks WHERE NOT picked AND execution_time <= now()) AS oldest_due_seconds,
              (SELECT count(*) FROM scheduled_tasks WHERE consecutive_failures >= %d) AS jobs_failing,
              (SELECT count(*) FROM uploads WHERE state = 'DEAD') AS uploads_dead,
              (SELECT count(*) FROM uploads WHERE state IN ('UPLOADED', 'PROBING', 'TRANSCODING', 'FAILED_RETRYING')
                  AND updated_at < now() - interval '%d minutes') AS uploads_stuck
            """.formatted(DEAD_AFTER_FAILURES, STUCK_AFTER_MINUTES);

    record Reading(double jobsDue, double jobsRunning, double oldestDueSeconds, double jobsFailing,
                   double uploadsDead, double uploadsStuck, long readAt) {
        static final Reading NONE = new Reading(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    @Inject
    MetricRegistry registry;

    @Resource(lookup = DataSources.DIRECT)
    DataSource dataSource;

    private volatile Reading reading = Reading.NONE;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge("soundhub.jobs.due", "Jobs whose time has come and that no instance has taken yet", MetricUnits.NONE,
                Reading::jobsDue);
        gauge("soundhub.jobs.running", "Jobs an instance is running now", MetricUnits.NONE, Reading::jobsRunning);
        gauge("soundhub.jobs.oldest.due", "How long the longest-waiting due job has waited", MetricUnits.SECONDS,
                Reading::oldestDueSeconds);
        gauge("soundhub.jobs.failing", "Jobs that failed " + DEAD_AFTER_FAILURES + " or more times in a row",
                MetricUnits.NONE, Reading::jobsFailing);
        gauge("soundhub.uploads.dead", "Uploads given up after their last attempt", MetricUnits.NONE,
                Reading::uploadsDead);
        gauge("soundhub.uploads.stuck", "Uploads in processing whose state has not changed for "
                + STUCK_AFTER_MINUTES + " minutes", MetricUnits.NONE, Reading::uploadsStuck);
        File work = new File(System.getProperty("java.io.tmpdir"));
        registry.gauge(Metadata.builder().withName("soundhub.disk.free")
                .withDescription("Free space where media work writes its files").withUnit(MetricUnits.BYTES).build(),
                work, File::getUsableSpace);
        registry.gauge(Metadata.builder().withName("soundhub.disk.size")
                .withDescription("Size of the disk media work writes to").withUnit(MetricUnits.BYTES).build(),
                work, File::getTotalSpace);
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<Reading> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(),
                this, metrics -> value.applyAsDouble(metrics.current()));
    }

    Reading current() {
        Reading last = reading;
        if (System.nanoTime() - last.readAt() < KEEP_NANOS && last != Reading.NONE) {
            return last;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet row = statement.executeQuery(QUERY)) {
                row.next();
                last = new Reading(row.getDouble("jobs_due"), row.getDouble("jobs_running"),
                        row.getDouble("oldest_due_seconds"), row.getDouble("jobs_failing"),
                        row.getDouble("uploads_dead"), row.getDouble("uploads_stuck"), System.nanoTime());
            }
        } catch (SQLException | RuntimeException e) {
            // A scrape while the database is away reports "unknown" rather than failing the whole page.
            log.warn("Could not read the operations metrics: {}", e.toString());
            last = Reading.NONE;
        }
        reading = last;
        return last;
    }
}
