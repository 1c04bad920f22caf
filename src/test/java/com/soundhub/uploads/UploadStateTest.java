package com.soundhub.uploads;

import org.junit.jupiter.api.Test;

import static com.soundhub.uploads.UploadState.AWAITING_UPLOAD;
import static com.soundhub.uploads.UploadState.DEAD;
import static com.soundhub.uploads.UploadState.EXPIRED;
import static com.soundhub.uploads.UploadState.FAILED_RETRYING;
import static com.soundhub.uploads.UploadState.PROBING;
import static com.soundhub.uploads.UploadState.READY;
import static com.soundhub.uploads.UploadState.REJECTED;
import static com.soundhub.uploads.UploadState.TRANSCODING;
import static com.soundhub.uploads.UploadState.UPLOADED;
import static org.assertj.core.api.Assertions.assertThat;

class UploadStateTest {

    @Test
    void theHappyPathIsAllowedStepByStep() {
        assertThat(AWAITING_UPLOAD.canMoveTo(UPLOADED)).isTrue();
        assertThat(UPLOADED.canMoveTo(PROBING)).isTrue();
        assertThat(PROBING.canMoveTo(TRANSCODING)).isTrue();
        assertThat(TRANSCODING.canMoveTo(READY)).isTrue();
    }

    @Test
    void noStepCanBeSkipped() {
        assertThat(AWAITING_UPLOAD.canMoveTo(READY)).isFalse();
        assertThat(AWAITING_UPLOAD.canMoveTo(PROBING)).isFalse();
        assertThat(UPLOADED.canMoveTo(READY)).isFalse();
        assertThat(PROBING.canMoveTo(READY)).isFalse();
    }

    @Test
    void workInterruptedByACrashStartsOverFromProbing() {
        assertThat(PROBING.canMoveTo(PROBING)).isTrue();
        assertThat(TRANSCODING.canMoveTo(PROBING)).isTrue();
        assertThat(FAILED_RETRYING.canMoveTo(PROBING)).isTrue();
    }

    @Test
    void onlyDeadUploadsComeBackAndOnlyByRetry() {
        assertThat(DEAD.canMoveTo(UPLOADED)).isTrue();
        for (UploadState next : UploadState.values()) {
            assertThat(READY.canMoveTo(next)).as("READY -> %s", next).isFalse();
            assertThat(REJECTED.canMoveTo(next)).as("REJECTED -> %s", next).isFalse();
            assertThat(EXPIRED.canMoveTo(next)).as("EXPIRED -> %s", next).isFalse();
        }
    }

    @Test
    void finalAndProcessingStatesAreDistinct() {
        for (UploadState state : UploadState.values()) {
            assertThat(state.isFinal() && state.isProcessing()).as(state.name()).isFalse();
        }
        assertThat(AWAITING_UPLOAD.isFinal()).isFalse();
        assertThat(AWAITING_UPLOAD.isProcessing()).isFalse();
    }
}
