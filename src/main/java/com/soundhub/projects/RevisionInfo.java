package com.soundhub.projects;

import java.time.Instant;

/** A revision without its files: who pushed what, when, on top of which revision. */
public record RevisionInfo(int number, int parent, int base, long authorId, String message, Instant createdAt,
                           int added, int changed, int removed, int fileCount, long totalSize) {

    /** True when the push started from an older revision and was replayed onto newer work. */
    public boolean isRebased() {
        return base != parent;
    }
}
