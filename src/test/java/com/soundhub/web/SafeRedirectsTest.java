package com.soundhub.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeRedirectsTest {

    @Test
    void pathsOnThisSiteAreKept() {
        assertThat(SafeRedirects.localPath("/settings/profile", "/")).isEqualTo("/settings/profile");
        assertThat(SafeRedirects.localPath("/search?q=jazz&page=2", "/")).isEqualTo("/search?q=jazz&page=2");
    }

    @Test
    void anythingThatCouldLeaveTheSiteFallsBack() {
        for (String hostile : new String[]{"https://evil.example", "//evil.example", "/\\evil.example", "\\\\evil",
                "javascript:alert(1)", "/ok\r\nSet-Cookie: x=y", "", null, "relative/path"}) {
            assertThat(SafeRedirects.localPath(hostile, "/")).as(String.valueOf(hostile)).isEqualTo("/");
        }
    }
}
