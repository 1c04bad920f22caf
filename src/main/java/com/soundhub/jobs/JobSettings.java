package com.soundhub.jobs;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tuning of the job queue ({@code soundhub.jobs.*}). */
@ApplicationScoped
public class JobSettings {

    @Inject
    @ConfigProperty(name = "soundhub.jobs.media-workers", defaultValue = "0")
    int mediaWorkers;

    @Inject
    @ConfigProperty(name = "soundhub.jobs.poll-millis", defaultValue = "500")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "soundhub.jobs.heartbeat-seconds", defaultValue = "5")
    long heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "soundhub.jobs.missed-heartbeats", defaultValue = "4")
    int missedHeartbeats;

    @Inject
    @ConfigProperty(name = "soundhub.jobs.enabled", defaultValue = "true")
    boolean enabled;

    /** Concurrent media jobs per instance; by default one per core, so encodes never starve requests. */
    public int mediaWorkers() {
        return mediaWorkers > 0 ? mediaWorkers : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Threads that run jobs: the media workers plus two for light work that must not wait behind encodes. */
    public int threads() {
        return mediaWorkers() + 2;
    }

    public Duration pollingInterval() {
        return Duration.ofMillis(pollMillis);
    }

    /**
     * A job whose instance stops sending heartbeats for this long is taken over by another (or the
     * restarted) instance.
     */
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(heartbeatSeconds);
    }

    public int missedHeartbeatsLimit() {
        return missedHeartbeats;
    }

    /** Whether this instance runs jobs at all (it always accepts them). */
    public boolean enabled() {
        return enabled;
    }
}
