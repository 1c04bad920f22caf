package com.soundhub.cli;

import java.nio.file.Path;

/** A file found in a project folder: its project path, where it is, its size and modification time (ms). */
record LocalFile(String path, Path file, long size, long mtime) {
}
