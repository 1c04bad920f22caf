package com.soundhub.recordings;

/**
 * A recording's owner changed what others see of it: its details, its visibility, or deleted it.
 * Raised inside the transaction that makes the change.
 */
public record RecordingChanged(long recordingId, String publicId) {

    /**
     * The {@code ProgressHub} topic on which every instance hears, once the change commits, that
     * what it keeps of the public catalogue (pages, search results) is out of date.
     */
    public static final String TOPIC = "catalogue-changed";
}
