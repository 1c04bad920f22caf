package com.soundhub.projects;

import java.time.Instant;

/**
 * One file of a revision: its path, which content it holds, and since which revision (and time)
 * it has held it.
 */
public record ManifestEntry(String path, String hash, long size, int sinceRevision, Instant modifiedAt) {

    public boolean sameContentAs(ManifestEntry other) {
        return other != null && other.hash.equals(hash);
    }
}
