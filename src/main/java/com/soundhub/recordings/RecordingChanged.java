package com.soundhub.recordings;

/**
 * A recording's owner changed what others see of it: its details, its visibility, or deleted it.
 * Raised inside the transaction that makes the change.
 */
public record RecordingChanged(long recordingId, String publicId) {
}
