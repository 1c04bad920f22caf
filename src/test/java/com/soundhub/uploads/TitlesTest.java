package com.soundhub.uploads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitlesTest {

    @Test
    void makesATitleOfAFileName() {
        assertThat(Titles.fromFileName("rainy_day demo v2.wav")).isEqualTo("rainy day demo v2");
        assertThat(Titles.fromFileName("C:\\music\\Song.Name.final.flac")).isEqualTo("Song.Name.final");
        assertThat(Titles.fromFileName("노래.mp3")).isEqualTo("노래");
        assertThat(Titles.fromFileName(".wav")).isEqualTo(".wav");
        assertThat(Titles.fromFileName("___.mp3")).isEqualTo("Untitled");
        assertThat(Titles.fromFileName(null)).isEqualTo("Untitled");
        assertThat(Titles.fromFileName("x".repeat(300) + ".mp3")).hasSize(200);
    }

    @Test
    void knowsWhetherATitleStillComesFromTheFileName() {
        assertThat(Titles.isFromFileName("rainy day demo v2", "rainy_day demo v2.wav")).isTrue();
        assertThat(Titles.isFromFileName("Rainy Day", "rainy_day demo v2.wav")).isFalse();
        assertThat(Titles.fromTag("  Quiet\ttune \n")).isEqualTo("Quiet tune");
        assertThat(Titles.fromTag(" \u0000 ")).isNull();
    }
}
