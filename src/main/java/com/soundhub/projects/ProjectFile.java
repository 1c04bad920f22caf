package com.soundhub.projects;

import java.time.Instant;

import com.soundhub.projects.contents.ContentInfo;

/** A file of a revision as pages and the API show it: the manifest entry and what is known of its content. */
public record ProjectFile(String path, String hash, long size, int sinceRevision, Instant modifiedAt, Integer durationMs,
                          Integer sampleRate, Integer channels, long crc32) {

    static ProjectFile of(ManifestEntry entry, ContentInfo content) {
        return new ProjectFile(entry.path(), entry.hash(), entry.size(), entry.sinceRevision(), entry.modifiedAt(),
                content == null ? null : content.durationMs(), content == null ? null : content.sampleRate(),
                content == null ? null : content.channels(), content == null ? 0 : content.crc32());
    }

    /** The file's name without its folders. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public boolean isAudio() {
        return durationMs != null;
    }
}
