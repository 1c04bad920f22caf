package com.soundhub.cli;

import com.soundhub.projects.contents.ContentHash;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Writes a revision's zip into a folder, one entry at a time in constant memory: each file to a
 * temporary file beside it, hashed on the way, then moved into place. A zip of changes is checked
 * whole against local edits before anything is written.
 */
final class ZipApply {

    /** The first entry of a zip of changes. */
    static final String CHANGES_ENTRY = ".soundhub-changes.json";

    /** What applying a zip did. */
    record Result(long to, int written, int alreadyThere, int removed, long bytes) {
    }

    private ZipApply() {
    }

    /** A whole revision into a folder that holds no checkout yet; every file is recorded in {@code state}. */
    static Result whole(InputStream zip, Path root, State state) throws IOException {
        Files.createDirectories(root);
        int written = 0;
        long bytes = 0;
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    ProjectPaths.checked(entry.getName().replaceAll("/+$", ""));
                    continue;
                }
                String path = ProjectPaths.checked(entry.getName());
                bytes += write(in, root, path, null, state);
                written++;
            }
        }
        return new Result(state.revision, written, 0, 0, bytes);
    }

    /**
     * A zip of changes ({@code ?since=}) onto a checkout. Its first entry lists the files it holds
     * and the paths removed; a file that differs from what {@code state} recorded and would be
     * overwritten or removed stops everything before anything is written, unless {@code force}.
     */
    static Result changes(InputStream zip, Path root, State state, boolean force) throws IOException {
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            ZipEntry first = in.getNextEntry();
            if (first == null || !first.getName().equals(CHANGES_ENTRY)) {
                throw new CliException("The site's zip of changes does not start with " + CHANGES_ENTRY);
            }
            JsonObject changes = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            long to = Json.requiredNumber(changes, "to");
            Map<String, String> incoming = new LinkedHashMap<>();
            for (JsonObject file : Json.objects(Json.array(changes, "files"))) {
                incoming.put(ProjectPaths.checked(Json.requiredString(file, "path")), Json.requiredString(file, "hash"));
            }
            Set<String> removed = new LinkedHashSet<>();
            for (String path : Json.strings(Json.array(changes, "removed"))) {
                removed.add(ProjectPaths.checked(path));
            }

            // Everything is checked before anything is written.
            Hashes hashes = new Hashes();
            Set<String> alreadyThere = new LinkedHashSet<>();
            List<String> conflicts = new ArrayList<>();
            for (Map.Entry<String, String> file : incoming.entrySet()) {
                LocalFile local = local(root, file.getKey());
                if (local == null) {
                    continue;
                }
                if (local.size() < 0) {
                    conflicts.add(file.getKey() + "  (a folder or link here, would be replaced)");
                } else if (hashes.of(local).equals(file.getValue())) {
                    alreadyThere.add(file.getKey());
                } else if (!state.unchanged(file.getKey(), local, hashes)) {
                    conflicts.add(file.getKey() + "  (" + (state.files.containsKey(file.getKey()) ? "changed here" : "not in the checkout")
                            + ", would be overwritten)");
                }
            }
            for (String path : removed) {
                LocalFile local = local(root, path);
                if (local != null && (local.size() < 0 || !state.unchanged(path, local, hashes))) {
                    conflicts.add(path + "  (changed here, would be removed)");
                }
            }
            for (String path : removed) {
                if (incoming.containsKey(path)) {
                    throw new CliException("The site's zip of changes both removes and holds " + path);
                }
            }
            if (!conflicts.isEmpty() && !force) {
                throw new CliException("Local changes would be lost; nothing was written. Push them, move them away, "
                        + "or check out with --force to overwrite them:", conflicts);
            }

            int written = 0;
            long bytes = 0;
            Set<String> seen = new LinkedHashSet<>();
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    ProjectPaths.checked(entry.getName().replaceAll("/+$", ""));
                    continue;
                }
                String path = ProjectPaths.checked(entry.getName());
                seen.add(path);
                if (alreadyThere.contains(path)) {
                    LocalFile local = local(root, path);
                    state.record(path, local.file(), incoming.get(path));
                    continue;
                }
                bytes += write(in, root, path, incoming.get(path), state);
                written++;
            }
            for (String path : incoming.keySet()) {
                if (!seen.contains(path)) {
                    throw new CliException("The site's zip of changes lacks " + path + " that it lists");
                }
            }
            int gone = 0;
            for (String path : removed) {
                Path target = ProjectPaths.resolve(root, path);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Writing.deleteWithEmptyFolders(root, target);
                    gone++;
                }
                state.files.remove(path);
            }
            state.revision = to;
            return new Result(to, written, alreadyThere.size(), gone, bytes);
        }
    }

    /** The file at a project path as it is on disk, or null when there is none (a link or folder counts as a file). */
    private static LocalFile local(Path root, String path) throws IOException {
        Path file = ProjectPaths.resolve(root, path);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            // Not a file the client wrote: never equal to anything recorded, so it counts as a local change.
            return new LocalFile(path, file, -1, -1);
        }
        return new LocalFile(path, file, attrs.size(), attrs.lastModifiedTime().toMillis());
    }

    /** Writes the current entry to {@code path}, checks its hash when one is expected, records it; gives its size. */
    private static long write(ZipInputStream in, Path root, String path, String expectedHash, State state) throws IOException {
        Path target = ProjectPaths.resolve(root, path);
        ProjectPaths.prepareParent(root, target);
        Path temp = Files.createTempFile(target.getParent(), ProjectPaths.TEMP_PREFIX, ".tmp");
        try {
            ContentHash hash = new ContentHash();
            byte[] buffer = new byte[256 * 1024];
            try (OutputStream out = Files.newOutputStream(temp)) {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    hash.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            long size = hash.size();
            String written = hash.finish();
            if (expectedHash != null && !expectedHash.equals(written)) {
                throw new CliException("The content of " + path + " arrived damaged (its hash is not the one listed); "
                        + "nothing more was written, run the checkout again");
            }
            Writing.moveIntoPlace(temp, target);
            state.record(path, target, written);
            return size;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
