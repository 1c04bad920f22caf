package com.soundhub.projects;

import java.time.Instant;

import com.soundhub.projects.contents.ContentInfo;
import com.soundhub.projects.contents.ContentStore;

/**
 * A file of a revision as pages and the API show it: the manifest entry and what is known of its content.
 *
 * @param analysis     for audio, how far the media job is: PENDING, DONE or FAILED; NONE for other files
 * @param analysisNote when the analysis failed, why, in plain words
 */
public record ProjectFile(String path, String hash, long size, int sinceRevision, Instant modifiedAt, Integer durationMs,
                          Integer sampleRate, Integer channels, long crc32, String analysis, String analysisNote) {

    public ProjectFile(String path, String hash, long size, int sinceRevision, Instant modifiedAt, Integer durationMs,
                       Integer sampleRate, Integer channels, long crc32) {
        this(path, hash, size, sinceRevision, modifiedAt, durationMs, sampleRate, channels, crc32, null, null);
    }

    static ProjectFile of(ManifestEntry entry, ContentInfo content) {
        return new ProjectFile(entry.path(), entry.hash(), entry.size(), entry.sinceRevision(), entry.modifiedAt(),
                content == null ? null : content.durationMs(), content == null ? null : content.sampleRate(),
                content == null ? null : content.channels(), content == null ? 0 : content.crc32(),
                content == null ? null : content.analysis(), content == null ? null : content.analysisNote());
    }

    /** The file's name without its folders. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Analysed audio: its length, sample rate and channels are known and it can be played. */
    public boolean isAudio() {
        return durationMs != null;
    }

    /**
     * A file that is audio or is named like audio, analysed or not yet: the files the player
     * fragment ({@code projects/player.html}) is for.
     */
    public boolean isAudioFile() {
        return isAudio() || isAnalysing() || analysisFailed() || ContentStore.looksLikeAudio(path);
    }

    /** The media job has yet to analyse it. */
    public boolean isAnalysing() {
        return "PENDING".equals(analysis);
    }

    /** Analysed, with a playlist and a waveform. */
    public boolean isPlayable() {
        return "DONE".equals(analysis) && durationMs != null;
    }

    /** It is named like audio, yet could not be analysed; {@link #analysisNote} says why. */
    public boolean analysisFailed() {
        return "FAILED".equals(analysis);
    }

    /** The length in seconds, for the player; 0 when unknown. */
    public double durationSeconds() {
        return durationMs == null ? 0 : durationMs / 1000.0;
    }
}
