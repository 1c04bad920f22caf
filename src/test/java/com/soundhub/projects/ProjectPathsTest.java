package com.soundhub.projects;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectPathsTest {

    @Test
    void ordinaryPathsPass() {
        assertThat(ProjectPaths.problemWith("stems/drums.wav")).isNull();
        assertThat(ProjectPaths.problemWith("Ableton Project/Night Drive.als")).isNull();
        assertThat(ProjectPaths.problemWith("lyrics – café.txt")).isNull();
        assertThat(ProjectPaths.problemWith(".hidden/notes")).isNull();
    }

    @Test
    void pathsThatCannotCheckOutEverywhereAreRefusedWithAReason() {
        assertThat(ProjectPaths.problemWith("")).contains("needs a path");
        assertThat(ProjectPaths.problemWith("/abs.wav")).contains("relative");
        assertThat(ProjectPaths.problemWith("C:/abs.wav")).contains("relative");
        assertThat(ProjectPaths.problemWith("a/../b.wav")).contains("..");
        assertThat(ProjectPaths.problemWith("./b.wav")).contains(".");
        assertThat(ProjectPaths.problemWith("a\\b.wav")).contains("backslash");
        assertThat(ProjectPaths.problemWith("a\u0000b")).contains("control");
        assertThat(ProjectPaths.problemWith("a\u001fb")).contains("control");
        assertThat(ProjectPaths.problemWith("a\u0085b")).contains("control");
        assertThat(ProjectPaths.problemWith("a//b")).contains("empty folder");
        assertThat(ProjectPaths.problemWith("a/")).contains("empty folder");
        assertThat(ProjectPaths.problemWith("é".repeat(128) + ".wav")).contains("255 bytes");
        assertThat(ProjectPaths.problemWith("ab/".repeat(341) + "c")).isNull();
        assertThat(ProjectPaths.problemWith("ab/".repeat(341) + "cd")).contains("1024 bytes");
    }

    @Test
    void pathsDifferingOnlyByCaseOrNormalisationShareAKey() {
        assertThat(ProjectPaths.collisionKey("Drums.WAV")).isEqualTo(ProjectPaths.collisionKey("drums.wav"));
        assertThat(ProjectPaths.collisionKey("Cafe\u0301.wav")).isEqualTo(ProjectPaths.collisionKey("Caf\u00e9.wav"));
        assertThat(ProjectPaths.collisionKey("drums.wav")).isNotEqualTo(ProjectPaths.collisionKey("drums2.wav"));
    }
}
