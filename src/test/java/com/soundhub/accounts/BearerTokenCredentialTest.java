package com.soundhub.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenCredentialTest {

    @Test
    void theTokenOfABearerHeader() {
        assertThat(BearerTokenCredential.fromHeader("Bearer shp_abc")).contains("shp_abc");
        assertThat(BearerTokenCredential.fromHeader("bearer   shp_abc  ")).contains("shp_abc");
        assertThat(BearerTokenCredential.fromHeader("BEARER shp_abc")).contains("shp_abc");
    }

    @Test
    void aBearerHeaderWithoutATokenIsStillABearerHeader() {
        assertThat(BearerTokenCredential.fromHeader("Bearer")).contains("");
        assertThat(BearerTokenCredential.fromHeader("Bearer   ")).contains("");
        assertThat(new BearerTokenCredential("").isValid()).isFalse();
        assertThat(new BearerTokenCredential("x".repeat(201)).isValid()).isFalse();
        assertThat(new BearerTokenCredential("shp_abc").isValid()).isTrue();
    }

    @Test
    void otherSchemesAreNotBearerTokens() {
        assertThat(BearerTokenCredential.fromHeader(null)).isEmpty();
        assertThat(BearerTokenCredential.fromHeader("")).isEmpty();
        assertThat(BearerTokenCredential.fromHeader("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(BearerTokenCredential.fromHeader("Bearershp_abc")).isEmpty();
    }

    @Test
    void itsTextNeverShowsTheToken() {
        assertThat(new BearerTokenCredential("shp_secret").toString()).doesNotContain("shp_secret");
    }
}
