package com.soundhub.recordings;

public enum RecordingStatus {
    /** Its audio is being uploaded or processed. */
    PROCESSING,
    /** Playable. */
    READY,
    /** Its audio was rejected or could not be processed. */
    FAILED
}
