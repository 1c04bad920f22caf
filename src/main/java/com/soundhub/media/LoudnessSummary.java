package com.soundhub.media;

import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the integrated loudness in the summary ffmpeg's {@code ebur128} filter prints at the end. */
public final class LoudnessSummary {

    private static final Pattern INTEGRATED = Pattern.compile("^\\s*I:\\s*(-?[0-9]+(?:\\.[0-9]+)?|-inf)\\s*LUFS");

    private LoudnessSummary() {
    }

    /** Integrated loudness in LUFS; empty when absent, or for silence (-inf). */
    public static OptionalDouble integratedLufs(List<String> stderr) {
        boolean inSummary = false;
        for (String line : stderr) {
            if (line.contains("Summary:")) {
                inSummary = true;
                continue;
            }
            if (inSummary) {
                Matcher matcher = INTEGRATED.matcher(line);
                if (matcher.find()) {
                    String value = matcher.group(1);
                    return "-inf".equals(value) ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(value));
                }
            }
        }
        return OptionalDouble.empty();
    }
}
