package com.soundhub.recordings;

/**
 * A recording is about to be deleted, in the deleting transaction: features that keep something for
 * it let go of it here.
 */
public record RecordingDeleting(long recordingId) {
}
