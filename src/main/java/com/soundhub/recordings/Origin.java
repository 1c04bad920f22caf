package com.soundhub.recordings;

/** Where a recording's audio came from. */
public enum Origin {
    UPLOAD,
    GENERATED,
    MIXDOWN
}
