package com.soundhub.accounts;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenScopeTest {

    @Test
    void aReadTokenMayOnlyRead() {
        for (String method : new String[]{"GET", "HEAD", "OPTIONS"}) {
            assertThat(TokenScope.READ.permits(method)).as(method).isTrue();
            assertThat(TokenScope.WRITE.permits(method)).as(method).isTrue();
        }
        for (String method : new String[]{"POST", "PUT", "PATCH", "DELETE", "get", "TRACE", "PROPFIND"}) {
            assertThat(TokenScope.READ.permits(method)).as(method).isFalse();
            assertThat(TokenScope.WRITE.permits(method)).as(method).isTrue();
        }
    }

    @Test
    void theScopeIsKnownByItsGroupTheNarrowestWinning() {
        assertThat(TokenScope.ofGroups(Set.of("user", "token-read"))).contains(TokenScope.READ);
        assertThat(TokenScope.ofGroups(Set.of("user", "token-write"))).contains(TokenScope.WRITE);
        assertThat(TokenScope.ofGroups(Set.of("user", "token-write", "token-read"))).contains(TokenScope.READ);
        assertThat(TokenScope.ofGroups(Set.of("user", "admin"))).isEmpty();
    }

    @Test
    void labels() {
        assertThat(TokenScope.READ.label()).isEqualTo("read");
        assertThat(TokenScope.ofLabel("write")).contains(TokenScope.WRITE);
        assertThat(TokenScope.ofLabel("WRITE")).isEmpty();
        assertThat(TokenScope.ofLabel(null)).isEmpty();
    }
}
