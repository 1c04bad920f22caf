package com.soundhub.recordings;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.soundhub.platform.rules.RuleViolation;

/** Free tags as members type them ("lofi, Rainy day,  chill") and as they are stored ("lofi", "rainy day", "chill"). */
public final class Tags {

    public static final int MAX_TAGS = 10;
    public static final int MAX_LENGTH = 40;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} &'._+-]*");

    private Tags() {
    }

    /** Splits on commas, trims, lower-cases and removes repeats; refuses what cannot be a tag. */
    public static Set<String> parse(String typed, String field) {
        Set<String> tags = new LinkedHashSet<>();
        if (typed == null || typed.isBlank()) {
            return tags;
        }
        for (String part : typed.split(",")) {
            String tag = part.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (tag.startsWith("#")) {
                tag = tag.substring(1).trim();
            }
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > MAX_LENGTH) {
                throw new RuleViolation(field, "A tag can be at most " + MAX_LENGTH + " characters long: \""
                        + tag.substring(0, 20) + "...\"");
            }
            if (!ALLOWED.matcher(tag).matches()) {
                throw new RuleViolation(field, "Tags use letters, digits, spaces and - _ . & ' + only: \"" + tag + "\"");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new RuleViolation(field, "Use at most " + MAX_TAGS + " tags.");
        }
        return tags;
    }

    public static String format(Set<String> tags) {
        return String.join(", ", tags);
    }
}
