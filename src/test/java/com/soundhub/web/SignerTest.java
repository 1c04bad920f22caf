package com.soundhub.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignerTest {

    final byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSignedValueVerifies() {
        Signer signer = new Signer(secret, "csrf");
        assertThat(signer.verify(signer.sign("hello"))).contains("hello");
    }

    @Test
    void tamperingIsDetected() {
        Signer signer = new Signer(secret, "csrf");
        String signed = signer.sign("hello");
        assertThat(signer.verify("hellp" + signed.substring(5))).isEmpty();
        assertThat(signer.verify(signed.substring(0, signed.length() - 2) + "xx")).isEmpty();
        assertThat(signer.verify("hello")).isEmpty();
        assertThat(signer.verify("hello.%%%")).isEmpty();
        assertThat(signer.verify(null)).isEmpty();
    }

    @Test
    void signaturesForOnePurposeDoNotPassForAnother() {
        String flash = new Signer(secret, "flash").sign("value");
        assertThat(new Signer(secret, "csrf").verify(flash)).isEmpty();
    }

    @Test
    void anotherKeyDoesNotVerify() {
        String signed = new Signer(secret, "csrf").sign("value");
        byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        assertThat(new Signer(other, "csrf").verify(signed)).isEmpty();
    }
}
