package com.soundhub.uploads;

import java.util.List;

import com.soundhub.platform.metrics.DatabaseGauges;
import com.soundhub.platform.metrics.DatabaseGauges.Gauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricUnits;

/** Uploads that need an operator: given up after their last attempt, or stuck in processing. */
@ApplicationScoped
public class UploadGauges {

    /** Uploads in a processing state that have not changed for this long are stuck. */
    static final int STUCK_AFTER_MINUTES = 15;

    @Inject
    DatabaseGauges gauges;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauges.register("""
                SELECT
                  (SELECT count(*) FROM uploads WHERE state = 'DEAD') AS uploads_dead,
                  (SELECT count(*) FROM uploads WHERE state IN ('UPLOADED', 'PROBING', 'TRANSCODING', 'FAILED_RETRYING')
                      AND updated_at < now() - interval '%d minutes') AS uploads_stuck
                """.formatted(STUCK_AFTER_MINUTES), List.of(
                new Gauge("soundhub.uploads.dead", "Uploads given up after their last attempt", MetricUnits.NONE,
                        "uploads_dead"),
                new Gauge("soundhub.uploads.stuck", "Uploads in processing whose state has not changed for "
                        + STUCK_AFTER_MINUTES + " minutes", MetricUnits.NONE, "uploads_stuck")));
    }
}
