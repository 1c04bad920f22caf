package com.soundhub.uploads;

import java.time.Duration;

import com.soundhub.jobs.media.RetryPolicy;
import com.soundhub.site.SiteSettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Upload limits ({@code soundhub.uploads.*}); an admin's site settings override the largest size and length. */
@ApplicationScoped
public class UploadSettings {

    @Inject
    SiteSettingsService site;

    @Inject
    @ConfigProperty(name = "soundhub.uploads.max-megabytes", defaultValue = "200")
    long maxMegabytes;

    @Inject
    @ConfigProperty(name = "soundhub.uploads.max-minutes", defaultValue = "20")
    int maxMinutes;

    @Inject
    @ConfigProperty(name = "soundhub.uploads.slot-minutes", defaultValue = "60")
    int slotMinutes;

    @Inject
    @ConfigProperty(name = "soundhub.uploads.max-waiting", defaultValue = "5")
    int maxWaiting;

    @Inject
    @ConfigProperty(name = "soundhub.uploads.megabytes-per-day", defaultValue = "2048")
    long megabytesPerDay;

    @Inject
    @ConfigProperty(name = "soundhub.uploads.quota-megabytes", defaultValue = "10240")
    long quotaMegabytes;

    @Inject
    @ConfigProperty(name = "soundhub.uploads.max-attempts", defaultValue = "4")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "soundhub.uploads.retry-seconds", defaultValue = "10")
    int retrySeconds;

    public long maxBytes() {
        return maxMegabytes() * 1024 * 1024;
    }

    public long maxMegabytes() {
        Integer chosen = site.current().uploadMaxMegabytes();
        return chosen != null ? chosen : maxMegabytes;
    }

    public double maxSeconds() {
        return maxMinutes() * 60.0;
    }

    public int maxMinutes() {
        Integer chosen = site.current().uploadMaxMinutes();
        return chosen != null ? chosen : maxMinutes;
    }

    /** How long the presigned upload URL works; an upload not confirmed by then expires. */
    public Duration slotLifetime() {
        return Duration.ofMinutes(slotMinutes);
    }

    /** What one member may have going at once, send in a day and keep; see {@link UploadLimits}. */
    public UploadLimits limits() {
        return new UploadLimits(maxBytes(), maxWaiting, megabytesPerDay * 1024 * 1024, quotaMegabytes * 1024 * 1024);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@code max-attempts} attempts, waiting {@code retry-seconds}, then four times longer each time: 10 s, 40 s, 160 s ... */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, Duration.ofSeconds(retrySeconds), 4);
    }
}
