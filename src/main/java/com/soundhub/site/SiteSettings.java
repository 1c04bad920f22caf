package com.soundhub.site;

import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The settings in force. A limit left empty is the one the environment configures (or its
 * default); the announcement, when there is one, is shown at the top of every page.
 */
public record SiteSettings(
        boolean signUpsOpen,
        @Min(value = 1, message = "An upload limit is at least 1 MB.")
        @Max(value = 10240, message = "An upload limit is at most 10240 MB.") Integer uploadMaxMegabytes,
        @Min(value = 1, message = "Allow at least a minute.")
        @Max(value = 600, message = "Allow at most 600 minutes.") Integer uploadMaxMinutes,
        @Min(value = 0, message = "Zero or more.")
        @Max(value = 100, message = "At most 100.") Integer generationsUnfinishedMax,
        @Min(value = 0, message = "Zero or more.")
        @Max(value = 10000, message = "At most 10000.") Integer generationsPerDay,
        @Size(max = 280, message = "An announcement is at most 280 characters.") String announcement) {

    public static final SiteSettings AS_CONFIGURED = new SiteSettings(true, null, null, null, null, null);

    public Optional<String> announcementText() {
        return announcement == null || announcement.isBlank() ? Optional.empty() : Optional.of(announcement.strip());
    }
}
