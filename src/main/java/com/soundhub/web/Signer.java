package com.soundhub.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs short values with HMAC-SHA256 so that cookies the server wrote can be told apart from
 * cookies someone else wrote. A signed value is {@code value.signature}, URL-safe.
 */
public final class Signer {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public Signer(byte[] secret, String purpose) {
        // One derived key per purpose: a signed flash message can never pass as a CSRF token.
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"),
                purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /** {@code value} must be URL-safe (no dots); it is returned with its signature appended. */
    public String sign(String value) {
        return value + "." + ENCODER.encodeToString(hmac(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The value, when {@code signed} carries a valid signature. */
    public Optional<String> verify(String signed) {
        if (signed == null) {
            return Optional.empty();
        }
        int dot = signed.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String value = signed.substring(0, dot);
        byte[] given;
        try {
            given = DECODER.decode(signed.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = hmac(key, value.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, given) ? Optional.of(value) : Optional.empty();
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
