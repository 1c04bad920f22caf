package com.soundhub.jobs.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scratch folders of media work, under one root that the instances of a host may share:
 * {@code <root>/<pid>-<start>/<run>/}. Each instance writes only into its own folder, named after
 * its process id and the time that process started. A folder whose process no longer runs was left
 * by an instance that died (even by {@code kill -9}, which runs no clean-up) and is removed by the
 * next instance that looks. The start time keeps a folder safe when its dead owner's pid has been
 * given to another process meanwhile.
 *
 * <p>Process ids only mean something within one pid namespace: instances in different containers
 * must not share a root (a container's temporary folder is its own by default).
 */
public final class WorkFolders {

    private final Path root;
    private final Owner self;

    public WorkFolders(Path root) {
        this(root, Owner.of(ProcessHandle.current()).orElseThrow());
    }

    WorkFolders(Path root, Owner self) {
        this.root = root.toAbsolutePath();
        this.self = self;
    }

    /** This instance's folder; a run's folder sits inside it. */
    public Path instanceFolder() {
        return root.resolve(self.folderName());
    }

    /** A new, empty folder for one run; its name starts with {@code label}. */
    public Path newRunFolder(String label) throws IOException {
        Path mine = Files.createDirectories(instanceFolder());
        return Files.createTempDirectory(mine, label.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
    }

    /**
     * Removes the folders of instances whose process has ended; another instance's live folder
     * and this instance's own stay. Safe while other instances do the same.
     *
     * @return the folders removed
     */
    public List<Path> removeLeftoversOfDeadInstances() {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return removed;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : folders) {
                Optional<Owner> owner = Owner.parse(folder.getFileName().toString());
                if (owner.isPresent() && !owner.get().equals(self) && !owner.get().isRunning()) {
                    deleteRecursively(folder);
                    removed.add(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not look for left-over folders in " + root, e);
        }
        return removed;
    }

    /** Deletes a folder and everything in it; what is already gone (another instance was quicker) is fine. */
    public static void deleteRecursively(Path folder) throws IOException {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                    if (failure instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw failure;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    if (failure != null && !(failure instanceof NoSuchFileException)) {
                        throw failure;
                    }
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // Removed meanwhile.
        }
    }

    /**
     * The process an instance folder belongs to: its pid and its start time, in milliseconds.
     * Folder names look like {@code 4211-1767225600123}.
     */
    record Owner(long pid, long startMillis) {

        private static final Pattern NAME = Pattern.compile("(\\d+)-(\\d+)");
        /** Start times come from the kernel in clock ticks; allow for rounding between readers. */
        private static final long START_TOLERANCE_MILLIS = 1_000;

        static Optional<Owner> of(ProcessHandle process) {
            return process.info().startInstant().map(start -> new Owner(process.pid(), start.toEpochMilli()));
        }

        static Optional<Owner> parse(String folderName) {
            Matcher matcher = NAME.matcher(folderName);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Owner(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        String folderName() {
            return pid + "-" + startMillis;
        }

        /** The process still runs: its pid exists and belongs to a process started at the same time. */
        boolean isRunning() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    // A start time we may not read proves nothing: keep the folder.
                    .map(process -> process.info().startInstant().map(this::startedAt).orElse(true))
                    .orElse(false);
        }

        private boolean startedAt(Instant start) {
            return Math.abs(start.toEpochMilli() - startMillis) <= START_TOLERANCE_MILLIS;
        }
    }
}
