package com.soundhub.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a normal start-up must not log: stack traces (plain or in JSON lines) and certificate dumps. */
public final class StartupLogs {

    private static final List<Pattern> NOISE = List.of(
            Pattern.compile("^\\s+at [\\w$.<>/]+\\(.*\\)\\s*$"),
            Pattern.compile("^\\s*Caused by: "),
            Pattern.compile("\"throwable\"\\s*:\\s*\\{"),
            Pattern.compile("\"stepArray\"\\s*:"),
            Pattern.compile("(?i)certificate has expired"),
            Pattern.compile("Validity: \\[From:"));

    private StartupLogs() {
    }

    /** The lines of {@code log} that a normal start should not have written, with a few lines around the first. */
    public static List<String> noise(String log) {
        List<String> found = new ArrayList<>();
        String[] lines = log.split("\\R");
        for (String line : lines) {
            if (NOISE.stream().anyMatch(pattern -> pattern.matcher(line).find())) {
                found.add(line.length() > 300 ? line.substring(0, 300) + " ..." : line);
            }
        }
        return found;
    }
}
