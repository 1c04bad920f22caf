package com.soundhub.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymousPageCacheTest {

    @Test
    void keepsBrowsablePagesOnly() {
        assertThat(AnonymousPageCache.isPage("/")).isTrue();
        assertThat(AnonymousPageCache.isPage("/search")).isTrue();
        assertThat(AnonymousPageCache.isPage("/recordings/AbC123xyz09")).isTrue();
        assertThat(AnonymousPageCache.isPage("/members/mina")).isTrue();
        assertThat(AnonymousPageCache.isPage("/genres/jazz")).isTrue();
        assertThat(AnonymousPageCache.isPage("/embed/AbC123xyz09")).isTrue();
    }

    @Test
    void neverKeepsFilesFormsOrPrivatePages() {
        assertThat(AnonymousPageCache.isPage("/recordings/AbC123xyz09/playlist.m3u8")).isFalse();
        assertThat(AnonymousPageCache.isPage("/recordings/AbC123xyz09/artwork.svg")).isFalse();
        assertThat(AnonymousPageCache.isPage("/members/mina.avatar.jpg")).isFalse();
        assertThat(AnonymousPageCache.isPage("/signin")).isFalse();
        assertThat(AnonymousPageCache.isPage("/messages")).isFalse();
        assertThat(AnonymousPageCache.isPage("/notifications")).isFalse();
        assertThat(AnonymousPageCache.isPage("/uploads")).isFalse();
        assertThat(AnonymousPageCache.isPage("/api/uploads")).isFalse();
        assertThat(AnonymousPageCache.isPage("/searching")).isFalse();
    }
}
