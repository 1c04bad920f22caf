package com.soundhub.site;

import java.util.Optional;

import com.soundhub.platform.rules.RuleViolation;

/**
 * The settings in force. A limit left empty is the one the environment configures (or its
 * default); the announcement, when there is one, is shown at the top of every page.
 */
public record SiteSettings(boolean signUpsOpen, Integer uploadMaxMegabytes, Integer uploadMaxMinutes,
                           Integer generationsUnfinishedMax, Integer generationsPerDay, String announcement) {

    public static final SiteSettings AS_CONFIGURED = new SiteSettings(true, null, null, null, null, null);

    /**
     * Refuses values out of range, naming the field. Checked here rather than with Bean Validation
     * on the record's components: Payara's OpenAPI scan fails on constraints there.
     */
    public SiteSettings {
        within("uploadMaxMegabytes", uploadMaxMegabytes, 1, 10240, "An upload limit is 1 to 10240 MB.");
        within("uploadMaxMinutes", uploadMaxMinutes, 1, 600, "Allow 1 to at most 600 minutes.");
        within("generationsUnfinishedMax", generationsUnfinishedMax, 0, 100, "From 0 to at most 100.");
        within("generationsPerDay", generationsPerDay, 0, 10000, "From 0 to at most 10000.");
        if (announcement != null && announcement.strip().length() > 280) {
            throw new RuleViolation("announcement", "An announcement is at most 280 characters.");
        }
    }

    private static void within(String field, Integer value, int min, int max, String message) {
        if (value != null && (value < min || value > max)) {
            throw new RuleViolation(field, message);
        }
    }

    public Optional<String> announcementText() {
        return announcement == null || announcement.isBlank() ? Optional.empty() : Optional.of(announcement.strip());
    }
}
