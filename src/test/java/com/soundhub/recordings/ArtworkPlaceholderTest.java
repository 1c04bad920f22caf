package com.soundhub.recordings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArtworkPlaceholderTest {

    @Test
    void theSameRecordingAlwaysGetsTheSamePictureAndOthersDiffer() {
        assertThat(ArtworkPlaceholder.svg("abc", "Song")).isEqualTo(ArtworkPlaceholder.svg("abc", "Song"));
        assertThat(ArtworkPlaceholder.svg("abc", "Song")).isNotEqualTo(ArtworkPlaceholder.svg("abd", "Song"));
    }

    @Test
    void theTitleLetterIsEscaped() {
        String svg = ArtworkPlaceholder.svg("abc", "<script>");
        assertThat(svg).contains("&lt;</text>").doesNotContain("<script");
        assertThat(ArtworkPlaceholder.svg("abc", "봄날")).contains(">봄</text>");
    }
}
