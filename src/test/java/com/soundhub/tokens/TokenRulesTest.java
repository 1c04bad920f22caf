package com.soundhub.tokens;

import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import com.soundhub.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRulesTest {

    @Test
    void aNewTokenIsThePrefixAndFortyBase62Characters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = TokenRules.newToken();
            assertThat(token).matches("shp_[0-9A-Za-z]{40}");
            assertThat(TokenRules.looksLikeToken(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void onlyTextOfATokensFormIsWorthALookup() {
        assertThat(TokenRules.looksLikeToken(null)).isFalse();
        assertThat(TokenRules.looksLikeToken("")).isFalse();
        assertThat(TokenRules.looksLikeToken("shp_" + "a".repeat(39))).isFalse();
        assertThat(TokenRules.looksLikeToken("shp_" + "a".repeat(41))).isFalse();
        assertThat(TokenRules.looksLikeToken("ghp_" + "a".repeat(40))).isFalse();
        assertThat(TokenRules.looksLikeToken("shp_" + "a".repeat(39) + "-")).isFalse();
        assertThat(TokenRules.looksLikeToken("shp_" + "a".repeat(39) + "é")).isFalse();
        assertThat(TokenRules.looksLikeToken("shp_" + "aZ09".repeat(10))).isTrue();
    }

    @Test
    void theHashIsSha256OfTheToken() {
        assertThat(HexFormat.of().formatHex(TokenRules.hash("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenRules.hash("shp_a")).isNotEqualTo(TokenRules.hash("shp_b"));
    }

    @Test
    void aNameIsTrimmedAndMustFit() {
        assertThat(TokenRules.name("  laptop \n")).isEqualTo("laptop");
        assertThat(TokenRules.name("x".repeat(60))).hasSize(60);
        assertThatThrownBy(() -> TokenRules.name("   ")).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("name"));
        assertThatThrownBy(() -> TokenRules.name(null)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> TokenRules.name("x".repeat(61))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("at most 60");
    }

    @Test
    void aMemberMayHaveTwentyLiveTokens() {
        assertThat(TokenRules.mayCreateAnother(0)).isTrue();
        assertThat(TokenRules.mayCreateAnother(19)).isTrue();
        assertThat(TokenRules.mayCreateAnother(20)).isFalse();
    }

    @Test
    void aTokenWorksUntilItExpires() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        assertThat(TokenRules.isLive(null, now)).isTrue();
        assertThat(TokenRules.isLive(now.plusSeconds(1), now)).isTrue();
        assertThat(TokenRules.isLive(now, now)).isFalse();
        assertThat(TokenRules.Lifetime.DAYS_30.expiry(now)).isEqualTo(Instant.parse("2026-03-31T12:00:00Z"));
        assertThat(TokenRules.Lifetime.NEVER.expiry(now)).isNull();
        assertThat(TokenRules.Lifetime.of("365")).contains(TokenRules.Lifetime.YEAR);
        assertThat(TokenRules.Lifetime.of("7")).isEmpty();
        for (TokenRules.Lifetime lifetime : TokenRules.Lifetime.values()) {
            assertThat(lifetime.getValue()).matches(TokenRules.Lifetime.VALUES);
        }
    }

    @Test
    void useIsWrittenDownAtMostOnceAMinute() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        assertThat(TokenRules.useWorthRecording(null, now)).isTrue();
        assertThat(TokenRules.useWorthRecording(now.minusSeconds(59), now)).isFalse();
        assertThat(TokenRules.useWorthRecording(now.minusSeconds(60), now)).isTrue();
        assertThat(TokenRules.useWorthRecording(now.plusSeconds(5), now)).isFalse();
    }
}
