package com.soundhub.projects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Limits and timings of pushes, from configuration. */
@ApplicationScoped
public class PushSettings {

    /** Files above this size go as multipart uploads. */
    static final long MULTIPART_ABOVE = 64L * 1024 * 1024;
    /** A multipart upload's part size: four content-hash blocks. */
    static final long PART_SIZE = 16L * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "soundhub.projects.quota-megabytes", defaultValue = "20480")
    long quotaMegabytes;

    @Inject
    @ConfigProperty(name = "soundhub.projects.max-file-megabytes", defaultValue = "5120")
    long maxFileMegabytes;

    @Inject
    @ConfigProperty(name = "soundhub.projects.push-hours", defaultValue = "24")
    long pushHours;

    @Inject
    @ConfigProperty(name = "soundhub.projects.unreferenced-grace-minutes", defaultValue = "1440")
    long graceMinutes;

    public long quotaBytes() {
        return quotaMegabytes * 1024 * 1024;
    }

    public long maxFileBytes() {
        return maxFileMegabytes * 1024 * 1024;
    }

    public java.time.Duration pushLifetime() {
        return java.time.Duration.ofHours(pushHours);
    }

    public java.time.Duration unreferencedGrace() {
        return java.time.Duration.ofMinutes(graceMinutes);
    }
}
