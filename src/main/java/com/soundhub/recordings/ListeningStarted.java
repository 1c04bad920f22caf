package com.soundhub.recordings;

/** Someone other than the owner started listening to a recording. {@code listener} is pseudonymous. */
public record ListeningStarted(long recordingId, String listener) {
}
