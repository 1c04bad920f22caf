package com.soundhub.recordings;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SilentRecordingTest {

    private static Recording published(Double lufs, byte[] peaks) {
        Recording recording = new Recording("AbCdEfGhIjK", null, Origin.UPLOAD, Instant.now());
        recording.publish(new MediaRendition("p/", "#EXTM3U", 60, lufs, peaks), Instant.now());
        return recording;
    }

    @Test
    void aRecordingIsSilentWhenItsLoudnessIsAtTheFloorOrItHasNoPeaks() {
        assertThat(published(-70.0, new byte[]{0, 0, 0}).isSilent()).isTrue();
        assertThat(published(-14.2, new byte[]{10, (byte) 200}).isSilent()).isFalse();
        assertThat(published(-45.0, new byte[]{3, 4}).isSilent()).isFalse();
        // Pure digital silence measures minus infinity, which is no number: the waveform tells.
        assertThat(published(null, new byte[]{0, 1, 0}).isSilent()).isTrue();
        assertThat(published(null, new byte[]{0, 90, 0}).isSilent()).isFalse();
        assertThat(published(null, null).isSilent()).isFalse();
        assertThat(new Recording("AbCdEfGhIjK", null, Origin.UPLOAD, Instant.now()).isSilent()).isFalse();
    }

    @Test
    void coversHaveAnAddressThatChangesWithThePicture() {
        assertThat(Recording.artworkUrl("AbC", null)).isEqualTo("/recordings/AbC/artwork.svg");
        assertThat(Recording.artworkUrl("AbC", "recordings/AbC/cover-0123abcd.jpg")).isEqualTo("/recordings/AbC/cover.jpg?v=0123abcd");
    }
}
