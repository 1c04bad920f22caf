package com.soundhub.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings SoundHub cannot start without. Checked once at start-up so that a production start
 * with a missing setting stops with a message naming it, instead of failing later on first use.
 */
public final class RequiredSettings {

    /** Setting key and how an operator would provide it. */
    public record Setting(String key, String hint) {
    }

    public static final List<Setting> ALL = List.of(
            new Setting("soundhub.db.url", "SOUNDHUB_DB_URL (a JDBC URL) or the RDS_HOSTNAME/RDS_PORT/RDS_DB_NAME variables"),
            new Setting("soundhub.db.user", "SOUNDHUB_DB_USER or RDS_USERNAME"),
            new Setting("soundhub.db.password", "SOUNDHUB_DB_PASSWORD or RDS_PASSWORD"),
            new Setting("soundhub.s3.bucket", "SOUNDHUB_S3_BUCKET"));

    private RequiredSettings() {
    }

    /** Returns the required settings that {@code lookup} has no non-blank value for. */
    public static List<Setting> missing(Function<String, Optional<String>> lookup) {
        List<Setting> missing = new ArrayList<>();
        for (Setting setting : ALL) {
            Optional<String> value = lookup.apply(setting.key());
            if (value.isEmpty() || value.get().isBlank()) {
                missing.add(setting);
            }
        }
        return missing;
    }

    /** A message an operator can act on, naming every missing setting. */
    public static String describe(List<Setting> missing) {
        StringBuilder message = new StringBuilder("SoundHub cannot start: missing required setting");
        message.append(missing.size() == 1 ? " " : "s ");
        for (int i = 0; i < missing.size(); i++) {
            Setting setting = missing.get(i);
            if (i > 0) {
                message.append("; ");
            }
            message.append(setting.key()).append(" (set ").append(setting.hint()).append(')');
        }
        return message.toString();
    }
}
