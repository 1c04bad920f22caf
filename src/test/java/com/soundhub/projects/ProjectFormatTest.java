package com.soundhub.projects;

import com.soundhub.recordings.Visibility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sizes and durations as the project pages write them. */
class ProjectFormatTest {

    private final ProjectFormat format = new ProjectFormat();

    @Test
    void sizesAreWrittenInTheLargestUnitThatKeepsThemReadable() {
        assertThat(format.size(0)).isEqualTo("0 bytes");
        assertThat(format.size(1)).isEqualTo("1 byte");
        assertThat(format.size(1023)).isEqualTo("1023 bytes");
        assertThat(format.size(1024)).isEqualTo("1.0 KB");
        assertThat(format.size(300_000)).isEqualTo("293 KB");
        assertThat(format.size(5 * 1024 * 1024 + 512 * 1024)).isEqualTo("5.5 MB");
        assertThat(format.size(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GB");
    }

    @Test
    void durationsAreWrittenAsPlayersShowThemAndUnknownOnesAreLeftOut() {
        assertThat(format.duration(null)).isEmpty();
        assertThat(format.duration(192_400)).isEqualTo("3:12");
        assertThat(format.duration(3_723_000)).isEqualTo("1:02:03");
    }

    @Test
    void filesArePlayableWhenMeasuredAsAudioOrNamedSo() {
        assertThat(format.playable(file("mix.WAV", null))).isTrue();
        assertThat(format.playable(file("notes.txt", null))).isFalse();
        assertThat(format.playable(file("take", 1000))).isTrue();
    }

    @Test
    void everyVisibilityIsExplained() {
        for (Visibility visibility : Visibility.values()) {
            assertThat(format.explain(visibility)).isNotBlank();
        }
    }

    private static ProjectFile file(String path, Integer durationMs) {
        return new ProjectFile(path, "0".repeat(64), 10, 1, java.time.Instant.EPOCH, durationMs, null, null, 0);
    }
}
