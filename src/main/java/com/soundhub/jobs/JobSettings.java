package com.soundhub.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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
    @ConfigProperty(name = "soundhub.jobs.media-per-member", defaultValue = "1")
    int mediaPerMember;

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

    @Inject
    @ConfigProperty(name = "soundhub.jobs.work-dir")
    Optional<String> workDirectory;

    /** Concurrent media jobs per instance; by default one per core, so encodes never starve requests. */
    public int mediaWorkers() {
        return mediaWorkers > 0 ? mediaWorkers : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Media jobs of one kind that one member may have running or due at once, on all instances
     * together; the rest wait their turn. {@code 0}: no limit.
     */
    public int mediaPerMember() {
        return Math.max(0, mediaPerMember);
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

    /**
     * Where media work keeps its scratch folders: {@code soundhub.jobs.work-dir}, by default
     * {@code soundhub-work} in the system's temporary folder. Instances on one host may share it.
     */
    public Path workDirectory() {
        return workDirectory.filter(path -> !path.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "soundhub-work"));
    }
}
