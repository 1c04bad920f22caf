package com.soundhub.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a project folder, by project path: regular files only, symbolic links neither
 * followed nor listed, the client's {@code .soundhub/} folder and its temporary files left out.
 */
final class FolderScan {

    private FolderScan() {
    }

    static Map<String, LocalFile> scan(Path root) {
        Map<String, LocalFile> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && dir.getParent().equals(root)
                            && dir.getFileName().toString().equals(ProjectPaths.STATE_FOLDER)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(ProjectPaths.TEMP_PREFIX)) {
                        String path = ProjectPaths.of(root, file);
                        files.put(path, new LocalFile(path, file, attrs.size(), attrs.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    throw new CliException("Cannot read " + ProjectPaths.of(root, file) + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
