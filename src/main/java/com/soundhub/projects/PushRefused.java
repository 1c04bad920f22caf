package com.soundhub.projects;

import java.util.List;

/** A push that cannot go on, with a message for the member and, where it applies, the files at fault. */
public class PushRefused extends RuntimeException {

    private final List<FileProblem> files;

    public PushRefused(String message) {
        this(message, List.of());
    }

    public PushRefused(String message, List<FileProblem> files) {
        super(message, null, false, false);
        this.files = List.copyOf(files);
    }

    public List<FileProblem> files() {
        return files;
    }
}
