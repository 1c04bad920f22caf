package com.soundhub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Paths inside a project: relative, separated by {@code /} on every system, never leaving the
 * folder and never reaching into the client's own {@code .soundhub/} folder.
 */
final class ProjectPaths {

    /** The client's own folder in a checkout; never scanned, never written from a zip. */
    static final String STATE_FOLDER = ".soundhub";
    /** Prefix of the temporary files written next to their target before they are moved into place. */
    static final String TEMP_PREFIX = ".soundhub-part-";

    private ProjectPaths() {
    }

    /** The project path of {@code file} under {@code root}, with {@code /} as the separator. */
    static String of(Path root, Path file) {
        Path relative = root.relativize(file);
        StringBuilder path = new StringBuilder();
        for (Path name : relative) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(name.toString());
        }
        return path.toString();
    }

    /**
     * Checks a path the site sent (a zip entry, a removed path) and gives it in its normal form;
     * refuses absolute paths, drive letters, {@code ..}, empty or {@code .} segments and the
     * client's own folder.
     */
    static String checked(String path) {
        if (path == null || path.isEmpty()) {
            throw new CliException("The site sent an empty file path");
        }
        String normal = path.replace('\\', '/');
        if (normal.startsWith("/") || normal.matches("^[A-Za-z]:.*") || normal.indexOf('\0') >= 0) {
            throw new CliException("The site sent a path outside the project folder: " + path);
        }
        for (String segment : normal.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new CliException("The site sent a path outside the project folder: " + path);
            }
        }
        String first = normal.split("/", 2)[0].toLowerCase(Locale.ROOT);
        if (first.equals(STATE_FOLDER)) {
            throw new CliException("The site sent a path inside the client's own folder: " + path);
        }
        return normal;
    }

    /** Where a checked project path lives under {@code root}. */
    static Path resolve(Path root, String path) {
        Path target = root;
        for (String segment : checked(path).split("/")) {
            target = target.resolve(segment);
        }
        Path normal = target.normalize();
        if (!normal.startsWith(root.normalize()) || normal.equals(root.normalize())) {
            throw new CliException("The site sent a path outside the project folder: " + path);
        }
        return normal;
    }

    /**
     * Creates the folders {@code target} lives in and makes sure that, symbolic links followed,
     * they are still inside {@code root}.
     */
    static void prepareParent(Path root, Path target) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (!parent.toRealPath().startsWith(root.toRealPath())) {
            throw new CliException("Not writing " + of(root, target) + ": its folder leads outside the project folder");
        }
    }
}
