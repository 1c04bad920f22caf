package com.soundhub.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymousPagesTest {

    private static final long SECOND = 1_000_000_000L;

    private final AnonymousPages pages = new AnonymousPages();

    AnonymousPagesTest() {
        pages.lifetimeSeconds = 5;
    }

    private void keep(String key, String body, long now) {
        pages.keep(key, body.getBytes(StandardCharsets.UTF_8), "text/html", now, pages.generation());
    }

    private String found(String key, long now) {
        return pages.find(key, now).map(copy -> new String(copy.value().body(), StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void aKeptPageIsSentUntilItExpires() {
        long start = 1_000 * SECOND;
        keep("/", "front page", start);

        assertThat(found("/", start + 4 * SECOND)).isEqualTo("front page");
        assertThat(found("/search", start + SECOND)).isNull();
    }

    @Test
    void onceExpiredOneRequestRendersItAgainWhileTheOthersGetTheExpiredCopy() {
        long start = 1_000 * SECOND;
        keep("/", "front page", start);
        long expired = start + 6 * SECOND;

        assertThat(found("/", expired)).as("the first request after expiry renders").isNull();
        assertThat(found("/", expired + 1)).as("the others meanwhile").isEqualTo("front page");
        assertThat(found("/", expired + 2)).isEqualTo("front page");

        keep("/", "front page, rendered again", expired + SECOND);
        assertThat(found("/", expired + 2 * SECOND)).isEqualTo("front page, rendered again");
    }

    @Test
    void aRenderingThatNeverFinishesLetsAnotherRequestTry() {
        long start = 1_000 * SECOND;
        keep("/", "front page", start);
        long expired = start + 6 * SECOND;
        assertThat(found("/", expired)).isNull();

        assertThat(found("/", expired + ShortLivedCopies.REFRESH_NANOS + 1)).isNull();
    }

    @Test
    void aPageLongExpiredOrForgottenIsNeverSent() {
        long start = 1_000 * SECOND;
        keep("/", "front page", start);
        assertThat(found("/", start + 5 * SECOND + ShortLivedCopies.STALE_NANOS + 1)).isNull();

        keep("/members/mina", "profile", start);
        pages.forgetAll();
        assertThat(found("/members/mina", start + SECOND)).isNull();
    }
}
