package com.soundhub.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowsersTest {

    @Test
    void namesTheBrowserAndTheSystemPeopleKnow() {
        assertThat(Browsers.describe("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
                .isEqualTo("Firefox on Linux");
        assertThat(Browsers.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0")).as("Edge says Chrome and Safari too").isEqualTo("Edge on Windows");
        assertThat(Browsers.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iPhone");
        assertThat(Browsers.describe("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"))
                .isEqualTo("Chrome on Android");
    }

    @Test
    void somethingUnknownStillReadsAsASentence() {
        assertThat(Browsers.describe(null)).isEqualTo("An unknown browser");
        assertThat(Browsers.describe("")).isEqualTo("An unknown browser");
        assertThat(Browsers.describe("SomeBot/1.0 (Windows)")).isEqualTo("A browser on Windows");
        assertThat(Browsers.describe("Java-http-client/17.0.13")).isEqualTo("A Java program");
    }
}
