package com.soundhub.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionTest {

    @Test
    void anyFileNameIsSafeInTheHeader() {
        String header = ContentDisposition.attachment("봄 노래 \"final\".wav");
        assertThat(header).startsWith("attachment; filename=\"")
                .contains("filename*=UTF-8''%EB%B4%84%20%EB%85%B8%EB%9E%98%20%22final%22.wav")
                .doesNotContain("\r").doesNotContain("\n");
        String fallback = header.substring(header.indexOf('"') + 1, header.indexOf('"', header.indexOf('"') + 1));
        assertThat(fallback).matches("[A-Za-z0-9._ -]+");
    }
}
