package com.soundhub.projects;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The rules for a file's path in a project. Paths are relative, written with {@code /}, and must
 * check out on every system a member may use: no {@code ..}, no backslashes or control characters,
 * and no two paths that macOS or Windows would take for one file (differing only by case or by
 * Unicode normalisation).
 */
public final class ProjectPaths {

    public static final int MAX_PATH_BYTES = 1024;
    public static final int MAX_SEGMENT_BYTES = 255;
    public static final int MAX_FILES = 10_000;

    private ProjectPaths() {
    }

    /** Why {@code path} cannot be a file's path, in words for the member; null when it can. */
    public static String problemWith(String path) {
        if (path == null || path.isEmpty()) {
            return "A file needs a path.";
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return "The path is longer than " + MAX_PATH_BYTES + " bytes.";
        }
        if (path.startsWith("/") || (path.length() > 1 && path.charAt(1) == ':')) {
            return "The path must be relative to the project, not absolute.";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                return "The path contains a backslash; separate folders with /.";
            }
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return "The path contains a control character.";
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "The path has an empty folder name (// or a / at its end).";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "The path may not contain . or .. as a folder.";
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                return "A name in the path is longer than " + MAX_SEGMENT_BYTES + " bytes.";
            }
        }
        return null;
    }

    /**
     * The key two paths share when they would be one file on a case-insensitive, normalising file
     * system (macOS, Windows).
     */
    public static String collisionKey(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
