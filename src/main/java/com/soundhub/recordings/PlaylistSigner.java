package com.soundhub.recordings;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a stored HLS playlist for one listener: every segment (and the init segment) becomes a
 * short-lived signed URL, so the playlist works for whoever was allowed to fetch it, for a while.
 */
public final class PlaylistSigner {

    private static final Pattern MAP_URI = Pattern.compile("URI=\"([^\"]+)\"");

    private PlaylistSigner() {
    }

    /** @param sign turns a segment name from the playlist into the URL to fetch it from */
    public static String sign(String playlist, UnaryOperator<String> sign) {
        StringBuilder out = new StringBuilder(playlist.length() * 4);
        for (String line : playlist.split("\r?\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("#EXT-X-MAP:")) {
                Matcher matcher = MAP_URI.matcher(trimmed);
                out.append(matcher.find()
                        ? trimmed.substring(0, matcher.start(1)) + sign.apply(matcher.group(1)) + trimmed.substring(matcher.end(1))
                        : trimmed);
            } else if (trimmed.startsWith("#")) {
                out.append(trimmed);
            } else {
                out.append(sign.apply(trimmed));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
