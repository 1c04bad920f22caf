package com.soundhub.uploads;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an upload is. The normal path is AWAITING_UPLOAD, UPLOADED, PROBING, TRANSCODING, READY.
 * A file that is not acceptable ends REJECTED (with a reason); a file never sent ends EXPIRED;
 * processing that fails is FAILED_RETRYING until it succeeds or runs out of attempts (DEAD).
 */
public enum UploadState {
    AWAITING_UPLOAD("Waiting for the file"),
    UPLOADED("Received, waiting to be processed"),
    PROBING("Checking the file"),
    TRANSCODING("Preparing it for streaming"),
    READY("Ready"),
    REJECTED("Rejected"),
    FAILED_RETRYING("Failed, will retry"),
    DEAD("Failed"),
    EXPIRED("Never received");

    private static final Map<UploadState, Set<UploadState>> NEXT = Map.of(
            AWAITING_UPLOAD, EnumSet.of(UPLOADED, REJECTED, EXPIRED),
            UPLOADED, EnumSet.of(PROBING, FAILED_RETRYING, DEAD),
            // PROBING and TRANSCODING may start over: the instance working on them died.
            PROBING, EnumSet.of(PROBING, TRANSCODING, REJECTED, FAILED_RETRYING, DEAD),
            TRANSCODING, EnumSet.of(PROBING, READY, REJECTED, FAILED_RETRYING, DEAD),
            FAILED_RETRYING, EnumSet.of(PROBING, FAILED_RETRYING, DEAD),
            DEAD, EnumSet.of(UPLOADED),
            READY, EnumSet.noneOf(UploadState.class),
            REJECTED, EnumSet.noneOf(UploadState.class),
            EXPIRED, EnumSet.noneOf(UploadState.class));

    private final String label;

    UploadState(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    public boolean canMoveTo(UploadState next) {
        return NEXT.get(this).contains(next);
    }

    /** Nothing more will happen on its own. */
    public boolean isFinal() {
        return this == READY || this == REJECTED || this == DEAD || this == EXPIRED;
    }

    /** The processing job owns the upload in these states. */
    public boolean isProcessing() {
        return this == UPLOADED || this == PROBING || this == TRANSCODING || this == FAILED_RETRYING;
    }
}
